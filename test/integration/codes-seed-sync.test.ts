/**
 * The shipped primary care codes: seeded once when a clinic is created (setup
 * and the demo), idempotent when seeded again, never overwriting an imported
 * title; and codes written on two workstations — by sync, by each importing
 * the same CMS file, by each seeding the same code — end as one row per code
 * on both, found by search on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosisCodes } from '../../db/schema';
import { primaryCareCodes, seedPrimaryCareCodes } from '../../main/services/codes/seed';
import { insertMissingCodes } from '../../main/services/codes/write';
import { makeClinic, PASSWORD, STAFF, type Clinic } from '../support/clinic';
import { codesLine } from '../support/codes';
import { makeCore, openStore, type TestCore } from '../support/core';
import { makeSyncedClinic, type SyncedClinic } from '../support/sync';

const count = (core: Pick<TestCore, 'query'>, where = '1 = 1') =>
  core.query<{ n: number }>(`SELECT count(*) AS n FROM diagnosis_codes WHERE ${where}`)[0]?.n ?? -1;
const codeOps = (core: Pick<TestCore, 'query'>) =>
  core.query<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE table_name = 'diagnosis_codes'")[0]?.n ?? -1;

/** Run a write through a second connection to the workstation's database, as a script or an upgrade step would. */
function withStore<T>(core: TestCore, work: (store: ReturnType<typeof openStore>['store']) => T): T {
  const opened = openStore(core.dataDir);
  try {
    return work(opened.store);
  } finally {
    opened.close();
  }
}

describe('seeding the shipped codes', () => {
  let clinic: Clinic;
  beforeAll(async () => {
    clinic = await makeClinic({ seed: 63 });
  });
  afterAll(() => clinic.close());

  it('first-run setup seeds every shipped code once, through change capture', () => {
    expect(count(clinic)).toBe(primaryCareCodes.length);
    expect(codeOps(clinic)).toBe(primaryCareCodes.length);
    expect(count(clinic, "id = 'icd10cm:' || code AND release = 'curated-1' AND active = 1 AND billable = 1")).toBe(
      primaryCareCodes.length,
    );
  });

  it('seeding again adds nothing and sends nothing; a longer list adds only what is new', () => {
    expect(withStore(clinic, (store) => seedPrimaryCareCodes(store))).toBe(0);
    expect(codeOps(clinic)).toBe(primaryCareCodes.length);
    const newer = [...primaryCareCodes, { code: 'Q8740', title: "Marfan's syndrome, unspecified", billable: true }];
    expect(withStore(clinic, (store) => store.capture.mutate((w) => insertMissingCodes(w, store, newer, 'curated-2')))).toBe(1);
    expect(count(clinic)).toBe(primaryCareCodes.length + 1);
    expect(withStore(clinic, (store) => store.capture.mutate((w) => insertMissingCodes(w, store, newer, 'curated-2')))).toBe(0);
  });

  it('keeps a title a CMS import has revised', async () => {
    const manager = await clinic.as('manager');
    await manager.ok('codes.import', {
      fileName: 'icd10cm-codes-2030.txt',
      content: codesLine('I10', 'Essential (primary) hypertension, revised'),
    });
    withStore(clinic, (store) => seedPrimaryCareCodes(store));
    expect(clinic.query("SELECT title, release FROM diagnosis_codes WHERE id = 'icd10cm:I10'")).toEqual([
      { title: 'Essential (primary) hypertension, revised', release: '2030' },
    ]);
  });

  it('a retired code leaves the search index, and an import that lists it again brings it back', async () => {
    const physician = await clinic.as('physician');
    const found = async () => (await physician.ok('codes.search', { query: 'marfan' })).codes.map((c) => c.code);
    expect(await found()).toEqual(['Q87.40']);
    withStore(clinic, (store) => store.capture.mutate((w) => w.update(diagnosisCodes, 'icd10cm:Q8740', { active: false })));
    expect(await found()).toEqual([]);
    const manager = await clinic.as('manager');
    const content = codesLine('Q8740', "Marfan's syndrome, unspecified");
    expect(await manager.ok('codes.import', { fileName: 'icd10cm-codes-2031.txt', content })).toMatchObject({ updated: 1 });
    expect(await found()).toEqual(['Q87.40']);
  });

  it('the demo clinic has the shipped codes too', async () => {
    const demo = await makeCore({ demo: { patients: 3, daysBack: 1, daysAhead: 1 } });
    try {
      expect(count(demo)).toBe(primaryCareCodes.length);
    } finally {
      await demo.close();
    }
  });
});

describe('two workstations', () => {
  let clinic: SyncedClinic;
  let b: TestCore;

  const rows = (core: Pick<TestCore, 'query'>) =>
    core.query('SELECT id, code, title, billable, release, active, deleted_at FROM diagnosis_codes ORDER BY id');
  const duplicates = (core: Pick<TestCore, 'query'>) =>
    core.query('SELECT code FROM diagnosis_codes GROUP BY system, code HAVING count(*) > 1');

  async function syncAll(...cores: TestCore[]) {
    const callers = await Promise.all(cores.map((core) => core.login('ada.admin', PASSWORD)));
    for (let pass = 0; pass < 2; pass += 1) for (const caller of callers) await caller.ok('sync.now', {});
  }

  beforeAll(async () => {
    clinic = await makeSyncedClinic({ seed: 64 });
    b = await clinic.join();
  });
  afterAll(() => clinic.close());

  it('a joining workstation gets the codes by sync, not by seeding', () => {
    expect(count(b)).toBe(primaryCareCodes.length);
    expect(rows(b)).toEqual(rows(clinic.a));
    expect(codeOps(b)).toBe(0);
  });

  it('the same file imported on both, and the same code seeded on both, end as one row per code', async () => {
    const file = [
      codesLine('A000', 'Cholera due to Vibrio cholerae 01, biovar cholerae'),
      codesLine('E119', 'Type 2 diabetes mellitus without complications'),
    ].join('\n');
    const managerB = await b.login(STAFF.manager.username, PASSWORD);
    await (await clinic.a.as('manager')).ok('codes.import', { fileName: 'icd10cm-codes-2026.txt', content: file });
    await managerB.ok('codes.import', { fileName: 'icd10cm-codes-2026.txt', content: file });
    const extra = [{ code: 'Q8740', title: "Marfan's syndrome, unspecified", billable: true }];
    for (const core of [clinic.a, b])
      withStore(core, (store) => store.capture.mutate((w) => insertMissingCodes(w, store, extra, 'curated-2')));
    await syncAll(clinic.a, b);
    for (const core of [clinic.a, b]) {
      expect(duplicates(core)).toEqual([]);
      expect(count(core)).toBe(primaryCareCodes.length + 2);
    }
    expect(rows(b)).toEqual(rows(clinic.a));
    // Rows applied from the other workstation are indexed for search like local ones.
    const physicianB = await b.login(STAFF.physician.username, PASSWORD);
    expect((await physicianB.ok('codes.search', { query: 'cholera' })).codes[0]?.code).toBe('A00.0');
    expect((await physicianB.ok('codes.search', { query: 'marfan' })).codes[0]?.code).toBe('Q87.40');
  });
});
