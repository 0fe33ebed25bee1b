/**
 * Care gaps, rule by rule, through the contract on a real core: each rule is
 * due when nothing in the chart satisfies it, not due once the chart shows it
 * was done (vital signs, immunizations, labs), and switches on and off at its
 * age, season and interval boundaries. Days are given as `asOf` so every
 * boundary is checked on the exact day; chart data is dated in the past.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareGap, Input } from '../../main/contract';
import type { Caller } from '../support/core';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
let doc: Caller;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 5151 });
  doc = await clinic.as('physician');
});
afterAll(() => clinic.close());

async function patientBorn(dateOfBirth: string): Promise<string> {
  return (await clinic.addPatient({ dateOfBirth })).id;
}

/** The patient's open gap for one rule on a day, or undefined. */
async function gap(patientId: string, ruleId: string, asOf: string): Promise<CareGap | undefined> {
  const { gaps } = await doc.ok('careGaps.list', { patientId, asOf });
  return gaps.find((g) => g.ruleId === ruleId);
}

async function statusOn(patientId: string, ruleId: string, asOf: string): Promise<string | null> {
  return (await gap(patientId, ruleId, asOf))?.status ?? null;
}

const vitals = (patientId: string, takenAt: string, values: Omit<Input<'vitals.record'>, 'patientId' | 'takenAt'>) =>
  doc.ok('vitals.record', { patientId, takenAt, ...values });
const shot = (patientId: string, vaccine: string, administeredOn: string, extra: Partial<Input<'immunizations.save'>> = {}) =>
  doc.ok('immunizations.save', { patientId, vaccine, administeredOn, source: 'historical', ...extra });
const lab = (patientId: string, panel: string, collectedAt: string, name: string, loinc: string | null, value: number) =>
  doc.ok('labs.record', { patientId, panel, collectedAt, results: [{ name, loinc, value, unit: 'mg/dL' }] });

describe('blood pressure and BMI (adults, yearly, from vital signs)', () => {
  it('is overdue since the 18th birthday when never measured, and is satisfied by a reading for a year', async () => {
    const id = await patientBorn('1980-06-01');
    expect(await gap(id, 'blood-pressure', '2025-06-01')).toMatchObject({ status: 'overdue', dueOn: '1998-06-01', lastDone: null });
    await vitals(id, '2025-06-10T15:00:00Z', { systolic: 128, diastolic: 82 });
    expect(await statusOn(id, 'blood-pressure', '2026-01-15')).toBeNull();
    expect(await statusOn(id, 'blood-pressure', '2026-05-10')).toBeNull();
    expect(await gap(id, 'blood-pressure', '2026-05-11')).toMatchObject({
      status: 'due_soon',
      dueOn: '2026-06-10',
      lastDone: { on: '2025-06-10', what: 'Blood pressure measured' },
    });
    expect(await statusOn(id, 'blood-pressure', '2026-06-10')).toBe('due');
    expect(await statusOn(id, 'blood-pressure', '2026-07-10')).toBe('due');
    expect(await statusOn(id, 'blood-pressure', '2026-07-11')).toBe('overdue');
  });

  it('starts at 18: a reminder in the month before the birthday, nothing earlier', async () => {
    const id = await patientBorn('2008-02-10');
    expect(await statusOn(id, 'blood-pressure', '2026-01-10')).toBeNull();
    expect(await gap(id, 'blood-pressure', '2026-01-11')).toMatchObject({ status: 'due_soon', dueOn: '2026-02-10' });
    expect(await statusOn(id, 'blood-pressure', '2026-02-10')).toBe('due');
  });

  it('needs a height on record before a weight counts as a BMI; a reading in error counts for nothing', async () => {
    const id = await patientBorn('1975-03-03');
    const weighed = await vitals(id, '2025-09-01T15:00:00Z', { weight: { value: 80, unit: 'kg' }, systolic: 120, diastolic: 80 });
    expect(await statusOn(id, 'bmi', '2025-12-01')).toBe('overdue');
    const measured = await vitals(id, '2025-09-01T15:05:00Z', { height: { value: 175, unit: 'cm' } });
    expect(await statusOn(id, 'bmi', '2025-12-01')).toBeNull();
    expect(await statusOn(id, 'blood-pressure', '2025-12-01')).toBeNull();
    await doc.ok('vitals.markError', { id: weighed.id, reason: 'Wrong patient' });
    expect(await statusOn(id, 'bmi', '2025-12-01')).toBe('overdue');
    expect(await statusOn(id, 'blood-pressure', '2025-12-01')).toBe('overdue');
    expect(measured.id).toBeTruthy();
  });
});

