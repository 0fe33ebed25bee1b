/**
 * Home-monitoring readings (deviceReadings.preview / deviceReadings.import):
 * CSV exports as devices write them and FHIR Bundles of Observations, each
 * reading checked and skipped with its reason, units converted, blood glucose
 * flagged, and a second import of the same file adding nothing. A file that
 * cannot be read is refused as a whole and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'devices');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic({ seed: 5150 });
});
afterAll(() => clinic.close());

const countVitals = (patientId: string) =>
  clinic.query<{ n: number }>('SELECT count(*) AS n FROM vital_signs WHERE patient_id = ?', patientId)[0]?.n ?? 0;

async function newPatient(): Promise<Output<'patients.create'>> {
  return clinic.addPatient({ dateOfBirth: '1961-05-17' });
}

describe('a CSV export of a blood pressure cuff', () => {
  it('previews what it imports and skips each bad row with its reason, then imports once', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await newPatient();
    const file = { patientId: patient.id, fileName: 'omron-export.csv', content: fixture('omron-export.csv') };
    const preview = await nurse.ok('deviceReadings.preview', file);
    expect(preview.format).toBe('csv');
    expect(preview.sourceLabel).toBe('Home BP monitor (omron-export.csv)');
    expect(preview.ignoredColumns).toEqual(['Irregular heartbeat', 'Notes']);
    expect(preview.readings.map((r) => [r.origin, r.takenAt, r.systolic, r.diastolic, r.pulseBpm])).toEqual([
      // Times without an offset are the clinic's (America/Chicago, UTC-5 in early October).
      ['Row 2', '2026-10-01T12:30:00.000Z', 128, 82, 64],
      ['Row 3', '2026-10-02T12:45:00.000Z', 151, 95, 72],
      ['Row 10', '2026-10-07T12:30:00.000Z', 122, 78, 61],
    ]);
    expect(preview.skipped.map((s) => s.origin)).toEqual(['Row 4', 'Row 5', 'Row 6', 'Row 7', 'Row 8', 'Row 9']);
    const reason = (origin: string) => preview.skipped.find((s) => s.origin === origin)?.reason;
    expect(reason('Row 4')).toBe('That systolic pressure is not plausible (400 mmHg).');
    expect(reason('Row 5')).toMatch(/both blood pressure numbers/);
    expect(reason('Row 6')).toBe('The pulse “abc” is not a number.');
    expect(reason('Row 7')).toMatch(/in the future/);
    expect(reason('Row 8')).toBe('The same reading as Row 3.');
    expect(reason('Row 9')).toBe('It holds no measurement.');
    expect(countVitals(patient.id)).toBe(0);

    const done = await nurse.ok('deviceReadings.import', file);
    expect(done.imported).toBe(3);
    const { vitals } = await nurse.ok('vitals.list', { patientId: patient.id });
    expect(vitals.map((v) => [v.systolic, v.source, v.sourceLabel])).toEqual([
      [122, 'device', 'Home BP monitor (omron-export.csv)'],
      [151, 'device', 'Home BP monitor (omron-export.csv)'],
      [128, 'device', 'Home BP monitor (omron-export.csv)'],
    ]);
    expect(vitals[1]?.flags).toEqual({ bloodPressure: 'high' });

    // The same file again (or renamed, from another workstation's download): nothing new.
    const again = await nurse.ok('deviceReadings.preview', { ...file, fileName: 'omron-export (1).csv' });
    expect(again.readings).toEqual([]);
    expect(again.skipped.filter((s) => /already in the chart/.test(s.reason)).map((s) => s.origin)).toEqual([
      'Row 2',
      'Row 3',
      'Row 8',
      'Row 10',
    ]);
    expect((await nurse.ok('deviceReadings.import', file)).imported).toBe(0);
    expect(countVitals(patient.id)).toBe(3);
  });

  it('reads semicolons, a BOM, decimal commas, pounds and mmol/L, and flags the glucose', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await newPatient();
    const file = { patientId: patient.id, fileName: 'scale.csv', content: fixture('scale-semicolon-bom.csv'), device: 'Synthetic scale' };
    const preview = await nurse.ok('deviceReadings.preview', file);
    expect(preview.skipped).toEqual([]);
    expect(preview.sourceLabel).toBe('Synthetic scale (scale.csv)');
    expect(preview.readings.map((r) => [r.takenAt, r.weightKg, r.glucoseMgDl])).toEqual([
      ['2026-10-01T12:10:00.000Z', 80.01, 97.3],
      ['2026-10-08T12:05:00.000Z', 79.38, null],
      ['2026-10-15T12:15:00.000Z', null, 189.2],
      ['2026-10-22T12:20:00.000Z', 79.02, null],
    ]);
    await nurse.ok('deviceReadings.import', file);
    const { vitals } = await nurse.ok('vitals.list', { patientId: patient.id });
    expect(vitals.find((v) => v.glucoseMgDl === 189.2)?.flags).toEqual({ glucose: 'high' });
    expect(vitals.find((v) => v.glucoseMgDl === 97.3)?.flags).toEqual({});
  });

  it('skips a weight without a unit and a time it cannot read, and asks for ISO dates when day and month could swap', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await newPatient();
    const content = ['Date,Weight,Pulse', '03/04/2026 08:00,81,60', 'yesterday,,70', '2026-04-05,,350'].join('\n');
    const preview = await nurse.ok('deviceReadings.preview', { patientId: patient.id, fileName: 'x.csv', content });
    expect(preview.readings).toEqual([]);
    expect(preview.skipped.map((s) => s.reason)).toEqual([
      'The date “03/04/2026 08:00” could be day/month or month/day: export with dates as YYYY-MM-DD.',
      'The time “yesterday” cannot be read: use e.g. 2026-11-20 07:30.',
      'That pulse is not plausible (350 bpm).',
    ]);
    const units = await nurse.ok('deviceReadings.preview', {
      patientId: patient.id,
      fileName: 'y.csv',
      content: 'Date,Weight\n2026-04-05,81\n2026-04-06,81 kg\n',
    });
    expect(units.skipped.map((s) => s.reason)).toEqual(['The weight has no unit: name it in the column, e.g. Weight (kg) or Weight (lb).']);
    expect(units.readings.map((r) => r.weightKg)).toEqual([81]);
    // Rows are numbered as a spreadsheet shows them: blank lines count.
    const spaced = await nurse.ok('deviceReadings.preview', {
      patientId: patient.id,
      fileName: 'z.csv',
      content: 'Date,Systolic,Diastolic\n\n2026-10-01 07:00,120,80\n',
    });
    expect(spaced.readings.map((r) => r.origin)).toEqual(['Row 3']);
  });

  it('refuses a file with no recognisable columns, or a malformed one, and writes nothing', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await newPatient();
    const refused = await nurse.refuses(
      'deviceReadings.import',
      { patientId: patient.id, fileName: 'no-columns.csv', content: fixture('no-columns.csv') },
      'VALIDATION',
    );
    expect(refused.message).toMatch(/no column Outpost recognises \(its first row reads: Name, Comment\)/);
    expect(refused.message).toMatch(/e\.g\. Date, Systolic, Diastolic/);
    const malformed = await nurse.refuses(
      'deviceReadings.import',
      { patientId: patient.id, fileName: 'bad.csv', content: 'Date,Systolic,Diastolic\n2026-01-01,"120,80\n' },
      'VALIDATION',
    );
    expect(malformed.message).toMatch(/malformed/);
    await nurse.refuses('deviceReadings.preview', { patientId: patient.id, fileName: 'empty.csv', content: '' }, 'VALIDATION');
    expect(countVitals(patient.id)).toBe(0);
    // The front desk does not open charts, so cannot import into one.
    const desk = await clinic.as('front_desk');
    const cuff = { patientId: patient.id, fileName: 'a.csv', content: fixture('omron-export.csv') };
    await desk.refuses('deviceReadings.preview', cuff, 'FORBIDDEN');
    await desk.refuses('deviceReadings.import', cuff, 'FORBIDDEN');
    expect(countVitals(patient.id)).toBe(0);
  });
});

describe('a FHIR Bundle of home Observations', () => {
  it('reads blood pressure components, pulse, glucose in either unit and weight, and skips the rest with reasons', async () => {
    const physician = await clinic.as('physician');
    const patient = await newPatient();
    const file = { patientId: patient.id, fileName: 'home.json', content: fixture('home-readings.fhir.json') };
    const preview = await physician.ok('deviceReadings.preview', file);
    expect(preview.format).toBe('fhir');
    expect(preview.sourceLabel).toBe('Synthetic Cuff BP-9 (home.json)');
    expect(preview.readings.map((r) => [r.origin, r.systolic, r.diastolic, r.pulseBpm, r.weightKg, r.glucoseMgDl])).toEqual([
      // The cuff's panel and its pulse at the same moment are one reading.
      ['Observations bp-1, hr-1', 138, 88, 66, null, null],
      ['Observation glu-1', null, null, null, null, 62],
      ['Observation glu-2', null, null, null, null, 201.8],
      ['Observation wt-1', null, null, null, 81.65, null],
    ]);
    expect(preview.skipped).toEqual([
      { origin: 'Patient home-patient', reason: 'The bundle’s patient is not imported: the readings go to the chart that is open.' },
      {
        origin: 'Observation steps-1',
        reason: 'LOINC 41950-7 (Number of steps in 24 hour Measured) is not a blood pressure, pulse, weight or glucose reading.',
      },
      { origin: 'Observation bmi-1', reason: 'BMI is not imported: Outpost computes it from the weight and height.' },
      { origin: 'Observation bp-error', reason: 'It is marked entered-in-error at the source.' },
    ]);
    expect((await physician.ok('deviceReadings.import', file)).imported).toBe(4);
    const { vitals } = await physician.ok('vitals.list', { patientId: patient.id });
    expect(vitals.filter((v) => v.glucoseMgDl !== null).map((v) => v.flags)).toEqual([{ glucose: 'high' }, { glucose: 'low' }]);
    expect((await physician.ok('deviceReadings.import', file)).imported).toBe(0);

    // Exported as vital-sign Observations, a glucose comes back as a vital sign (not a lab result) through the FHIR import.
    const exported = await physician.ok('fhir.exportPatient', { patientId: patient.id });
    const glucose = (
      JSON.parse(exported.json) as { entry: { resource: { code?: { coding?: { code?: string }[] }; category?: unknown } }[] }
    ).entry
      .map((e) => e.resource)
      .filter((r) => r.code?.coding?.[0]?.code === '2339-0');
    expect(glucose).toHaveLength(2);
    expect(glucose[0]?.category).toEqual([expect.objectContaining({ coding: [expect.objectContaining({ code: 'vital-signs' })] })]);
    const roundTrip = await physician.ok('fhir.previewImport', { json: exported.json });
    expect(roundTrip.counts).toMatchObject({ vitalSigns: 4, labResults: 0 });
  });

  it('refuses JSON that is not a Bundle', async () => {
    const physician = await clinic.as('physician');
    const patient = await newPatient();
    const refused = await physician.refuses(
      'deviceReadings.preview',
      { patientId: patient.id, fileName: 'obs.json', content: '{"resourceType":"Observation"}' },
      'VALIDATION',
    );
    expect(refused.message).toMatch(/not a FHIR Bundle/);
  });
});

describe('blood glucose as a vital sign', () => {
  it('is recorded in either unit, kept in mg/dL and flagged below 70 and above 180', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await newPatient();
    const low = await nurse.ok('vitals.record', { patientId: patient.id, glucose: { value: 3.5, unit: 'mmol/L' } });
    expect(low).toMatchObject({ glucoseMgDl: 63.1, flags: { glucose: 'low' } });
    const normal = await nurse.ok('vitals.record', { patientId: patient.id, glucose: { value: 180, unit: 'mg/dL' } });
    expect(normal.flags).toEqual({});
    const high = await nurse.ok('vitals.record', { patientId: patient.id, glucose: { value: 181, unit: 'mg/dL' } });
    expect(high.flags).toEqual({ glucose: 'high' });
    const wrongUnit = await nurse.refuses(
      'vitals.record',
      { patientId: patient.id, glucose: { value: 110, unit: 'mmol/L' } },
      'VALIDATION',
    );
    expect(wrongUnit.fields?.['glucose.value']).toMatch(/check the unit/);
  });
});
