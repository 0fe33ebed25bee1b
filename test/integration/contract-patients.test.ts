/**
 * Contract: patient registration, reading, recent patients, duplicate checks
 * and search input. (Search matching itself is covered in patients-search.)
 * Every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editable, makeClinic, type Clinic } from '../support/clinic';
import { addDays, today } from '../support/time';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic({ seed: 777 });
});
afterAll(() => clinic.close());

describe('patients.create', () => {
  it('registers a patient with normalised fields, insurance and a prefixed MRN', async () => {
    const fd = await clinic.as('front_desk');
    const patient = await fd.ok('patients.create', {
      givenName: '  Rowan ',
      middleName: '',
      familyName: 'Ashdown',
      sex: 'other',
      dateOfBirth: '1984-07-09',
      phoneMobile: '+1 (312) 555-0199',
      email: 'rowan.ashdown@example.test',
      insurance: [{ rank: 1, payerName: 'Acme Health', memberId: 'AC-1', subscriberDateOfBirth: '1984-07-09' }],
    });
    expect(patient).toMatchObject({ givenName: 'Rowan', middleName: null, familyName: 'Ashdown', sex: 'other', phoneHome: null });
    expect(patient.insurance).toEqual([
      expect.objectContaining({ rank: 1, payerName: 'Acme Health', memberId: 'AC-1', subscriberRelationship: 'self' }),
    ]);
    const prefix = clinic.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'workstation_prefix'")[0]?.value ?? '';
    expect(prefix).toMatch(/^[A-Z]{3}$/);
    expect(patient.mrn).toMatch(new RegExp(`^${prefix}\\d{6}$`));
    expect(clinic.query('SELECT given_name, date_of_birth FROM patients WHERE id = ?', patient.id)).toEqual([
      { given_name: 'Rowan', date_of_birth: '1984-07-09' },
    ]);
  });

  it('refuses every kind of bad field', async () => {
    const fd = await clinic.as('front_desk');
    const base = clinic.patientFields(90);
    const bad: [string, unknown][] = [
      ['givenName', { ...base, givenName: undefined }],
      ['familyName', { ...base, familyName: ' ' }],
      ['givenName', { ...base, givenName: 12 }],
      ['sex', { ...base, sex: 'robot' }],
      ['dateOfBirth', { ...base, dateOfBirth: addDays(today(), 2) }],
      ['dateOfBirth', { ...base, dateOfBirth: '1899-12-31' }],
      ['dateOfBirth', { ...base, dateOfBirth: '1980-02-30' }],
      ['dateOfBirth', { ...base, dateOfBirth: '03/14/1980' }],
      ['phoneMobile', { ...base, phoneMobile: 'call me maybe' }],
      ['phoneMobile', { ...base, phoneMobile: '555-12' }],
      ['phoneHome', { ...base, phoneHome: '1234567890123456' }],
      ['email', { ...base, email: 'not-an-email' }],
      ['notes', { ...base, notes: 'x'.repeat(2001) }],
      ['insurance', { ...base, insurance: [1, 2, 3, 4].map((rank) => ({ rank, payerName: 'P', memberId: 'M' })) }],
      ['insurance.0.rank', { ...base, insurance: [{ rank: 4, payerName: 'P', memberId: 'M' }] }],
      ['insurance.0.memberId', { ...base, insurance: [{ rank: 1, payerName: 'P' }] }],
      [
        'insurance.0.subscriberRelationship',
        { ...base, insurance: [{ rank: 1, payerName: 'P', memberId: 'M', subscriberRelationship: 'cousin' }] },
      ],
    ];
    for (const [field, input] of bad) {
      const error = await fd.refuses('patients.create', input, 'VALIDATION');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toEqual([field]);
    }
    const ranks = await fd.refuses(
      'patients.create',
      {
        ...base,
        insurance: [
          { rank: 1, payerName: 'P', memberId: 'M' },
          { rank: 1, payerName: 'Q', memberId: 'N' },
        ],
      },
      'VALIDATION',
    );
    expect(ranks.fields).toHaveProperty('insurance');
    await (await clinic.as('physician')).refuses('patients.create', base, 'FORBIDDEN');
    await clinic.anonymous.refuses('patients.create', base, 'UNAUTHENTICATED');
  });

  it('accepts a date of birth of today (a newborn)', async () => {
    const baby = await clinic.addPatient({ dateOfBirth: today() });
    expect(baby.dateOfBirth).toBe(today());
  });
});

describe('patients.get / patients.recent', () => {
  it('returns the patient and remembers it in the user’s own recent list, newest first', async () => {
    const a = await clinic.addPatient();
    const b = await clinic.addPatient();
    const nurse = await clinic.as('nurse');
    expect((await nurse.ok('patients.get', { id: a.id })).familyName).toBe(a.familyName);
    expect(await nurse.ok('patients.get', { id: b.id })).toEqual(b);
    const recent = await nurse.ok('patients.recent', {});
    expect(recent.slice(0, 2).map((p) => p.id)).toEqual([b.id, a.id]);
    // Opening A again moves it to the front without duplicating it.
    await nurse.ok('patients.get', { id: a.id });
    const again = await nurse.ok('patients.recent', {});
    expect(again.slice(0, 2).map((p) => p.id)).toEqual([a.id, b.id]);
    expect(again.filter((p) => p.id === a.id)).toHaveLength(1);
    // Another user's list is their own.
    const physician = await clinic.as('physician');
    expect((await physician.ok('patients.recent', {})).map((p) => p.id)).not.toContain(b.id);
    await nurse.refuses('patients.get', { id: 'no-such-patient' }, 'NOT_FOUND');
    await nurse.refuses('patients.get', {}, 'VALIDATION');
    await nurse.refuses('patients.get', { id: '' }, 'VALIDATION');
    await nurse.refuses('patients.recent', { limit: 3 }, 'VALIDATION');
    await clinic.anonymous.refuses('patients.recent', {}, 'UNAUTHENTICATED');
  });
});

describe('patients.update', () => {
  it('changes details and replaces the insurance list', async () => {
    const fd = await clinic.as('front_desk');
    const patient = await clinic.addPatient({ insurance: [{ rank: 1, payerName: 'Old Payer', memberId: 'O-1' }] });
    const [policy] = editable(patient).insurance ?? [];
    if (!policy) throw new Error('fixture policy');
    const updated = await fd.ok('patients.update', {
      ...editable(patient),
      preferredName: 'Sunny',
      insurance: [
        { ...policy, memberId: 'O-2' },
        { rank: 2, payerName: 'New Payer', memberId: 'N-1' },
      ],
    });
    expect(updated.preferredName).toBe('Sunny');
    expect(updated.mrn).toBe(patient.mrn);
    expect(updated.insurance.map((p) => [p.rank, p.payerName, p.memberId])).toEqual([
      [1, 'Old Payer', 'O-2'],
      [2, 'New Payer', 'N-1'],
    ]);
    expect(updated.insurance[0]?.id).toBe(policy.id);
    expect(updated.updatedAt > patient.updatedAt).toBe(true);
  });

  it('refuses unknown patients and policies, bad fields, duplicates and roles without patients.write', async () => {
    const fd = await clinic.as('front_desk');
    const patient = await clinic.addPatient();
    const other = await clinic.addPatient();
    await fd.refuses('patients.update', { ...patient, id: 'no-such-patient' }, 'NOT_FOUND');
    await fd.refuses(
      'patients.update',
      { ...patient, insurance: [{ id: 'no-such-policy', rank: 1, payerName: 'P', memberId: 'M' }] },
      'NOT_FOUND',
    );
    await fd.refuses('patients.update', { ...patient, dateOfBirth: addDays(today(), 2) }, 'VALIDATION');
    await fd.refuses('patients.update', { ...patient, familyName: '' }, 'VALIDATION');
    await fd.refuses('patients.update', { ...patient, id: undefined }, 'VALIDATION');
    const clash = await fd.refuses('patients.update', { ...patient, phoneMobile: other.phoneMobile }, 'CONFLICT');
    expect(clash.details).toMatchObject({ duplicates: [{ patient: { id: other.id }, reason: 'same_phone' }] });
    await (await clinic.as('physician')).refuses('patients.update', { ...patient, notes: 'x' }, 'FORBIDDEN');
    // Its own phone is not a duplicate of itself, and acknowledging saves anyway.
    expect((await fd.ok('patients.update', { ...editable(patient), notes: 'Prefers mornings' })).notes).toBe('Prefers mornings');
    expect(
      (await fd.ok('patients.update', { ...editable(patient), phoneMobile: other.phoneMobile, acknowledgeDuplicates: true })).phoneMobile,
    ).toBe(other.phoneMobile);
  });
});

describe('patients.findDuplicates', () => {
  it('finds same name + DOB and same phone, and refuses malformed input', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await clinic.addPatient();
    const byName = await nurse.ok('patients.findDuplicates', {
      givenName: patient.givenName.toUpperCase(),
      familyName: patient.familyName,
      dateOfBirth: patient.dateOfBirth,
    });
    expect(byName).toMatchObject([{ patient: { id: patient.id }, reason: 'same_name_and_dob' }]);
    const byPhone = await nurse.ok('patients.findDuplicates', {
      givenName: 'Someone',
      familyName: 'Else',
      phones: [patient.phoneMobile?.replace(/\D/g, '') ?? ''],
    });
    expect(byPhone.map((d) => [d.patient.id, d.reason])).toEqual([[patient.id, 'same_phone']]);
    expect(
      await nurse.ok('patients.findDuplicates', {
        ...byName[0]?.patient,
        givenName: patient.givenName,
        familyName: patient.familyName,
        dateOfBirth: patient.dateOfBirth,
        excludeId: patient.id,
      }),
    ).toEqual([]);
    await nurse.refuses('patients.findDuplicates', { givenName: 'A', familyName: 'B', phones: ['1', '2', '3', '4'] }, 'VALIDATION');
    await nurse.refuses('patients.findDuplicates', { givenName: 'A', familyName: 'B', dateOfBirth: 19800314 }, 'VALIDATION');
    await nurse.refuses('patients.findDuplicates', { familyName: 'B' }, 'VALIDATION');
  });
});

describe('patients.search input', () => {
  it('searches and refuses malformed queries', async () => {
    const nurse = await clinic.as('nurse');
    const patient = await clinic.addPatient();
    expect((await nurse.ok('patients.search', { query: patient.mrn })).map((p) => p.id)).toEqual([patient.id]);
    expect(await nurse.ok('patients.search', { query: '   ' })).toEqual([]);
    expect((await nurse.ok('patients.search', { query: patient.dateOfBirth.slice(0, 4), limit: 1 })).length).toBeLessThanOrEqual(1);
    await nurse.refuses('patients.search', { query: 'x'.repeat(101) }, 'VALIDATION');
    await nurse.refuses('patients.search', { query: 'a', limit: 0 }, 'VALIDATION');
    await nurse.refuses('patients.search', { query: 'a', limit: 51 }, 'VALIDATION');
    await nurse.refuses('patients.search', { query: 42 }, 'VALIDATION');
    await nurse.refuses('patients.search', {}, 'VALIDATION');
    await clinic.anonymous.refuses('patients.search', { query: 'a' }, 'UNAUTHENTICATED');
  });

  it('treats FTS syntax in a query as plain text', async () => {
    const nurse = await clinic.as('nurse');
    for (const query of ['"', 'a*', 'NEAR(a b)', 'x OR y', '^start', 'col:val', "o'brien", '((', '-', '+1 (312)']) {
      const result = await nurse('patients.search', { query });
      expect(result.ok, `${query}: ${JSON.stringify(result)}`).toBe(true);
    }
  });
});