describe('influenza (everyone from 6 months, each season September to March)', () => {
  it('is due from 1 September, overdue after October, and gone from April to July', async () => {
    const id = await patientBorn('1990-04-04');
    expect(await statusOn(id, 'influenza', '2026-07-15')).toBeNull();
    expect(await statusOn(id, 'influenza', '2026-08-01')).toBeNull();
    expect(await gap(id, 'influenza', '2026-08-02')).toMatchObject({ status: 'due_soon', dueOn: '2026-09-01' });
    expect(await statusOn(id, 'influenza', '2026-09-01')).toBe('due');
    expect(await statusOn(id, 'influenza', '2026-10-31')).toBe('due');
    expect(await statusOn(id, 'influenza', '2026-11-01')).toBe('overdue');
    expect(await statusOn(id, 'influenza', '2027-03-31')).toBe('overdue');
    expect(await statusOn(id, 'influenza', '2027-04-01')).toBeNull();
  });

  it("counts a dose from August on for that season only, by CVX code or by the vaccine's name", async () => {
    const id = await patientBorn('1985-01-20');
    await shot(id, 'Influenza, seasonal, injectable', '2025-07-20');
    expect(await gap(id, 'influenza', '2025-12-01')).toMatchObject({ status: 'overdue', lastDone: { on: '2025-07-20' } });
    await shot(id, 'Seasonal vaccine (brand not recorded)', '2025-08-20', { cvxCode: '197' });
    expect(await statusOn(id, 'influenza', '2025-12-01')).toBeNull();
    expect(await statusOn(id, 'influenza', '2026-03-31')).toBeNull();
    expect(await gap(id, 'influenza', '2026-09-02')).toMatchObject({ status: 'due', lastDone: { on: '2025-08-20' } });

    const other = await patientBorn('1985-01-21');
    await shot(other, 'Fluzone High-Dose', '2025-10-01');
    expect(await statusOn(other, 'influenza', '2026-01-10')).toBeNull();
  });

  it('starts at 6 months of age', async () => {
    const id = await patientBorn('2025-06-15');
    expect(await statusOn(id, 'influenza', '2025-11-14')).toBeNull();
    expect(await gap(id, 'influenza', '2025-11-15')).toMatchObject({ status: 'due_soon', dueOn: '2025-12-15' });
    expect(await statusOn(id, 'influenza', '2025-12-15')).toBe('due');
  });

  it('takes a refusal recorded as an immunization as declined for the rest of that season', async () => {
    const id = await patientBorn('1970-11-11');
    await shot(id, 'Influenza', '2025-10-05', { status: 'refused', source: 'clinic' });
    expect(await statusOn(id, 'influenza', '2025-12-01')).toBeNull();
    expect(await statusOn(id, 'influenza', '2026-09-15')).toBe('due');
  });
});

describe('tetanus booster (adults, every 10 years)', () => {
  it('is due 10 years after the last Td or Tdap, matched as a whole word', async () => {
    const id = await patientBorn('1970-05-05');
    expect(await gap(id, 'td-tdap', '2025-01-01')).toMatchObject({ status: 'overdue', dueOn: '1989-05-05' });
    await shot(id, 'STD counselling visit', '2015-03-01');
    expect(await statusOn(id, 'td-tdap', '2025-01-01')).toBe('overdue');
    await shot(id, 'Td adsorbed', '2015-03-01');
    expect(await statusOn(id, 'td-tdap', '2025-01-29')).toBeNull();
    expect(await gap(id, 'td-tdap', '2025-01-30')).toMatchObject({ status: 'due_soon', dueOn: '2025-03-01' });
    await shot(id, 'Tdap', '2024-06-01', { cvxCode: '115' });
    expect(await statusOn(id, 'td-tdap', '2025-03-01')).toBeNull();
  });
});

