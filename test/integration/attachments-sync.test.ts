/**
 * Attachments across two workstations through a real S3 server, and once
 * through a sync folder (ARCHITECTURE §4): A attaches and syncs, its content uploaded (encrypted,
 * under an opaque key) before the segment that names it; B lists the file
 * without downloading it, fetches it only when opened (not while offline),
 * checks its hash and caches it; content altered in the bucket is refused.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncTarget } from '../../main/contract';
import { S3Store } from '../../main/sync/objects/s3';
import type { ObjectStore } from '../../main/sync/objects/types';
import { dicomFile } from '../fixtures/attachments/files';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startS3Server, type S3Server } from '../support/s3server';
import { directStore, s3Target, throughProxy } from '../support/sync-s3';
import { makeSyncedClinic, type SyncedClinic } from '../support/sync';

const MARKER = 'SYNTHETIC-REPORT-MARKER-4412';

let s3: S3Server;
let proxy: FaultProxy;
let clinic: SyncedClinic;
let target: SyncTarget;
let b: TestCore;
let doctorA: Caller;
let doctorB: Caller;
/** Every key A wrote, in order (puts and create-only writes alike). */
const writtenByA: string[] = [];

/** A's store: S3 as configured, recording the order of its writes. */
function recording(store: ObjectStore): ObjectStore {
  return {
    description: store.description,
    create: (key, body) => (writtenByA.push(key), store.create(key, body)),
    put: (key, body) => (writtenByA.push(key), store.put(key, body)),
    get: (key) => store.get(key),
    list: (prefix, startAfter) => store.list(prefix, startAfter),
    delete: (key) => store.delete(key),
    clockSkewMs: () => store.clockSkewMs(),
  };
}

async function syncBoth() {
  const managers = [await clinic.a.as('manager'), await b.login(STAFF.manager.username, PASSWORD)];
  for (let pass = 0; pass < 2; pass += 1) for (const manager of managers) await manager.ok('sync.now', {});
}

const blobKeys = async () => (await directStore(s3, target).list('clinics/')).filter((o) => o.key.includes('/blobs/')).map((o) => o.key);
const localBlobs = (core: TestCore) => (existsSync(join(core.dataDir, 'blobs')) ? readdirSync(join(core.dataDir, 'blobs')) : []);

beforeAll(async () => {
  s3 = await startS3Server();
  proxy = await startFaultProxy(s3.endpoint);
  target = s3Target(s3, 'clinic-attachments');
  const storeForA = (t: SyncTarget) => recording(new S3Store(s3.config(t.kind === 's3' ? t.prefix : undefined)));
  clinic = await makeSyncedClinic({ seed: 2525, target, sync: { storeFor: storeForA } });
  b = await clinic.join({ sync: { storeFor: throughProxy(s3, proxy) } });
  doctorA = await clinic.a.as('physician');
  doctorB = await b.login(STAFF.physician.username, PASSWORD);
}, 60_000);
afterAll(async () => {
  await clinic?.close();
  await proxy?.stop();
  await s3?.stop();
});

