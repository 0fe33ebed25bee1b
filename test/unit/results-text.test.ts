/**
 * The immunization and lab panels' pure rules: ordering and small print of
 * the vaccines, how a lab value and its range read, which analytes get a
 * trend (numeric, in more than one report, in one unit), and what the lab
 * form sends or refuses before sending.
 */
import { describe, expect, it } from 'vitest';
import type { Immunization, LabPanel, LabResult } from '../../main/contract';
import {
  immunizationDetail,
  immunizationStatusInput,
  immunizationStatusLabel,
  labRecordInput,
  labTrends,
  labValue,
  labValueText,
  referenceRangeText,
  sentIndex,
  sortImmunizations,
  sourceTag,
  type LabDraft,
  type LabRowDraft,
} from '../../renderer/src/features/clinical/resultsText';
import { flagLabel } from '../../renderer/src/features/clinical/vitalsText';

function shot(overrides: Partial<Immunization>): Immunization {
  return {
    id: 'i',
    vaccine: 'Tdap',
    cvxCode: null,
    administeredOn: '2024-01-01',
    doseNumber: null,
    lot: null,
    site: null,
    route: null,
    status: 'completed',
    source: 'clinic',
    note: null,
    ...overrides,
  };
}

function result(overrides: Partial<LabResult>): LabResult {
  return { id: 'r', name: 'Potassium', loinc: null, value: 4.2, unit: 'mmol/L', refLow: 3.5, refHigh: 5.1, flag: null, ...overrides };
}

function panel(collectedAt: string, results: LabResult[]): LabPanel {
  return { panelId: collectedAt, panel: 'Basic metabolic panel', collectedAt, lab: null, source: 'clinic', results };
}

function row(overrides: Partial<LabRowDraft>): LabRowDraft {
  return { key: 'k', name: '', loinc: '', value: '', unit: '', refLow: '', refHigh: '', ...overrides };
}

