/**
 * Reads tolerate what another version of Outpost may have stored: a value
 * outside today's closed lists or input rules (a relationship added later, a
 * short phone number or a pre-1900 birth date saved before a rule tightened,
 * unusual opening hours) must still open instead of failing with INTERNAL.
 * The rows are written with a separate better-sqlite3 connection, as a sync
 * from such a workstation could write them, bypassing today's validation.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic({ seed: 1900 });
});
afterAll(() => clinic.close());

/**
 * Run one statement through a better-sqlite3 connection of its own. Opened as
 * any Outpost opens the file, so the search index's triggers find their SQL
 * functions; nothing of today's services or validation is involved.
 */
function writeDirectly(sql: string, ...params: unknown[]): void {
  const { sqlite } = openDatabase(join(clinic.dataDir, 'outpost.db'));
  try {
    expect(sqlite.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    sqlite.close();
  }
}

describe('patients stored by another version', () => {
  it('opens, finds and lists a patient with an unknown relationship, a short phone, an old birth date and an unknown sex', async () => {
    const patient = await clinic.addPatient({
      givenName: 'Elspeth',
      familyName: 'Oldfield',
      insurance: [{ rank: 1, payerName: 'Heritage Mutual', memberId: 'HM-1', subscriberName: 'Agnes Oldfield' }],
    });
    const [policy] = patient.insurance;
    writeDirectly("UPDATE insurance_policies SET subscriber_relationship = 'grandparent' WHERE id = ?", policy?.id);
    writeDirectly(
      "UPDATE patients SET phone_mobile = '555-12', date_of_birth = '1899-05-01', sex = 'not_disclosed' WHERE id = ?",
      patient.id,
    );
    const nurse = await clinic.as('nurse');
    const read = await nurse.ok('patients.get', { id: patient.id });
    expect(read).toMatchObject({ phoneMobile: '555-12', dateOfBirth: '1899-05-01', sex: 'not_disclosed', familyName: 'Oldfield' });
    expect(read.insurance).toEqual([expect.objectContaining({ id: policy?.id, subscriberRelationship: 'grandparent' })]);
    const found = await nurse.ok('patients.search', { query: 'elspeth oldf' });
    expect(found).toEqual([expect.objectContaining({ id: patient.id, dateOfBirth: '1899-05-01', phoneMobile: '555-12' })]);
    expect((await nurse.ok('patients.recent', {}))[0]?.id).toBe(patient.id);
    // Saving it again still applies today's rules: the desk must correct the birth date first.
    const fd = await clinic.as('front_desk');
    const error = await fd.refuses(
      'patients.update',
      { ...read, sex: 'unknown', phoneMobile: null, insurance: [{ ...policy, subscriberRelationship: 'other' }] },
      'VALIDATION',
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['dateOfBirth']);
  });
});

describe('reference data stored by another version', () => {
  it('reads odd clinic hours, provider hours and breaks as stored', async () => {
    const oddHours = { '1': [{ start: '7:30', end: '24:00' }], '9': [], '0': [{ start: '10:00', end: '09:00' }] };
    const oddBreaks = [{ weekday: 8, start: '12:00', end: '12:30', label: 'Siesta' }];
    writeDirectly('UPDATE clinic_settings SET hours = ?', JSON.stringify(oddHours));
    writeDirectly(
      'UPDATE providers SET weekly_hours = ?, breaks = ? WHERE id = ?',
      JSON.stringify(oddHours),
      JSON.stringify(oddBreaks),
      clinic.providers.park,
    );
    for (const role of ['nurse', 'manager'] as const) {
      const reference = await (await clinic.as(role)).ok('reference.get', {});
      expect(reference.clinic.hours).toEqual(oddHours);
      const park = reference.providers.find((p) => p.id === clinic.providers.park);
      expect(park).toMatchObject({ weeklyHours: oddHours, breaks: oddBreaks });
    }
  });
});