describe('pneumococcal (from 50, once as an adult)', () => {
  it('is due from the 50th birthday and overdue 90 days later', async () => {
    const id = await patientBorn('1976-03-10');
    expect(await statusOn(id, 'pneumococcal', '2026-02-07')).toBeNull();
    expect(await statusOn(id, 'pneumococcal', '2026-02-08')).toBe('due_soon');
    expect(await statusOn(id, 'pneumococcal', '2026-03-10')).toBe('due');
    expect(await statusOn(id, 'pneumococcal', '2026-06-08')).toBe('due');
    expect(await statusOn(id, 'pneumococcal', '2026-06-09')).toBe('overdue');
  });

  it('ignores childhood doses and is satisfied for good by an adult dose', async () => {
    const id = await patientBorn('1960-02-02');
    await shot(id, 'PCV13 (Prevnar 13)', '1961-02-02', { cvxCode: '133' });
    expect(await statusOn(id, 'pneumococcal', '2025-01-01')).toBe('overdue');
    await shot(id, 'Pneumococcal conjugate PCV20', '2024-04-04', { cvxCode: '216' });
    expect(await statusOn(id, 'pneumococcal', '2025-01-01')).toBeNull();
    expect(await statusOn(id, 'pneumococcal', '2045-01-01')).toBeNull();
  });
});

describe('lipid panel (40 to 75, every 5 years, from labs)', () => {
  it('applies from the 40th birthday to the day before the 76th', async () => {
    const young = await patientBorn('1987-01-01');
    expect(await statusOn(young, 'lipids', '2026-12-01')).toBeNull();
    expect(await statusOn(young, 'lipids', '2026-12-02')).toBe('due_soon');
    const old = await patientBorn('1951-05-01');
    expect(await statusOn(old, 'lipids', '2027-04-30')).toBe('overdue');
    expect(await statusOn(old, 'lipids', '2027-05-01')).toBeNull();
  });

  it('is satisfied by a LOINC-coded cholesterol or a panel named lipid, and not by one entered in error', async () => {
    const id = await patientBorn('1965-08-08');
    const wrong = await lab(id, 'Chemistry', '2024-03-01T15:00:00Z', 'Cholesterol, total', '2093-3', 190);
    expect(await statusOn(id, 'lipids', '2025-01-01')).toBeNull();
    expect(await gap(id, 'lipids', '2029-02-01')).toMatchObject({
      status: 'due_soon',
      dueOn: '2029-03-01',
      lastDone: { on: '2024-03-01' },
    });
    await doc.ok('labs.markError', { panelId: wrong.panelId });
    expect(await statusOn(id, 'lipids', '2025-01-01')).toBe('overdue');
    await lab(id, 'Lipid panel', '2023-05-05T15:00:00Z', 'LDL calculated', null, 120);
    expect(await gap(id, 'lipids', '2028-05-05')).toMatchObject({ status: 'due', lastDone: { on: '2023-05-05', what: 'Lipid panel' } });
    await lab(id, 'Basic metabolic panel', '2025-05-05T15:00:00Z', 'Glucose', '2345-7', 90);
    expect(await statusOn(id, 'lipids', '2028-05-05')).toBe('due');
  });
});

describe('HbA1c (active diabetes problem, every 6 months)', () => {
  it('applies only with an active E10 or E11 problem', async () => {
    const id = await patientBorn('1960-09-09');
    expect(await statusOn(id, 'hba1c-diabetes', '2026-01-01')).toBeNull();
    const other = await doc.ok('problems.save', {
      patientId: id,
      code: 'E13.9',
      title: 'Other specified diabetes',
      onsetDate: '2020-01-01',
    });
    expect(await statusOn(id, 'hba1c-diabetes', '2026-01-01')).toBeNull();
    await doc.ok('problems.save', {
      id: other.id,
      patientId: id,
      code: 'E13.9',
      title: 'Other specified diabetes',
      status: 'entered_in_error',
    });
    const t2 = await doc.ok('problems.save', { patientId: id, code: 'E11.9', title: 'Type 2 diabetes', onsetDate: '2020-01-01' });
    expect(await gap(id, 'hba1c-diabetes', '2026-01-01')).toMatchObject({ status: 'overdue', dueOn: '2020-01-01' });
    await doc.ok('problems.save', {
      id: t2.id,
      patientId: id,
      code: 'E11.9',
      title: 'Type 2 diabetes',
      onsetDate: '2020-01-01',
      status: 'resolved',
      resolvedDate: '2025-12-01',
    });
    expect(await statusOn(id, 'hba1c-diabetes', '2026-01-01')).toBeNull();
  });

  it('is due 6 months after the last HbA1c, overdue a month later', async () => {
    const id = await patientBorn('1958-12-12');
    await doc.ok('problems.save', { patientId: id, code: 'E10.9', title: 'Type 1 diabetes', onsetDate: '1990-01-01' });
    await lab(id, 'Hemoglobin A1c', '2026-01-10T15:00:00Z', 'HbA1c', '4548-4', 7.1);
    expect(await statusOn(id, 'hba1c-diabetes', '2026-06-09')).toBeNull();
    expect(await statusOn(id, 'hba1c-diabetes', '2026-06-10')).toBe('due_soon');
    expect(await statusOn(id, 'hba1c-diabetes', '2026-07-10')).toBe('due');
    expect(await statusOn(id, 'hba1c-diabetes', '2026-08-09')).toBe('due');
    expect(await statusOn(id, 'hba1c-diabetes', '2026-08-10')).toBe('overdue');
  });
});