describe('immunizations', () => {
  it('lists the newest first whatever order they came in', () => {
    const sorted = sortImmunizations([shot({ id: 'a', administeredOn: '2019-03-12' }), shot({ id: 'b', administeredOn: '2025-10-01' })]);
    expect(sorted.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('puts dose, lot, site, route and CVX in the small print, leaving out what is blank', () => {
    expect(immunizationDetail(shot({ doseNumber: 2, lot: 'FLU-25A', site: 'left deltoid', route: 'intramuscular', cvxCode: '140' }))).toBe(
      'Dose 2 · lot FLU-25A · left deltoid · intramuscular · CVX 140',
    );
    expect(immunizationDetail(shot({}))).toBe('');
  });

  it('marks refusals and unknown statuses in words, and tags what was not given here', () => {
    expect(immunizationStatusLabel('completed')).toBeNull();
    expect(immunizationStatusLabel('refused')).toBe('Refused');
    expect(immunizationStatusLabel('not_done')).toBe('Not done');
    expect(sourceTag('clinic')).toBeNull();
    expect(sourceTag('historical')).toBe('Historical');
    expect(sourceTag('fhir')).toBe('Imported');
  });

  it('sends the whole entry back to mark it entered in error', () => {
    const wrong = shot({ id: 'x', lot: 'L1', doseNumber: 1, source: 'historical' });
    expect(immunizationStatusInput('p', wrong, 'entered_in_error')).toMatchObject({
      id: 'x',
      patientId: 'p',
      vaccine: 'Tdap',
      lot: 'L1',
      doseNumber: 1,
      source: 'historical',
      status: 'entered_in_error',
    });
  });
});

describe('lab results as shown', () => {
  it('reads values, ranges and flags in words', () => {
    expect(labValueText(result({ value: 5.8 }))).toBe('5.8 mmol/L');
    expect(labValueText(result({ value: 'negative', unit: null }))).toBe('negative');
    expect(referenceRangeText(result({}))).toBe('3.5–5.1');
    expect(referenceRangeText(result({ refHigh: null }))).toBe('≥ 3.5');
    expect(referenceRangeText(result({ refLow: null }))).toBe('≤ 5.1');
    expect(referenceRangeText(result({ refLow: null, refHigh: null }))).toBe('—');
    expect([flagLabel('high'), flagLabel('low'), flagLabel('abnormal'), flagLabel(null)]).toEqual(['High', 'Low', 'Abnormal', null]);
  });

  it('trends a numeric analyte found in more than one report, oldest first, by name whatever the case', () => {
    const trends = labTrends([
      panel('2026-06-10T09:00:00Z', [
        result({ id: 'k2', value: 5.8, flag: 'high' }),
        result({ id: 'n2', name: 'Nitrite', value: 'negative' }),
      ]),
      panel('2026-03-02T09:00:00Z', [
        result({ id: 'k1', name: 'potassium', value: 4.1 }),
        result({ id: 'n1', name: 'Nitrite', value: 'negative' }),
      ]),
      panel('2026-01-02T09:00:00Z', [result({ id: 's1', name: 'Sodium', value: 139 })]),
    ]);
    expect(trends).toEqual([
      {
        title: 'Potassium',
        unit: 'mmol/L',
        lines: ['Potassium'],
        points: [
          { takenAt: '2026-03-02T09:00:00Z', values: [4.1], flag: null },
          { takenAt: '2026-06-10T09:00:00Z', values: [5.8], flag: 'high' },
        ],
      },
    ]);
  });

  it('draws only the values in the unit of the newest report', () => {
    const mixed = [
      panel('2026-06-10T09:00:00Z', [result({ name: 'Glucose', value: 5.4, unit: 'mmol/L' })]),
      panel('2026-03-02T09:00:00Z', [result({ name: 'Glucose', value: 98, unit: 'mg/dL' })]),
    ];
    expect(labTrends(mixed)).toEqual([]);
  });
});

describe('the lab report form', () => {
  const draft = (rows: LabRowDraft[]): LabDraft => ({ panel: 'BMP', date: '2026-06-10', time: '08:30', lab: '', rows });

  it('reads a number typed as a number and keeps anything else as written', () => {
    expect(labValue('5.8')).toBe(5.8);
    expect(labValue('5,8')).toBe(5.8);
    expect(labValue(' negative ')).toBe('negative');
    expect(labValue('<0.5')).toBe('<0.5');
  });

  it('sends the collection time as an instant from the clinic zone, without blank rows', () => {
    const built = labRecordInput(
      'p',
      draft([
        row({ name: 'Potassium', value: '5.8', unit: 'mmol/L', refLow: '3.5', refHigh: '5.1' }),
        row({}),
        row({ name: 'Nitrite', value: 'negative' }),
      ]),
      'America/Chicago',
    );
    expect(built).toEqual({
      ok: true,
      input: {
        patientId: 'p',
        panel: 'BMP',
        collectedAt: '2026-06-10T13:30:00.000Z',
        lab: null,
        results: [
          { name: 'Potassium', value: 5.8, unit: 'mmol/L', refLow: 3.5, refHigh: 5.1 },
          { name: 'Nitrite', value: 'negative', unit: null, refLow: null, refHigh: null },
        ],
      },
    });
  });

  it('refuses a range bound that is not a number and a time it cannot read, naming the fields as the core does', () => {
    const built = labRecordInput('p', { ...draft([row({}), row({ name: 'LDL', value: '130', refHigh: 'high' })]), time: '25:00' }, 'UTC');
    expect(built).toMatchObject({
      ok: false,
      fields: { collectedAt: expect.any(String) as string, 'results.0.refHigh': 'Enter a number, or leave it blank' },
    });
  });

  it('finds a row among the rows sent, so the core errors land on the right row', () => {
    const rows = [row({ key: 'a' }), row({ key: 'b', name: 'LDL' }), row({ key: 'c', value: '1' })];
    expect([sentIndex(rows, 'a'), sentIndex(rows, 'b'), sentIndex(rows, 'c')]).toEqual([null, 0, 1]);
  });
});