describe('an attachment made on A, opened on B', () => {
  it('uploads the content before the segment naming it; B downloads it only when opened, verified and cached', async () => {
    const patient = await clinic.a.addPatient();
    const report = Buffer.from(`${MARKER}\nSynthetic pathology report: benign.\n`);
    const added = await doctorA.ok('attachments.add', {
      patientId: patient.id,
      title: 'Pathology report',
      fileName: 'pathology-report.txt',
      mediaType: 'text/plain',
      content: report.toString('base64'),
    });
    await syncBoth();

    // The blob went up before any segment of A's log (the one holding the row included).
    const [blobKey] = await blobKeys();
    expect(blobKey).toBeDefined();
    const blobAt = writtenByA.indexOf(blobKey ?? '');
    const segmentsAfter = writtenByA.slice(blobAt).filter((key) => key.includes('/log/'));
    expect(blobAt).toBeGreaterThanOrEqual(0);
    expect(segmentsAfter.length).toBeGreaterThan(0);

    // B knows the file but has not fetched it.
    const listed = (await doctorB.ok('attachments.list', { patientId: patient.id })).attachments;
    expect(listed).toEqual([expect.objectContaining({ id: added.id, title: 'Pathology report', availableLocally: false })]);
    expect(localBlobs(b)).toEqual([]);

    // Offline, an unopened file says it will open once back online, and nothing is cached.
    await proxy.setMode('offline');
    const offline = await doctorB.refuses('attachments.content', { id: added.id }, 'NOT_FOUND');
    expect(offline.message).toMatch(/offline.*open once the workstation is back online/);
    await proxy.setMode('pass');
    const managerB = await b.login(STAFF.manager.username, PASSWORD);
    await managerB.ok('sync.setPaused', { paused: true });
    expect((await doctorB.refuses('attachments.content', { id: added.id }, 'NOT_FOUND')).message).toMatch(/back online/);
    await managerB.ok('sync.setPaused', { paused: false });

    const opened = await doctorB.ok('attachments.content', { id: added.id });
    expect(Buffer.from(opened.content, 'base64').equals(report)).toBe(true);
    expect((await doctorB.ok('attachments.list', { patientId: patient.id })).attachments[0]?.availableLocally).toBe(true);
    expect(localBlobs(b)).toHaveLength(1);

    // Cached: it opens offline now.
    await proxy.setMode('offline');
    expect(Buffer.from((await doctorB.ok('attachments.content', { id: added.id })).content, 'base64').equals(report)).toBe(true);
    await proxy.setMode('pass');

    // A damaged local copy is dropped and fetched again from the cloud.
    for (const name of localBlobs(b)) {
      const path = join(b.dataDir, 'blobs', name);
      const bytes = readFileSync(path);
      bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0xff;
      writeFileSync(path, bytes);
    }
    expect(Buffer.from((await doctorB.ok('attachments.content', { id: added.id })).content, 'base64').equals(report)).toBe(true);

    // The cloud holds no name, no title, no hash and no plaintext.
    const everything = await directStore(s3, target).list('');
    for (const { key } of everything) {
      expect(key).not.toMatch(/pathology|report|\.txt/i);
      expect(key).not.toContain(added.sha256);
    }
    const stored = await directStore(s3, target).get(blobKey ?? '');
    expect(stored && Buffer.from(stored).includes(Buffer.from(MARKER))).toBe(false);
  });

  it('uploads content attached twice once, and DICOM metadata arrives with the row', async () => {
    const patient = await clinic.a.addPatient();
    const study = dicomFile({ modality: 'US', studyDate: '20260102', studyDescription: 'ABDOMEN COMPLETE', bodyPart: 'ABDOMEN' });
    const input = {
      patientId: patient.id,
      title: 'Abdominal ultrasound',
      fileName: 'abdomen.dcm',
      mediaType: 'application/dicom' as const,
      content: study.toString('base64'),
    };
    await doctorA.ok('attachments.add', input);
    await doctorA.ok('attachments.add', { ...input, title: 'Abdominal ultrasound (copy)' });
    const before = (await blobKeys()).length;
    await syncBoth();
    expect(await blobKeys()).toHaveLength(before + 1);
    const listed = (await doctorB.ok('attachments.list', { patientId: patient.id })).attachments;
    expect(listed.map((a) => a.dicom)).toEqual([
      { modality: 'US', studyDate: '2026-01-02', studyDescription: 'ABDOMEN COMPLETE', bodyPart: 'ABDOMEN' },
      { modality: 'US', studyDate: '2026-01-02', studyDescription: 'ABDOMEN COMPLETE', bodyPart: 'ABDOMEN' },
    ]);
    const [first] = listed;
    const opened = await doctorB.ok('attachments.content', { id: first?.id ?? '' });
    expect(Buffer.from(opened.content, 'base64').equals(study)).toBe(true);
  });

  it('refuses content altered in the bucket, or another blob copied over it, and caches nothing', async () => {
    const patient = await clinic.a.addPatient();
    const add = (title: string, text: string) =>
      doctorA.ok('attachments.add', {
        patientId: patient.id,
        title,
        fileName: `${title}.txt`,
        mediaType: 'text/plain',
        content: Buffer.from(text).toString('base64'),
      });
    const before = new Set(await blobKeys());
    const altered = await add('Consult note', 'Synthetic consult note, first.');
    await syncBoth();
    const [alteredKey] = (await blobKeys()).filter((key) => !before.has(key));
    const bucket = directStore(s3, target);
    const bytes = Buffer.from((await bucket.get(alteredKey ?? '')) ?? new Uint8Array());
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0x01;
    await bucket.put(alteredKey ?? '', bytes);

    const cached = localBlobs(b);
    const error = await doctorB.refuses('attachments.content', { id: altered.id }, 'CONFLICT');
    expect(error.message).toMatch(/failed its integrity check.*not shown/);
    expect(localBlobs(b)).toEqual(cached);

    // A genuine blob of the same clinic moved under this key fails too (its key is sealed in).
    const [otherKey] = [...before];
    await bucket.put(alteredKey ?? '', (await bucket.get(otherKey ?? '')) ?? new Uint8Array());
    await doctorB.refuses('attachments.content', { id: altered.id }, 'CONFLICT');
    // A still has its own good copy.
    expect(Buffer.from((await doctorA.ok('attachments.content', { id: altered.id })).content, 'base64').toString()).toMatch(/first/);
  });
});

describe('through a sync folder (the embedded default)', () => {
  it('stores the blob encrypted beside the logs, and the other workstation opens it', async () => {
    const folderClinic = await makeSyncedClinic({ seed: 2626 });
    try {
      const other = await folderClinic.join();
      const patient = await folderClinic.a.addPatient();
      const scan = Buffer.from(`${MARKER}\nSynthetic referral letter.\n`);
      const added = await (
        await folderClinic.a.as('physician')
      ).ok('attachments.add', {
        patientId: patient.id,
        title: 'Referral letter',
        fileName: 'referral-letter.txt',
        mediaType: 'text/plain',
        content: scan.toString('base64'),
      });
      const managers = [await folderClinic.a.as('manager'), await other.login(STAFF.manager.username, PASSWORD)];
      for (let pass = 0; pass < 2; pass += 1) for (const manager of managers) await manager.ok('sync.now', {});
      const folder = folderClinic.target.kind === 'folder' ? folderClinic.target.path : '';
      const blobs = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => path.includes('blobs/'));
      expect(blobs).toHaveLength(1);
      expect(readFileSync(join(folder, blobs[0] ?? '')).includes(Buffer.from(MARKER))).toBe(false);
      const doctor = await other.login(STAFF.physician.username, PASSWORD);
      const opened = await doctor.ok('attachments.content', { id: added.id });
      expect(Buffer.from(opened.content, 'base64').equals(scan)).toBe(true);
    } finally {
      await folderClinic.close();
    }
  });
});
