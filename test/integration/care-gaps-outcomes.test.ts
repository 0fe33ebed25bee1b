/**
 * Care-gap outcomes: what a clinician records when the chart cannot close a
 * gap (done elsewhere, declined, not applicable), how each hides or snoozes
 * the gap, withdrawing one, and every refusal (bad dates, unknown rule,
 * missing test kind, roles) leaving the database unchanged.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../support/core';
import { makeClinic, type Clinic } from '../support/clinic';
import { CLINIC_ZONE } from '../support/time';

let clinic: Clinic;
let doc: Caller;
let nurse: Caller;
const today = () => DateTime.now().setZone(CLINIC_ZONE).toISODate() ?? '';

beforeAll(async () => {
  clinic = await makeClinic({ seed: 5252 });
  doc = await clinic.as('physician');
  nurse = await clinic.as('nurse');
});
afterAll(() => clinic.close());

const openRules = async (patientId: string, asOf?: string) =>
  (await doc.ok('careGaps.list', { patientId, asOf })).gaps.map((g) => g.ruleId);

describe('careGaps.recordOutcome', () => {
  it('hides a gap marked not applicable until the outcome is withdrawn', async () => {
    const { id } = await clinic.addPatient({ dateOfBirth: '1965-02-02' });
    expect(await openRules(id)).toContain('colorectal');
    const outcome = await nurse.ok('careGaps.recordOutcome', {
      patientId: id,
      ruleId: 'colorectal',
      outcome: 'not_applicable',
      note: 'Total colectomy 2019',
    });
    expect(outcome).toMatchObject({ ruleTitle: 'Colorectal cancer screening', recordedBy: 'Nora Nurse', snoozedUntil: null, doneOn: null });
    const listed = await doc.ok('careGaps.list', { patientId: id });
    expect(listed.gaps.map((g) => g.ruleId)).not.toContain('colorectal');
    expect(listed.outcomes).toEqual([expect.objectContaining({ id: outcome.id, outcome: 'not_applicable', note: 'Total colectomy 2019' })]);

    expect(await nurse.ok('careGaps.withdrawOutcome', { id: outcome.id })).toEqual({ ok: true, patientId: id });
    expect(await openRules(id)).toContain('colorectal');
    expect((await doc.ok('careGaps.list', { patientId: id })).outcomes).toEqual([]);
    await nurse.refuses('careGaps.withdrawOutcome', { id: outcome.id }, 'CONFLICT');
    await nurse.refuses('careGaps.withdrawOutcome', { id: 'no-such-outcome' }, 'NOT_FOUND');
  });

  it('snoozes a declined gap for a year (an interval rule) and shows when it comes back', async () => {
    const { id } = await clinic.addPatient({ dateOfBirth: '1950-07-07' });
    const declined = await doc.ok('careGaps.recordOutcome', { patientId: id, ruleId: 'pneumococcal', outcome: 'declined' });
    const back = DateTime.fromISO(today()).plus({ years: 1 }).toISODate() ?? '';
    expect(declined.snoozedUntil).toBe(back);
    expect(await openRules(id)).not.toContain('pneumococcal');
    const dayBefore = DateTime.fromISO(back).minus({ days: 1 }).toISODate() ?? '';
    expect(await openRules(id, dayBefore)).not.toContain('pneumococcal');
    expect(await openRules(id, back)).toContain('pneumococcal');
  });

  it('satisfies a gap by a date done elsewhere, and the interval runs from that date', async () => {
    const { id } = await clinic.addPatient({ dateOfBirth: '1972-04-04' });
    await doc.ok('careGaps.recordOutcome', { patientId: id, ruleId: 'td-tdap', outcome: 'done_elsewhere', doneOn: '2018-06-01' });
    expect(await openRules(id, '2028-04-30')).not.toContain('td-tdap');
    const { gaps } = await doc.ok('careGaps.list', { patientId: id, asOf: '2028-05-05' });
    expect(gaps.find((g) => g.ruleId === 'td-tdap')).toMatchObject({
      status: 'due_soon',
      dueOn: '2028-06-01',
      lastDone: { on: '2018-06-01', what: 'Td or Tdap, done elsewhere' },
    });
  });

  it('refuses a missing or future date, a date before birth, an unknown rule or test, and keeps nothing', async () => {
    const { id } = await clinic.addPatient({ dateOfBirth: '1968-01-01' });
    const base = { patientId: id, ruleId: 'colorectal', outcome: 'done_elsewhere', method: 'colonoscopy' };
    const missing = await doc.refuses('careGaps.recordOutcome', base, 'VALIDATION');
    expect(missing.fields).toHaveProperty('doneOn');
    const tomorrow = DateTime.fromISO(today()).plus({ days: 2 }).toISODate();
    expect((await doc.refuses('careGaps.recordOutcome', { ...base, doneOn: tomorrow }, 'VALIDATION')).message).toMatch(/future/);
    expect((await doc.refuses('careGaps.recordOutcome', { ...base, doneOn: '1967-05-05' }, 'VALIDATION')).message).toMatch(/born/);
    const noTest = await doc.refuses('careGaps.recordOutcome', { ...base, doneOn: '2024-01-01', method: null }, 'VALIDATION');
    expect(noTest.fields).toHaveProperty('method');
    await doc.refuses('careGaps.recordOutcome', { ...base, doneOn: '2024-01-01', method: 'x-ray' }, 'VALIDATION');
    const unknown = await doc.refuses('careGaps.recordOutcome', { ...base, ruleId: 'mammography', doneOn: '2024-01-01' }, 'VALIDATION');
    expect(unknown.fields).toHaveProperty('ruleId');
    await doc.refuses('careGaps.recordOutcome', { ...base, outcome: 'maybe' }, 'VALIDATION');
    await doc.refuses('careGaps.recordOutcome', { ...base, patientId: 'no-such-patient', doneOn: '2024-01-01' }, 'NOT_FOUND');
  });

  it('is for clinical staff: the front desk can neither read nor record', async () => {
    const { id } = await clinic.addPatient({ dateOfBirth: '1980-01-01' });
    const desk = await clinic.as('front_desk');
    await desk.refuses('careGaps.list', { patientId: id }, 'FORBIDDEN');
    await desk.refuses('careGaps.recordOutcome', { patientId: id, ruleId: 'bmi', outcome: 'declined' }, 'FORBIDDEN');
    await (await clinic.as('manager')).refuses('careGaps.list', { patientId: id }, 'FORBIDDEN');
    await nurse.refuses('careGaps.list', { patientId: 'no-such-patient' }, 'NOT_FOUND');
  });
});

describe('careGaps.list across merged records', () => {
  it('reads the data and outcomes of a record merged into the surviving one', async () => {
    const survivor = await clinic.addPatient({ dateOfBirth: '1961-03-03' });
    const duplicate = await clinic.addPatient({
      dateOfBirth: '1961-03-03',
      givenName: survivor.givenName,
      familyName: survivor.familyName,
      acknowledgeDuplicates: true,
    });
    await doc.ok('careGaps.recordOutcome', { patientId: duplicate.id, ruleId: 'lipids', outcome: 'not_applicable' });
    await (await clinic.as('manager')).ok('patients.merge', { survivingId: survivor.id, retiredId: duplicate.id });
    expect(await openRules(survivor.id)).not.toContain('lipids');
    expect(await openRules(duplicate.id)).not.toContain('lipids');
  });
});
