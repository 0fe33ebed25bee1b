/**
 * The clinical summary's pure rules: units in the clinic's habit and both
 * systems, what the vitals form sends, trends for the charts, and the
 * prescribing dialog's bookkeeping of alerts, reasons and refusals.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ApiError, type Allergy, type Medication, type MedicationAlert, type VitalSigns } from '../../main/contract';
import {
  alertsOfRefusal,
  allergyShort,
  allergyStatusInput,
  medicationDirections,
  mergeAlerts,
  overridesFor,
  REASON_NEEDED,
  reasonErrors,
  splitMedications,
  splitProblems,
  todayIn,
} from '../../renderer/src/features/clinical/clinicalText';
import {
  habitForZone,
  heightText,
  IMPERIAL,
  METRIC,
  otherSystem,
  readNumber,
  temperatureText,
  weightText,
} from '../../renderer/src/features/clinical/units';
import {
  EMPTY_VITALS,
  latestWith,
  trendKindOf,
  trendOf,
  vitalMeasures,
  vitalsInput,
} from '../../renderer/src/features/clinical/vitalsText';

function reading(overrides: Partial<VitalSigns>): VitalSigns {
  return {
    id: 'r',
    takenAt: '2026-11-20T10:00:00.000Z',
    encounterId: null,
    recordedByName: 'Nurse',
    heightCm: null,
    weightKg: null,
    bmi: null,
    temperatureC: null,
    pulseBpm: null,
    respiratoryRate: null,
    systolic: null,
    diastolic: null,
    spo2Pct: null,
    painScore: null,
    glucoseMgDl: null,
    source: 'clinic',
    sourceLabel: null,
    flags: {},
    ...overrides,
  };
}

function alert(key: string, severity: 'high' | 'moderate'): MedicationAlert {
  return { key, kind: 'drug_allergy', severity, title: key, detail: '', recommendation: '', source: '' };
}

describe('units', () => {
  it('takes the clinic habit from its time zone: US zones chart imperial, the rest metric', () => {
    expect(habitForZone('America/Chicago')).toEqual(IMPERIAL);
    expect(habitForZone('America/Indiana/Indianapolis')).toEqual(IMPERIAL);
    expect(habitForZone('Pacific/Honolulu')).toEqual(IMPERIAL);
    expect(habitForZone('America/Toronto')).toEqual(METRIC);
    expect(habitForZone('Europe/Paris')).toEqual(METRIC);
    expect(habitForZone('')).toEqual(METRIC);
  });

  it('writes weight, height and temperature in either system, heights in feet and inches', () => {
    expect(weightText(79.38, 'kg')).toBe('79.4 kg');
    expect(weightText(79.38, 'lb')).toBe('175 lb');
    expect(heightText(175.3, 'cm')).toBe('175.3 cm');
    expect(heightText(175.3, 'in')).toBe('5 ft 9 in');
    expect(heightText(182.8, 'in')).toBe('6 ft 0 in');
    expect(temperatureText(37, 'C')).toBe('37.0 °C');
    expect(temperatureText(37, 'F')).toBe('98.6 °F');
  });

  it('shows the other system under a value as it is typed, and nothing for what is not a value', () => {
    expect(otherSystem('weight', '175', IMPERIAL)).toBe('= 79.4 kg');
    expect(otherSystem('weight', '80', METRIC)).toBe('= 176.4 lb');
    expect(otherSystem('height', '69', IMPERIAL)).toBe('= 175.3 cm');
    expect(otherSystem('temperature', '100.4', IMPERIAL)).toBe('= 38.0 °C');
    expect(otherSystem('temperature', '37,5', METRIC)).toBe('= 99.5 °F');
    expect(otherSystem('weight', '', IMPERIAL)).toBeNull();
    expect(otherSystem('weight', 'abc', IMPERIAL)).toBeNull();
    expect(otherSystem('weight', '-3', IMPERIAL)).toBeNull();
  });
});

describe('the vitals form', () => {
  it('reads blank as not measured and anything else as a number (NaN for the core to refuse)', () => {
    expect(readNumber('  ')).toBeUndefined();
    expect(readNumber('72')).toBe(72);
    expect(readNumber('37,5')).toBe(37.5);
    expect(readNumber('12abc')).toBeNaN();
  });

  it('sends only what was measured, each convertible value with the unit it was typed in', () => {
    const input = vitalsInput(
      'p1',
      { ...EMPTY_VITALS, systolic: '150', diastolic: '95', weight: '175', height: '69' },
      IMPERIAL,
      'America/Chicago',
    );
    expect(JSON.parse(JSON.stringify(input))).toEqual({
      patientId: 'p1',
      systolic: 150,
      diastolic: 95,
      weight: { value: 175, unit: 'lb' },
      height: { value: 69, unit: 'in' },
    });
  });
});

describe('latest values and trends', () => {
  const readings = [
    reading({ id: 'c', takenAt: '2026-11-22T10:00:00.000Z', systolic: 150, diastolic: 95, flags: { bloodPressure: 'high' } }),
    reading({ id: 'b', takenAt: '2026-11-21T10:00:00.000Z', weightKg: 80, bmi: 26.1 }),
    reading({ id: 'a', takenAt: '2026-11-20T10:00:00.000Z', systolic: 128, diastolic: 82, weightKg: 81 }),
  ];
  const measure = (kind: string) => vitalMeasures.find((m) => m.kind === kind) ?? vitalMeasures[0]!;

  it('finds the newest reading holding each kind, with both systems for weight', () => {
    expect(latestWith(readings, measure('bloodPressure'), METRIC)?.id).toBe('c');
    const weight = latestWith(readings, measure('weight'), IMPERIAL);
    expect(weight?.id).toBe('b');
    expect(measure('weight').value(weight!, IMPERIAL)).toEqual({ main: '176.4 lb', alternate: '80 kg' });
    expect(latestWith(readings, measure('pulse'), METRIC)).toBeNull();
  });

  it('draws trends oldest first in the habit unit, carrying the core flags', () => {
    const pressure = trendOf(readings, 'bloodPressure', METRIC);
    expect(pressure.lines).toEqual(['Systolic', 'Diastolic']);
    expect(pressure.points.map((p) => [p.values, p.flag])).toEqual([
      [[128, 82], null],
      [[150, 95], 'high'],
    ]);
    expect(trendOf(readings, 'weight', IMPERIAL)).toMatchObject({ unit: 'lb', points: [{ values: [178.6] }, { values: [176.4] }] });
    expect(trendKindOf('bmi')).toBe('bmi');
    expect(trendKindOf('pain')).toBeNull();
  });
});

describe('lists', () => {
  it('puts current entries first and keeps an unknown status with them', () => {
    const problem = (id: string, status: string) => ({
      id,
      status,
      code: null,
      title: id,
      onsetDate: null,
      resolvedDate: null,
      note: null,
    });
    expect(splitProblems([problem('a', 'active'), problem('b', 'resolved'), problem('c', 'chronic')])).toEqual({
      current: [problem('a', 'active'), problem('c', 'chronic')],
      past: [problem('b', 'resolved')],
    });
    const medication: Medication = {
      id: 'm',
      name: 'Amoxicillin 500 mg',
      drugClass: null,
      dose: '500 mg',
      route: 'oral',
      frequency: null,
      startDate: null,
      stopDate: '2026-11-01',
      status: 'stopped',
      prescriberName: null,
      note: null,
    };
    expect(medicationDirections(medication)).toBe('500 mg · oral');
    expect(splitMedications([medication, { ...medication, id: 'n', status: 'active' }])).toMatchObject({
      current: [{ id: 'n' }],
      past: [{ id: 'm' }],
    });
  });

  it('writes an allergy with its reaction, and sends it back whole to take it off the list', () => {
    const allergy: Allergy = {
      id: 'al',
      category: 'drug',
      substance: 'Amoxicillin',
      drugClass: 'penicillins',
      reaction: 'Hives',
      severity: 'severe',
      status: 'active',
      recordedByName: 'Nurse',
      recordedAt: '2026-11-20T10:00:00.000Z',
    };
    expect(allergyShort(allergy)).toBe('Amoxicillin (Hives, severe)');
    expect(allergyShort({ ...allergy, reaction: null, severity: null })).toBe('Amoxicillin');
    expect(allergyStatusInput('p', allergy, 'inactive')).toMatchObject({
      id: 'al',
      severity: 'severe',
      drugClass: 'penicillins',
      status: 'inactive',
    });
  });

  it("dates today in the clinic's zone, not the workstation's", () => {
    const lateEvening = DateTime.fromISO('2026-11-23T05:30:00Z');
    expect(todayIn('America/Chicago', lateEvening)).toBe('2026-11-22');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2026-11-23');
  });
});

describe('prescribing alerts', () => {
  const refusal = new ApiError('CONFLICT', 'Prescribing raises an alert.', undefined, { alerts: [alert('allergy:1', 'high')] });

  it('reads the alerts of a refused prescription, and none from any other error', () => {
    expect(alertsOfRefusal(refusal).map((a) => a.key)).toEqual(['allergy:1']);
    expect(alertsOfRefusal(new ApiError('CONFLICT', 'x', undefined, { something: 1 }))).toEqual([]);
    expect(alertsOfRefusal(new ApiError('VALIDATION', 'x'))).toEqual([]);
    expect(alertsOfRefusal(null)).toEqual([]);
  });

  it('shows each alert once, high severity first', () => {
    const merged = mergeAlerts(
      [alert('dup:1', 'moderate'), alert('allergy:1', 'high')],
      [alert('allergy:1', 'high'), alert('pgx:1', 'high')],
    );
    expect(merged.map((a) => a.key)).toEqual(['allergy:1', 'pgx:1', 'dup:1']);
  });

  it('sends the reasons typed for the alerts on show, leaving blank ones for the core to ask for', () => {
    const alerts = [alert('allergy:1', 'high'), alert('dup:1', 'moderate')];
    expect(overridesFor(alerts, { 'allergy:1': '  Tolerated ampicillin in 2024  ', 'dup:1': ' ', 'gone:1': 'old' })).toEqual([
      { key: 'allergy:1', reason: 'Tolerated ampicillin in 2024' },
    ]);
  });

  it("puts the core's answer next to each alert's reason: by the place of the override sent, or as still unanswered", () => {
    const sent = [{ key: 'dup:1', reason: 'x'.repeat(600) }];
    const tooLong = new ApiError('VALIDATION', 'Too long', { 'overrides.0.reason': 'Override reason must be at most 500 characters' });
    expect(reasonErrors(tooLong, sent)).toEqual({ 'dup:1': 'Override reason must be at most 500 characters' });
    expect(reasonErrors(refusal, [])).toEqual({ 'allergy:1': REASON_NEEDED });
    expect(reasonErrors(null, sent)).toEqual({});
  });
});
