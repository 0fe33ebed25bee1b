/**
 * Contract: the chart's clinical lists — vital signs (units converted, BMI
 * computed, adult ranges flagged, entered-in-error hidden), problems,
 * allergies with the explicit "no known allergies", medications.
 * Every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, STAFF, type Clinic } from '../support/clinic';

let clinic: Clinic;
let adult: Output<'patients.create'>;
let child: Output<'patients.create'>;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 616 });
  adult = await clinic.addPatient({ dateOfBirth: '1970-03-04' });
  child = await clinic.addPatient({ dateOfBirth: `${new Date().getUTCFullYear() - 6}-01-15` });
});
afterAll(() => clinic.close());

describe('vitals.record, vitals.list and vitals.markError', () => {
  it('converts units, computes BMI from the latest height and flags adult values out of range', async () => {
    const nurse = await clinic.as('nurse');
    const first = await nurse.ok('vitals.record', {
      patientId: adult.id,
      takenAt: '2026-01-10T15:00:00Z',
      height: { value: 70, unit: 'in' },
      weight: { value: 220, unit: 'lb' },
      temperature: { value: 101.3, unit: 'F' },
      systolic: 152,
      diastolic: 94,
      pulse: 88,
      spo2: 97,
    });
    expect(first).toMatchObject({
      heightCm: 177.8,
      weightKg: 99.79,
      temperatureC: 38.5,
      bmi: 31.6,
      recordedByName: STAFF.nurse.displayName,
    });
    expect(first.flags).toEqual({ bloodPressure: 'high', temperature: 'high', bmi: 'high' });
    // No height this time: BMI uses the last one measured.
    const second = await nurse.ok('vitals.record', {
      patientId: adult.id,
      takenAt: '2026-02-10T15:00:00Z',
      weight: { value: 80, unit: 'kg' },
      pulse: 44,
    });
    expect(second).toMatchObject({ heightCm: null, bmi: 25.3, flags: { pulse: 'low' } });
    const { vitals } = await nurse.ok('vitals.list', { patientId: adult.id });
    expect(vitals.map((v) => v.id)).toEqual([second.id, first.id]);

    await nurse.ok('vitals.markError', { id: second.id, reason: 'Wrong patient' });
    expect((await nurse.ok('vitals.list', { patientId: adult.id })).vitals.map((v) => v.id)).toEqual([first.id]);
    expect(clinic.query('SELECT entered_in_error_reason AS reason FROM vital_signs WHERE id = ?', second.id)).toEqual([
      { reason: 'Wrong patient' },
    ]);
    await nurse.refuses('vitals.markError', { id: second.id, reason: 'Again' }, 'CONFLICT');
    await nurse.refuses('vitals.markError', { id: first.id, reason: ' ' }, 'VALIDATION');
    await nurse.refuses('vitals.markError', { id: 'no-such-reading', reason: 'x' }, 'NOT_FOUND');
  });

  it('does not flag a child against adult ranges', async () => {
    const doc = await clinic.as('physician');
    const reading = await doc.ok('vitals.record', { patientId: child.id, pulse: 110, respiratoryRate: 24, spo2: 90 });
    expect(reading.flags).toEqual({ spo2: 'low' });
  });

  it('refuses implausible values, half a blood pressure, the future, an empty reading and the front desk', async () => {
    const nurse = await clinic.as('nurse');
    const bad: [string, object][] = [
      ['temperature.value', { temperature: { value: 38.5, unit: 'F' } }],
      ['diastolic', { systolic: 120 }],
      ['systolic', { systolic: 80, diastolic: 90 }],
      ['pulse', { pulse: 72.5 }],
      ['spo2', { spo2: 101 }],
      ['weight.unit', { weight: { value: 70, unit: 'stone' } }],
      ['height.value', { height: { value: -1, unit: 'cm' } }],
    ];
    for (const [field, values] of bad) {
      const error = await nurse.refuses('vitals.record', { patientId: adult.id, ...values }, 'VALIDATION');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toEqual([field]);
    }
    await nurse.refuses('vitals.record', { patientId: adult.id }, 'VALIDATION');
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await nurse.refuses('vitals.record', { patientId: adult.id, takenAt: future, pulse: 70 }, 'VALIDATION');
    await nurse.refuses('vitals.record', { patientId: 'no-such-patient', pulse: 70 }, 'NOT_FOUND');
    await (await clinic.as('front_desk')).refuses('vitals.list', { patientId: adult.id }, 'FORBIDDEN');
  });
});

describe('problems.save and problems.list', () => {
  it('adds, resolves and hides entries made in error', async () => {
    const doc = await clinic.as('physician');
    const diabetes = await doc.ok('problems.save', {
      patientId: adult.id,
      code: 'e11.9',
      title: 'Type 2 diabetes mellitus',
      onsetDate: '2019-05-01',
    });
    expect(diabetes).toMatchObject({ code: 'E11.9', status: 'active', resolvedDate: null });
    const sprain = await doc.ok('problems.save', { patientId: adult.id, title: 'Ankle sprain', onsetDate: '2025-06-01' });
    await doc.ok('problems.save', { ...sprain, patientId: adult.id, status: 'resolved', resolvedDate: '2025-07-01' });
    const wrong = await doc.ok('problems.save', { patientId: adult.id, title: 'Asthma' });
    await doc.ok('problems.save', { ...wrong, patientId: adult.id, status: 'entered_in_error' });
    const { problems } = await doc.ok('problems.list', { patientId: adult.id });
    expect(problems.map((p) => [p.title, p.status])).toEqual([
      ['Type 2 diabetes mellitus', 'active'],
      ['Ankle sprain', 'resolved'],
    ]);
    await doc.refuses('problems.save', { patientId: adult.id, title: 'Gout', resolvedDate: '2025-01-01' }, 'VALIDATION');
    await doc.refuses(
      'problems.save',
      { patientId: adult.id, title: 'Gout', status: 'resolved', onsetDate: '2025-02-01', resolvedDate: '2025-01-01' },
      'VALIDATION',
    );
    await doc.refuses('problems.save', { id: diabetes.id, patientId: child.id, title: 'Moved' }, 'VALIDATION');
    await doc.refuses('problems.save', { id: 'no-such-problem', patientId: adult.id, title: 'x' }, 'NOT_FOUND');
    await (await clinic.as('front_desk')).refuses('problems.list', { patientId: adult.id }, 'FORBIDDEN');
  });
});

describe('allergies.save, allergies.noneKnown and allergies.list', () => {
  it('distinguishes not recorded, no known allergies and recorded allergies', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await clinic.addPatient();
    expect(await nurse.ok('allergies.list', { patientId: patient.id })).toEqual({ state: 'not_recorded', allergies: [], noneKnown: null });
    const none = await nurse.ok('allergies.noneKnown', { patientId: patient.id });
    expect(none).toMatchObject({ state: 'none_known', noneKnown: { recordedByName: STAFF.nurse.displayName } });
    const withAllergy = await nurse.ok('allergies.save', {
      patientId: patient.id,
      category: 'drug',
      substance: 'Amoxicillin',
      drugClass: 'Penicillins',
      reaction: 'Hives',
      severity: 'moderate',
    });
    expect(withAllergy.state).toBe('recorded');
    expect(withAllergy.allergies).toEqual([
      expect.objectContaining({ substance: 'Amoxicillin', drugClass: 'penicillins', severity: 'moderate' }),
    ]);
    expect(clinic.query("SELECT status FROM allergies WHERE patient_id = ? AND category = 'none_known'", patient.id)).toEqual([
      { status: 'inactive' },
    ]);
    const refusal = await nurse.refuses('allergies.noneKnown', { patientId: patient.id }, 'CONFLICT');
    expect(refusal.message).toMatch(/Amoxicillin/);
    const [amoxicillin] = withAllergy.allergies;
    const cleared = await nurse.ok('allergies.save', {
      id: amoxicillin?.id,
      patientId: patient.id,
      category: 'drug',
      substance: 'Amoxicillin',
      status: 'entered_in_error',
    });
    expect(cleared.state).toBe('not_recorded');
    await nurse.refuses('allergies.save', { patientId: patient.id, category: 'pollen', substance: 'Birch' }, 'VALIDATION');
    await nurse.refuses('allergies.save', { patientId: patient.id, category: 'food', substance: '' }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('allergies.list', { patientId: patient.id }, 'FORBIDDEN');
  });
});

describe('medications.save and medications.list', () => {
  it('records, stops and lists medications with their prescriber', async () => {
    const doc = await clinic.as('physician');
    const metformin = await doc.ok('medications.save', {
      patientId: adult.id,
      name: 'Metformin',
      dose: '500 mg',
      route: 'oral',
      frequency: 'twice daily',
      startDate: '2024-01-01',
    });
    expect(metformin).toMatchObject({ status: 'active', prescriberName: STAFF.physician.displayName });
    const { prescriberName: _prescriber, ...fields } = metformin;
    const stopped = await doc.ok('medications.save', { ...fields, patientId: adult.id, status: 'stopped', stopDate: '2025-01-01' });
    expect(stopped).toMatchObject({ status: 'stopped', stopDate: '2025-01-01' });
    expect((await doc.ok('medications.list', { patientId: adult.id })).medications.map((m) => [m.name, m.status])).toEqual([
      ['Metformin', 'stopped'],
    ]);
    await doc.refuses('medications.save', { patientId: adult.id, name: 'Lisinopril', status: 'stopped' }, 'VALIDATION');
    await doc.refuses(
      'medications.save',
      { patientId: adult.id, name: 'Lisinopril', startDate: '2025-02-01', stopDate: '2025-01-01' },
      'VALIDATION',
    );
    await doc.refuses('medications.save', { id: metformin.id, patientId: child.id, name: 'Metformin' }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('medications.list', { patientId: adult.id }, 'FORBIDDEN');
  });
});
