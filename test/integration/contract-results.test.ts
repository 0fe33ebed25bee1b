/**
 * Contract: immunizations and lab results — recorded, listed newest first,
 * values flagged against their reference ranges, wrong entries marked in
 * error (never deleted). Every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
let patient: Output<'patients.create'>;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 1313 });
  patient = await clinic.addPatient();
});
afterAll(() => clinic.close());

describe('immunizations.save and immunizations.list', () => {
  it('records given and historical vaccines, corrects one, and hides one entered in error', async () => {
    const nurse = await clinic.as('nurse');
    const flu = await nurse.ok('immunizations.save', {
      patientId: patient.id,
      vaccine: 'Influenza, seasonal, injectable, preservative free',
      cvxCode: '140',
      administeredOn: '2025-10-01',
      lot: 'FLU-2025-A',
      site: 'left deltoid',
      route: 'intramuscular',
    });
    expect(flu).toMatchObject({ status: 'completed', source: 'clinic', cvxCode: '140' });
    const tdap = await nurse.ok('immunizations.save', {
      patientId: patient.id,
      vaccine: 'Tdap',
      administeredOn: '2019-03-12',
      source: 'historical',
    });
    await nurse.ok('immunizations.save', {
      id: tdap.id,
      patientId: patient.id,
      vaccine: 'Tdap',
      administeredOn: '2019-03-12',
      source: 'historical',
      doseNumber: 1,
    });
    const wrong = await nurse.ok('immunizations.save', { patientId: patient.id, vaccine: 'Hepatitis B', administeredOn: '2024-01-01' });
    await nurse.ok('immunizations.save', {
      id: wrong.id,
      patientId: patient.id,
      vaccine: 'Hepatitis B',
      administeredOn: '2024-01-01',
      status: 'entered_in_error',
    });
    const { immunizations } = await nurse.ok('immunizations.list', { patientId: patient.id });
    expect(immunizations.map((i) => [i.vaccine.split(',')[0], i.administeredOn, i.doseNumber])).toEqual([
      ['Influenza', '2025-10-01', null],
      ['Tdap', '2019-03-12', 1],
    ]);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await nurse.refuses('immunizations.save', { patientId: patient.id, vaccine: 'MMR', administeredOn: tomorrow }, 'VALIDATION');
    await nurse.refuses(
      'immunizations.save',
      { patientId: patient.id, vaccine: 'MMR', administeredOn: '2020-01-01', cvxCode: 'MMR' },
      'VALIDATION',
    );
    await nurse.refuses(
      'immunizations.save',
      { id: 'no-such-shot', patientId: patient.id, vaccine: 'MMR', administeredOn: '2020-01-01' },
      'NOT_FOUND',
    );
    await (await clinic.as('front_desk')).refuses('immunizations.list', { patientId: patient.id }, 'FORBIDDEN');
  });
});

describe('labs.record, labs.list and labs.markError', () => {
  it('flags values outside their reference range and lists reports newest first', async () => {
    const doc = await clinic.as('physician');
    const older = await doc.ok('labs.record', {
      patientId: patient.id,
      panel: 'Basic metabolic panel',
      collectedAt: '2026-03-02T14:00:00Z',
      lab: 'Synthetic Labs',
      results: [
        { name: 'Potassium', loinc: '2823-3', value: 5.6, unit: 'mmol/L', refLow: 3.5, refHigh: 5.1 },
        { name: 'Sodium', loinc: '2951-2', value: 139, unit: 'mmol/L', refLow: 136, refHigh: 145 },
        { name: 'Glucose', loinc: '2345-7', value: 62, unit: 'mg/dL', refLow: 70, refHigh: 99 },
      ],
    });
    expect(older.results.map((r) => [r.name, r.value, r.flag])).toEqual([
      ['Potassium', 5.6, 'high'],
      ['Sodium', 139, null],
      ['Glucose', 62, 'low'],
    ]);
    const newer = await doc.ok('labs.record', {
      patientId: patient.id,
      panel: 'Urinalysis',
      collectedAt: '2026-06-10T15:00:00Z',
      results: [{ name: 'Nitrite', value: 'negative' }],
    });
    expect(newer.results[0]).toMatchObject({ value: 'negative', flag: null, unit: null });
    expect((await doc.ok('labs.list', { patientId: patient.id })).panels.map((p) => p.panel)).toEqual([
      'Urinalysis',
      'Basic metabolic panel',
    ]);

    await doc.ok('labs.markError', { panelId: newer.panelId });
    expect((await doc.ok('labs.list', { patientId: patient.id })).panels.map((p) => p.panel)).toEqual(['Basic metabolic panel']);
    await doc.refuses('labs.markError', { panelId: newer.panelId }, 'CONFLICT');
    await doc.refuses('labs.markError', { panelId: 'no-such-report' }, 'NOT_FOUND');
  });

  it('refuses empty reports, bad ranges and codes, the future and the front desk', async () => {
    const doc = await clinic.as('physician');
    const base = { patientId: patient.id, panel: 'Lipid panel', collectedAt: '2026-01-05T09:00:00Z' };
    await doc.refuses('labs.record', { ...base, results: [] }, 'VALIDATION');
    await doc.refuses('labs.record', { ...base, results: [{ name: 'LDL', value: 130, refLow: 100, refHigh: 50 }] }, 'VALIDATION');
    await doc.refuses('labs.record', { ...base, results: [{ name: 'LDL', value: 130, loinc: 'LDL' }] }, 'VALIDATION');
    await doc.refuses(
      'labs.record',
      { ...base, collectedAt: new Date(Date.now() + 86_400_000).toISOString(), results: [{ name: 'LDL', value: 130 }] },
      'VALIDATION',
    );
    await (await clinic.as('front_desk')).refuses('labs.list', { patientId: patient.id }, 'FORBIDDEN');
  });
});