describe('colorectal screening (45 to 75, recorded as done elsewhere)', () => {
  it('is overdue from 45 until screening is recorded, with an interval by the kind of test', async () => {
    const id = await patientBorn('1970-10-10');
    const due = await gap(id, 'colorectal', '2026-01-01');
    expect(due).toMatchObject({ status: 'overdue', dueOn: '2015-10-10' });
    expect(due?.methods.map((m) => m.id)).toEqual(['colonoscopy', 'ct-colonography', 'sigmoidoscopy', 'stool-dna', 'fit']);
    await doc.ok('careGaps.recordOutcome', {
      patientId: id,
      ruleId: 'colorectal',
      outcome: 'done_elsewhere',
      doneOn: '2025-11-01',
      method: 'fit',
    });
    expect(await statusOn(id, 'colorectal', '2026-10-01')).toBeNull();
    expect(await gap(id, 'colorectal', '2026-10-02')).toMatchObject({
      status: 'due_soon',
      dueOn: '2026-11-01',
      lastDone: { on: '2025-11-01', what: 'Stool immunochemical test (FIT), done elsewhere' },
    });
    await doc.ok('careGaps.recordOutcome', {
      patientId: id,
      ruleId: 'colorectal',
      outcome: 'done_elsewhere',
      doneOn: '2025-11-15',
      method: 'colonoscopy',
    });
    expect(await statusOn(id, 'colorectal', '2035-10-01')).toBeNull();
    expect(await statusOn(id, 'colorectal', '2035-10-17')).toBe('due_soon');
  });

  it('does not apply before 45 or from the 76th birthday', async () => {
    const old = await patientBorn('1949-01-01');
    expect(await statusOn(old, 'colorectal', '2024-12-31')).toBe('overdue');
    expect(await statusOn(old, 'colorectal', '2025-01-01')).toBeNull();
    const young = await patientBorn('1990-01-01');
    expect(await statusOn(young, 'colorectal', '2034-11-30')).toBeNull();
    expect(await statusOn(young, 'colorectal', '2034-12-02')).toBe('due_soon');
  });
});

describe('careGaps.list ordering', () => {
  it('lists overdue first (longest overdue on top), then due, then coming up, with reason and source', async () => {
    const id = await patientBorn('1976-03-10');
    await vitals(id, '2025-09-01T15:00:00Z', { systolic: 120, diastolic: 80 });
    const { gaps, rulesVersion, asOf } = await doc.ok('careGaps.list', { patientId: id, asOf: '2026-09-05' });
    expect(asOf).toBe('2026-09-05');
    expect(rulesVersion).toMatch(/^\d{4}\.\d{2}-\d+$/);
    expect(gaps.map((g) => [g.ruleId, g.status])).toEqual([
      ['bmi', 'overdue'],
      ['td-tdap', 'overdue'],
      ['lipids', 'overdue'],
      ['colorectal', 'overdue'],
      ['pneumococcal', 'overdue'],
      ['blood-pressure', 'due'],
      ['influenza', 'due'],
    ]);
    const flu = gaps.find((g) => g.ruleId === 'influenza');
    expect(flu?.source).toMatchObject({ name: 'CDC ACIP' });
    expect(flu?.rule).toMatch(/6 months/);
  });
});
