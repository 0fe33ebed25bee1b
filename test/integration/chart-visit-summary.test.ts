/**
 * encounters.visitSummary: the PDF a patient takes home, rendered for real
 * and read back with poppler (pdftotext for the assertions, pdftoppm for a PNG
 * a person can look at in test-results/pdf/). Only signed notes print.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeClinic, type Clinic } from '../support/clinic';
import { at, plusMinutes, upcoming } from '../support/time';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'pdf');
let clinic: Clinic;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 919 });
});
afterAll(() => clinic.close());

it('prints a signed visit with its diagnoses, measurements, plan, medications, allergies and next appointment', async () => {
  const doc = await clinic.as('physician');
  const patient = await clinic.addPatient({ givenName: 'Marisol', familyName: 'Quintero', dateOfBirth: '1961-08-14' });
  await doc.ok('allergies.save', { patientId: patient.id, category: 'drug', substance: 'Amoxicillin', reaction: 'Hives' });
  await doc.ok('medications.save', {
    patientId: patient.id,
    name: 'Amlodipine 5 mg',
    dose: '5 mg',
    route: 'oral',
    frequency: 'once daily',
  });
  const { encounter, note } = await doc.ok('encounters.open', { patientId: patient.id, reason: 'Blood pressure check' });
  await doc.ok('vitals.record', {
    patientId: patient.id,
    encounterId: encounter.id,
    systolic: 148,
    diastolic: 92,
    pulse: 76,
    weight: { value: 82, unit: 'kg' },
    height: { value: 165, unit: 'cm' },
  });
  await doc.ok('encounters.setDiagnoses', { id: encounter.id, diagnoses: [{ code: 'I10', title: 'Essential (primary) hypertension' }] });
  await doc.ok('notes.save', {
    id: note.id,
    content: {
      subjective: 'Home readings around 150/95.',
      assessment: 'Hypertension, not at goal.',
      plan: 'Start amlodipine 5 mg daily. Recheck in 4 weeks.',
    },
  });

  expect((await doc.refuses('encounters.visitSummary', { id: encounter.id }, 'CONFLICT')).message).toMatch(/Sign the note/);
  await doc.ok('notes.sign', { id: note.id });
  const day = upcoming(2);
  await (
    await clinic.as('front_desk')
  ).ok('appointments.book', {
    patientId: patient.id,
    providerId: clinic.providers.lane,
    typeId: clinic.types.followUp,
    startAt: at(day, '10:00'),
    endAt: plusMinutes(at(day, '10:00'), 20),
  });

  const summary = await doc.ok('encounters.visitSummary', { id: encounter.id });
  expect(summary.fileName).toMatch(/^visit-summary-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = Buffer.from(summary.pdfBase64, 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'visit-summary.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const expected of [
    'Test Family Clinic',
    'Visit summary',
    'Marisol Quintero',
    '14 Aug 1961',
    patient.mrn,
    'Blood pressure check',
    'Essential (primary) hypertension (I10)',
    '148/92 mmHg',
    '82.0 kg (180.8 lb)',
    'Body mass index: 30.1',
    'Hypertension, not at goal.',
    'Start amlodipine 5 mg daily. Recheck in 4 weeks.',
    'Amlodipine 5 mg, 5 mg, oral, once daily',
    'Amoxicillin (Hives)',
    'with Dr. Avery Lane',
    'Signed by Phil Physician',
  ]) {
    expect(text, expected).toContain(expected);
  }
  // The subjective history is for the chart, not the handout.
  expect(text).not.toContain('Home readings');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(OUT, 'visit-summary')]);

  await (await clinic.as('front_desk')).refuses('encounters.visitSummary', { id: encounter.id }, 'FORBIDDEN');
  await doc.refuses('encounters.visitSummary', { id: 'no-such-encounter' }, 'NOT_FOUND');
});
