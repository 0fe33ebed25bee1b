/**
 * The cloud never sees patient data (issue 7, ARCHITECTURE §4): after the
 * demo clinic — patients, appointments, charted visits, an attachment whose
 * file name and title carry the patient's name — has synced everything to a
 * real S3 server, the bucket is read with a plain S3 client, as anyone with
 * the bucket's keys could: no object key, object body or metadata holds any
 * patient's name, date of birth or MRN. The same search over the
 * workstation's own database file finds them, so the search can find.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { makeCore, type TestCore } from '../support/core';
import { pngFile } from '../fixtures/attachments/files';
import { startS3Server, type S3Server } from '../support/s3server';
import { s3Target } from '../support/sync-s3';
import { PASSPHRASE, testSync } from '../support/sync';

let server: S3Server;
let demo: TestCore;

interface Stored {
  key: string;
  body: Buffer;
  metadata: string;
}

async function readBucket(): Promise<Stored[]> {
  const config = server.config();
  const s3 = new S3Client({
    endpoint: server.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const stored: Stored[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: server.bucket, ContinuationToken: token }));
    for (const { Key } of page.Contents ?? []) {
      if (!Key) continue;
      const object = await s3.send(new GetObjectCommand({ Bucket: server.bucket, Key }));
      const head = await s3.send(new HeadObjectCommand({ Bucket: server.bucket, Key }));
      stored.push({
        key: Key,
        body: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
        metadata: JSON.stringify({ ...head.Metadata, type: head.ContentType, disposition: head.ContentDisposition }),
      });
    }
    token = page.NextContinuationToken;
  } while (token);
  s3.destroy();
  return stored;
}

beforeAll(async () => {
  server = await startS3Server();
  const target = s3Target(server, 'clinic-a');
  demo = await makeCore({ demo: { patients: 40, daysBack: 7, daysAhead: 7 }, sync: testSync(target) });
  const admin = await demo.login('admin', DEMO_PASSWORD);
  await admin.ok('sync.configure', { target, passphrase: PASSPHRASE });
  const [patient] = demo.query<{ id: string; familyName: string }>('SELECT id, family_name AS familyName FROM patients LIMIT 1');
  const doc = await demo.login('physician', DEMO_PASSWORD);
  await doc.ok('attachments.add', {
    patientId: patient?.id ?? '',
    title: `Chest X-ray of ${patient?.familyName ?? ''}`,
    fileName: `${patient?.familyName ?? ''}-chest.png`,
    mediaType: 'image/png',
    content: pngFile().toString('base64'),
  });
  for (let round = 0; round < 40 && (await admin.ok('sync.status', {})).pendingOps > 0; round += 1) await admin.ok('sync.now', {});
}, 180_000);

afterAll(async () => {
  await demo.close();
  await server.stop();
});

describe('the bucket after a full demo sync', () => {
  it('holds no patient name, date of birth or MRN in any key, body or metadata', async () => {
    const admin = await demo.login('admin', DEMO_PASSWORD);
    // Everything pushed, the audit row of this sign-in too.
    expect((await admin.ok('sync.now', {})).pendingOps).toBe(0);
    const patients = demo.query<{ given: string; family: string; dob: string; mrn: string }>(
      'SELECT given_name AS given, family_name AS family, date_of_birth AS dob, mrn FROM patients',
    );
    expect(patients.length).toBeGreaterThanOrEqual(40);
    const needles = patients.flatMap((p) => [p.given, p.family, p.dob, p.dob.replaceAll('-', ''), p.mrn]).filter((n) => n.length >= 4);
    const stored = await readBucket();
    expect(stored.length).toBeGreaterThan(5);
    expect(stored.some((s) => s.key.includes('/blobs/'))).toBe(true);
    const haystacks = stored.flatMap((s) => [s.key, s.metadata, s.body.toString('utf8'), s.body.toString('latin1')]);
    const found = needles.filter((needle) => haystacks.some((text) => text.includes(needle)));
    expect(found).toEqual([]);

    // The same search has teeth: the workstation's own (unencrypted, for now) database holds them all.
    const local = readFileSync(join(demo.dataDir, 'outpost.db')).toString('utf8');
    expect(patients.filter((p) => local.includes(p.family))).toHaveLength(patients.length);
  });
});
