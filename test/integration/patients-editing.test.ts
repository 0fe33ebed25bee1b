/**
 * Editing a patient safely: a save based on an outdated copy of the record is
 * refused (so nobody silently overwrites a colleague's change), the duplicate
 * check runs again only when what identifies the patient changed (families
 * share phones), dates of birth are checked against the clinic's own date,
 * and names in any script are compared as names, not reduced to nothing.
 * Every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editable, makeClinic, type Clinic } from '../support/clinic';
import { addDays, awaitTimeLeftToday, today } from '../support/time';
import { DateTime } from 'luxon';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic({ seed: 313 });
});
afterAll(() => clinic.close());

/** updatedAt has millisecond resolution: let the clock pass it, so the next save gets a later one. */
async function afterStamp(iso: string): Promise<void> {
  while (Date.now() <= Date.parse(iso)) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('stale edits', () => {
  it('refuses a save based on a copy older than the stored record, and changes nothing', async () => {
    const fd = await clinic.as('front_desk');
    const manager = await clinic.as('manager');
    const opened = await clinic.addPatient();
    await afterStamp(opened.updatedAt);
    const colleague = await manager.ok('patients.update', {
      ...editable(opened),
      notes: 'Allergic to latex',
      expectedUpdatedAt: opened.updatedAt,
    });
    expect(colleague.updatedAt > opened.updatedAt).toBe(true);
    const error = await fd.refuses(
      'patients.update',
      { ...editable(opened), city: 'Evanston', expectedUpdatedAt: opened.updatedAt },
      'CONFLICT',
    );
    expect(error.message).toMatch(/saved this patient/);
    expect(clinic.query('SELECT notes, city FROM patients WHERE id = ?', opened.id)).toEqual([{ notes: 'Allergic to latex', city: null }]);
    // Reopened, the same edit goes through; without a stamp the last save wins, as before.
    const reopened = await fd.ok('patients.get', { id: opened.id });
    expect(reopened.updatedAt).toBe(colleague.updatedAt);
    const mine = await fd.ok('patients.update', { ...editable(reopened), city: 'Evanston', expectedUpdatedAt: reopened.updatedAt });
    expect(mine).toMatchObject({ notes: 'Allergic to latex', city: 'Evanston' });
    expect((await fd.ok('patients.update', { ...editable(opened), city: 'Skokie' })).city).toBe('Skokie');
  });

  it('counts a change of insurance alone as a save of the record', async () => {
    const fd = await clinic.as('front_desk');
    const opened = await clinic.addPatient({ insurance: [{ rank: 1, payerName: 'Prairie Health', memberId: 'PH-1' }] });
    await afterStamp(opened.updatedAt);
    // A colleague adds a secondary policy and touches nothing else.
    const colleague = await fd.ok('patients.update', {
      ...editable(opened),
      insurance: [...(editable(opened).insurance ?? []), { rank: 2, payerName: 'Lakeshore Mutual', memberId: 'LM-7' }],
      expectedUpdatedAt: opened.updatedAt,
    });
    expect(colleague.updatedAt > opened.updatedAt).toBe(true);
    // The stale form still lists only the primary policy: saving it would drop the colleague's policy.
    await fd.refuses('patients.update', { ...editable(opened), notes: 'Stale', expectedUpdatedAt: opened.updatedAt }, 'CONFLICT');
    expect((await fd.ok('patients.get', { id: opened.id })).insurance.map((p) => p.memberId)).toEqual(['PH-1', 'LM-7']);
    // Removing a policy is a save too.
    await afterStamp(colleague.updatedAt);
    const removed = await fd.ok('patients.update', { ...editable(colleague), insurance: [], expectedUpdatedAt: colleague.updatedAt });
    expect(removed.updatedAt > colleague.updatedAt).toBe(true);
    await fd.refuses('patients.update', { ...editable(colleague), expectedUpdatedAt: colleague.updatedAt }, 'CONFLICT');
  });
});

describe('duplicate check on edits', () => {
  it('lets the front desk edit a family member who shares a phone, and checks again when name, DOB or phone change', async () => {
    const fd = await clinic.as('front_desk');
    const parent = await clinic.addPatient({ givenName: 'Marta', familyName: 'Kowalski', phoneMobile: '(312) 555-7000' });
    const child = await fd.ok('patients.create', {
      givenName: 'Piotr',
      familyName: 'Kowalski',
      sex: 'male',
      dateOfBirth: '2015-04-02',
      phoneMobile: '(312) 555-7000',
      acknowledgeDuplicates: true,
    });
    // Not identity: address, notes, the phone written differently, the name's capitals.
    const moved = await fd.ok('patients.update', { ...editable(child), addressLine1: '12 Elm St', city: 'Oak Park' });
    expect(moved.city).toBe('Oak Park');
    expect((await fd.ok('patients.update', { ...editable(moved), phoneMobile: '312-555-7000' })).phoneMobile).toBe('312-555-7000');
    const recased = await fd.ok('patients.update', { ...editable(moved), familyName: 'KOWALSKI', phoneMobile: '312.555.7000' });
    // Identity: a corrected first name or date of birth, or another phone, is checked again.
    const renamed = await fd.refuses('patients.update', { ...editable(recased), givenName: 'Peter' }, 'CONFLICT');
    expect(renamed.details).toMatchObject({ duplicates: [{ patient: { id: parent.id }, reason: 'same_phone' }] });
    await fd.refuses('patients.update', { ...editable(recased), dateOfBirth: '2015-04-03' }, 'CONFLICT');
    await fd.refuses('patients.update', { ...editable(recased), phoneMobile: null, phoneHome: '(312) 555-7000' }, 'CONFLICT');
    const corrected = await fd.ok('patients.update', { ...editable(recased), givenName: 'Peter', acknowledgeDuplicates: true });
    expect(corrected.givenName).toBe('Peter');
  });

  it('refuses renaming a patient into another’s name and date of birth', async () => {
    const fd = await clinic.as('front_desk');
    const first = await clinic.addPatient({ givenName: 'Odile', familyName: 'Marchand', dateOfBirth: '1961-08-30' });
    const second = await clinic.addPatient({ givenName: 'Odette', familyName: 'Marchand', dateOfBirth: '1961-08-30' });
    const error = await fd.refuses('patients.update', { ...editable(second), givenName: 'odile' }, 'CONFLICT');
    expect(error.details).toMatchObject({ duplicates: [{ patient: { id: first.id }, reason: 'same_name_and_dob' }] });
  });
});

describe('date of birth in the clinic’s calendar', () => {
  it('refuses the clinic’s tomorrow (though it may still be today in UTC), on create and on update', async () => {
    await awaitTimeLeftToday(1);
    const fd = await clinic.as('front_desk');
    const tomorrow = addDays(today(), 1);
    const created = await fd.refuses('patients.create', { ...clinic.patientFields(901), dateOfBirth: tomorrow }, 'VALIDATION');
    expect(Object.keys(created.fields ?? {})).toEqual(['dateOfBirth']);
    expect(created.fields?.dateOfBirth).toMatch(/future/);
    const patient = await clinic.addPatient();
    const updated = await fd.refuses('patients.update', { ...editable(patient), dateOfBirth: tomorrow }, 'VALIDATION');
    expect(Object.keys(updated.fields ?? {})).toEqual(['dateOfBirth']);
    expect(updated.fields?.dateOfBirth).toMatch(/future/);
  });

  it('accepts the clinic’s today when the clinic is ahead of UTC', async () => {
    const manager = await clinic.as('manager');
    // UTC+14: from 10:00 UTC on, its date is UTC's tomorrow.
    await manager.ok('clinic.update', { timeZone: 'Pacific/Kiritimati' });
    try {
      await awaitTimeLeftToday(1, 'Pacific/Kiritimati');
      const clinicToday = DateTime.now().setZone('Pacific/Kiritimati').toFormat('yyyy-MM-dd');
      const newborn = await clinic.addPatient({ dateOfBirth: clinicToday });
      expect(newborn.dateOfBirth).toBe(clinicToday);
      await (
        await clinic.as('front_desk')
      ).refuses('patients.create', { ...clinic.patientFields(902), dateOfBirth: addDays(clinicToday, 1) }, 'VALIDATION');
    } finally {
      await manager.ok('clinic.update', { timeZone: 'America/Chicago' });
    }
  });
});

describe('names in other scripts', () => {
  const born = '1979-11-05';
  const create = async (givenName: string, familyName: string, acknowledgeDuplicates = false) =>
    (await clinic.as('front_desk'))('patients.create', {
      ...clinic.patientFields(950),
      givenName,
      familyName,
      dateOfBirth: born,
      phoneMobile: null,
      acknowledgeDuplicates,
    });

  it('tells different Cyrillic or Chinese names with the same date of birth apart', async () => {
    for (const [given, family] of [
      ['Иван', 'Петров'],
      ['Мария', 'Соколова'],
      ['伟', '王'],
      ['娜', '李'],
    ]) {
      const result = await create(given ?? '', family ?? '');
      expect(result.ok, `${family} ${given}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it('recognises the same Cyrillic or Chinese name, whatever the case, as a possible duplicate', async () => {
    const fd = await clinic.as('front_desk');
    const fields = { ...clinic.patientFields(951), dateOfBirth: born, phoneMobile: null };
    const upper = await fd.refuses('patients.create', { ...fields, givenName: 'ИВАН', familyName: 'ПЕТРОВ' }, 'CONFLICT');
    expect(upper.details).toMatchObject({
      duplicates: [{ reason: 'same_name_and_dob', patient: { givenName: 'Иван', familyName: 'Петров' } }],
    });
    await fd.refuses('patients.create', { ...fields, givenName: '伟', familyName: '王' }, 'CONFLICT');
    const acknowledged = await create('ИВАН', 'ПЕТРОВ', true);
    expect(acknowledged.ok).toBe(true);
  });
});
