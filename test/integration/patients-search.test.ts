/**
 * Patient search as the front desk types it, duplicate detection before a
 * save, and MRNs. Names are literal synthetic ones (plus fixed-seed faker
 * filler), so "the right patient and only them" can be asserted exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients as patientsTable } from '../../db/schema';
import type { Output } from '../../main/contract';
import { editable, makeClinic, type Clinic } from '../support/clinic';
import { openStore } from '../support/core';

type Patient = Output<'patients.create'>;
let clinic: Clinic;
let john: Patient;
let joanna: Patient;
let jose: Patient;
let zoe: Patient;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 2024 });
  for (let i = 0; i < 30; i++) await clinic.addPatient();
  const fd = await clinic.as('front_desk');
  john = await fd.ok('patients.create', {
    givenName: 'John',
    familyName: 'Smith',
    sex: 'male',
    dateOfBirth: '1980-03-14',
    phoneMobile: '(312) 555-0147',
  });
  joanna = await fd.ok('patients.create', {
    givenName: 'Joanna',
    familyName: 'Smithers',
    sex: 'female',
    dateOfBirth: '1990-01-01',
    phoneMobile: '312-555-0911',
  });
  jose = await fd.ok('patients.create', {
    givenName: 'José',
    familyName: 'Núñez',
    sex: 'male',
    dateOfBirth: '1975-06-02',
    phoneMobile: '773-555-0198',
    phoneHome: '708 555 0123',
  });
  zoe = await fd.ok('patients.create', {
    givenName: 'Zoë',
    familyName: "O'Brien-Lee",
    preferredName: 'Zed',
    sex: 'female',
    dateOfBirth: '2001-12-25',
  });
});
afterAll(() => clinic.close());

async function search(query: string, limit?: number): Promise<string[]> {
  const nurse = await clinic.as('nurse');
  return (await nurse.ok('patients.search', limit ? { query, limit } : { query })).map((p) => p.id);
}

describe('patients.search', () => {
  it('matches name prefixes in any order, case-insensitively', async () => {
    expect(new Set(await search('jo smi'))).toEqual(new Set([john.id, joanna.id]));
    expect(new Set(await search('smi jo'))).toEqual(new Set([john.id, joanna.id]));
    expect(await search('john smi')).toEqual([john.id]);
    expect(await search('JOHN SMITH')).toEqual([john.id]);
    expect(await search('smithers')).toEqual([joanna.id]);
    expect(await search('johnny')).toEqual([]);
  });

  it('ignores accents both ways', async () => {
    expect(await search('jose')).toEqual([jose.id]);
    expect(await search('nunez jo')).toEqual([jose.id]);
    expect(await search('JOSÉ NÚÑEZ')).toEqual([jose.id]);
    expect(await search('zoe')).toEqual([zoe.id]);
    expect(await search('Zoë brien')).toEqual([zoe.id]);
    expect(await search('zed')).toEqual([zoe.id]);
  });

  it('finds a date of birth written as 1980-03-14, 03/14/1980 or 3/14/1980, alone or with a name', async () => {
    for (const query of ['1980-03-14', '03/14/1980', '3/14/1980', 'smith 03/14/1980', 'jo 1980-03-14'])
      expect(await search(query), query).toEqual([john.id]);
    expect(await search('joanna 1980-03-14')).toEqual([]);
    expect(await search('02/30/1980')).toEqual([]);
  });

  it('finds a phone number by all its digits, however written, or by its last 7 or 4 digits', async () => {
    for (const query of ['(312) 555-0147', '312-555-0147', '3125550147', '555-0147', '5550147', '0147'])
      expect(await search(query), query).toEqual([john.id]);
    for (const query of ['708 555 0123', '0123', '5550123', '773.555.0198']) expect(await search(query), query).toEqual([jose.id]);
  });

  it('finds an MRN, in any case', async () => {
    expect(await search(jose.mrn)).toEqual([jose.id]);
    expect(await search(jose.mrn.toLowerCase())).toEqual([jose.id]);
  });

  it('respects the limit and sorts by family then given name', async () => {
    const nurse = await clinic.as('nurse');
    const all = await nurse.ok('patients.search', { query: '312', limit: 50 });
    expect(all.length).toBeGreaterThan(5);
    const key = (p: { familyName: string; givenName: string }) => [p.familyName, p.givenName];
    const sorted = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(all.map((p) => p.id)).toEqual(sorted.map((p) => p.id));
    expect(await search('312', 3)).toEqual(all.slice(0, 3).map((p) => p.id));
  });

  it('one letter lists last names starting with it in order; with too few, the full search fills in', async () => {
    const nurse = await clinic.as('nurse');
    const browsed = (await nurse.ok('patients.search', { query: 's', limit: 2 })).map((p) => p.familyName);
    expect(browsed).toEqual(['Smith', 'Smithers']);
    // More than there are "S" last names: the full search also brings given names starting with S.
    const filled = await nurse.ok('patients.search', { query: 's', limit: 50 });
    expect(filled.map((p) => p.id)).toEqual(expect.arrayContaining([john.id, joanna.id]));
    const families = filled.map((p) => p.familyName);
    expect(families).toEqual([...families].sort());
  });

  it('one letter, in either case, finds last names that start with it in either case, alphabetically', async () => {
    const fd = await clinic.as('front_desk');
    const born = ['1971-01-11', '1972-02-12', '1973-03-13'];
    for (const [i, familyName] of ['van Dyke', 'Vance', 'von Trapp'].entries())
      await fd.ok('patients.create', { givenName: 'Vera', familyName, sex: 'female', dateOfBirth: born[i] ?? '' });
    // The expected list, from the stored names: every last name whose first letter is a V of either case.
    const rows = clinic.query<{ id: string; family: string }>(
      "SELECT id, family_name AS family FROM patients WHERE lower(substr(family_name, 1, 1)) = 'v' AND deleted_at IS NULL",
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const families = rows
      .map((r) => r.family)
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    for (const query of ['v', 'V']) {
      const nurse = await clinic.as('nurse');
      const all = await nurse.ok('patients.search', { query, limit: rows.length });
      expect(
        all.map((p) => p.familyName),
        query,
      ).toEqual(families);
      const firstTwo = await nurse.ok('patients.search', { query, limit: 2 });
      expect(
        firstTwo.map((p) => p.familyName),
        query,
      ).toEqual(families.slice(0, 2));
    }
  });

  it('two letters run the full search: given names count too', async () => {
    const smilla = await (
      await clinic.as('front_desk')
    ).ok('patients.create', { givenName: 'Smilla', familyName: 'Andersen', sex: 'female', dateOfBirth: '1969-05-17' });
    // Andersen sorts before Smith: a browse of last names alone would have missed her.
    expect(await search('sm', 2)).toEqual([smilla.id, john.id]);
    expect(await search('SM', 2)).toEqual([smilla.id, john.id]);
  });

  it('two letters of the MRN prefix do not list the whole clinic', async () => {
    // Every MRN starts with this workstation's letters; only words with digits are matched against MRNs.
    const byPrefix = await search(jose.mrn.slice(0, 2).toLowerCase(), 50);
    expect(byPrefix.length).toBeLessThan(10);
  });

  it('reindexes a renamed patient: the old name and phone no longer match', async () => {
    const fd = await clinic.as('front_desk');
    const current = await fd.ok('patients.get', { id: john.id });
    await fd.ok('patients.update', { ...editable(current), givenName: 'Jonathan', familyName: 'Smythe', phoneMobile: '(312) 555-0888' });
    expect(await search('john smith')).toEqual([]);
    expect(await search('0147')).toEqual([]);
    expect(await search('jonathan smy')).toEqual([john.id]);
    expect(await search('0888')).toEqual([john.id]);
    expect(await search('jo sm')).toEqual([joanna.id, john.id]); // Smithers sorts before Smythe
    expect(await search('03/14/1980')).toEqual([john.id]);
  });

  it('forgets a deleted (tombstoned) patient', async () => {
    const gone = await clinic.addPatient({ givenName: 'Quentin', familyName: 'Quill', phoneMobile: '(415) 555-0100' });
    expect(await search('quentin')).toEqual([gone.id]);
    const opened = openStore(clinic.dataDir);
    try {
      opened.store.capture.mutate((w) => w.remove(patientsTable, gone.id));
    } finally {
      opened.close();
    }
    for (const query of ['quentin', 'quill', '0100', gone.mrn]) expect(await search(query), query).toEqual([]);
    await (await clinic.as('nurse')).refuses('patients.get', { id: gone.id }, 'NOT_FOUND');
    // Nor is it a duplicate any more.
    const fd = await clinic.as('front_desk');
    await fd.ok('patients.create', {
      givenName: 'Quentin',
      familyName: 'Quill',
      sex: 'male',
      dateOfBirth: gone.dateOfBirth,
      phoneMobile: '(415) 555-0100',
    });
  });
});

describe('duplicate detection', () => {
  it('refuses the same name and date of birth, ignoring accents and case, unless acknowledged', async () => {
    const fd = await clinic.as('front_desk');
    const twin = { givenName: 'jose', familyName: 'NUNEZ', sex: 'male', dateOfBirth: '1975-06-02' } as const;
    const error = await fd.refuses('patients.create', twin, 'CONFLICT');
    expect(error.details).toMatchObject({ duplicates: [{ patient: { id: jose.id, mrn: jose.mrn }, reason: 'same_name_and_dob' }] });
    const created = await fd.ok('patients.create', { ...twin, acknowledgeDuplicates: true });
    expect(created.id).not.toBe(jose.id);
    expect(created.mrn).not.toBe(jose.mrn);
  });

  it('refuses the same phone number written differently', async () => {
    const fd = await clinic.as('front_desk');
    const error = await fd.refuses(
      'patients.create',
      { givenName: 'Maria', familyName: 'Lopez', sex: 'female', dateOfBirth: '1999-09-09', phoneHome: '(773) 555.0198' },
      'CONFLICT',
    );
    expect(error.details).toMatchObject({ duplicates: [{ patient: { id: jose.id }, reason: 'same_phone' }] });
  });

  it('lets a namesake with another date of birth and no shared phone through', async () => {
    const fd = await clinic.as('front_desk');
    const namesake = await fd.ok('patients.create', {
      givenName: 'Zoe',
      familyName: "O'Brien-Lee",
      sex: 'female',
      dateOfBirth: '2002-12-25',
    });
    expect(namesake.id).not.toBe(zoe.id);
  });
});

describe('MRNs', () => {
  it('carry this workstation’s prefix and are unique', () => {
    const prefix = clinic.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'workstation_prefix'")[0]?.value ?? '';
    const mrns = clinic.query<{ mrn: string }>('SELECT mrn FROM patients').map((r) => r.mrn);
    expect(mrns.length).toBeGreaterThan(30);
    expect(mrns.every((m) => m.startsWith(prefix) && /^[A-Z]{3}\d{6}$/.test(m))).toBe(true);
    expect(new Set(mrns).size).toBe(mrns.length);
  });
});
