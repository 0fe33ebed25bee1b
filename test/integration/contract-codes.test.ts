/**
 * Contract: diagnosis code search (as a physician types) and the manager's
 * import of a CMS ICD-10-CM file, through dispatch on a real clinic (which
 * setup seeded with the shipped primary care codes). Every refusal leaves the
 * database unchanged; a malformed file imports nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinic, type Clinic } from '../support/clinic';
import { codesLine, orderLine } from '../support/codes';
import type { Caller } from '../support/core';

const ORDER_FIXTURE = [
  orderLine(1, 'E11', false, 'Type 2 diabetes mellitus'),
  orderLine(2, 'E119', true, 'Type 2 diabetes mellitus without complications'),
  orderLine(3, 'E1165', true, 'Type 2 diabetes mellitus with hyperglycemia'),
  orderLine(4, 'E1122', true, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
  orderLine(5, 'Q8740', true, "Marfan's syndrome, unspecified"),
].join('\r\n');

let clinic: Clinic;
let physician: Caller;
let manager: Caller;

const search = async (query: string, limit?: number) => (await physician.ok('codes.search', { query, limit })).codes;
const codesOf = async (query: string) => (await search(query)).map((c) => c.code);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 31 });
  physician = await clinic.as('physician');
  manager = await clinic.as('manager');
  await manager.ok('codes.import', { fileName: 'icd10cm-order-2026.txt', content: ORDER_FIXTURE });
});
afterAll(() => clinic.close());

describe('codes.search', () => {
  it('finds a code typed with or without its dot, in any case, and shows it dotted', async () => {
    for (const query of ['E11.9', 'e11.9', 'E119', ' e119 ']) {
      const [first] = await search(query);
      expect(first, query).toEqual({ code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', billable: true });
    }
  });

  it('lists the exact code first, then the codes under it in code order', async () => {
    const codes = await search('E11');
    expect(codes[0]).toEqual({ code: 'E11', title: 'Type 2 diabetes mellitus', billable: false });
    const rest = codes.slice(1).map((c) => c.code);
    expect(rest.length).toBeGreaterThan(3);
    expect(rest.every((code) => code.startsWith('E11.'))).toBe(true);
    expect(rest).toEqual([...rest].sort());
    expect(rest).toEqual(expect.arrayContaining(['E11.9', 'E11.65', 'E11.22']));
  });

  it('matches title words in any order, as prefixes, ignoring case and accents', async () => {
    for (const query of ['diab typ 2 without', 'WITHOUT complications type 2 diabetes', 'diabètes týpe 2 withöut']) {
      expect(await codesOf(query), query).toContain('E11.9');
    }
    expect((await codesOf('hypertension essential'))[0]).toBe('I10');
    expect((await codesOf('marfan'))[0]).toBe('Q87.40');
  });

  it('ranks the exact code before codes that merely contain it and before title matches', async () => {
    expect((await codesOf('I10'))[0]).toBe('I10');
    expect((await codesOf('Z00.121'))[0]).toBe('Z00.121');
    // The general title outranks longer ones mentioning the same word.
    expect((await codesOf('hypertension'))[0]).toBe('I10');
  });

  it('combines a code prefix with words', async () => {
    const codes = await codesOf('E11 kidney');
    expect(codes[0]).toBe('E11.22');
    expect(codes.every((code) => code.startsWith('E11'))).toBe(true);
  });

  it('returns nothing for an empty query or one that matches nothing, and respects the limit', async () => {
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('qqxzv')).toEqual([]);
    expect(await search('E', 3)).toHaveLength(3);
    expect((await search('pain', 5)).length).toBeLessThanOrEqual(5);
  });

  it('treats what a person types as text, never as search syntax', async () => {
    for (const query of ['"', 'AND', 'NOT pain', '(primary)', 'pain*', 'col:on', '-', 'E11.', 'E1.1.9']) {
      const result = await physician('codes.search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await codesOf('(primary) hypertension')).toContain('I10');
  });

  it('refuses malformed input', async () => {
    await physician.refuses('codes.search', { query: 'pain', limit: 101 }, 'VALIDATION');
    await physician.refuses('codes.search', { query: 'x'.repeat(201) }, 'VALIDATION');
    await physician.refuses('codes.search', { query: 12 }, 'VALIDATION');
  });

  it('is for chart readers: physicians and nurses yes, front desk no', async () => {
    expect((await (await clinic.as('nurse')).ok('codes.search', { query: 'I10' })).codes[0]?.code).toBe('I10');
    const desk = await (await clinic.as('front_desk')).refuses('codes.search', { query: 'I10' }, 'FORBIDDEN');
    expect(desk.message).toMatch(/Front desk/);
    await clinic.anonymous.refuses('codes.search', { query: 'I10' }, 'UNAUTHENTICATED');
  });
});

describe('codes.import', () => {
  const rowOf = (code: string) =>
    clinic.query<{ id: string; title: string; billable: number; release: string }>(
      'SELECT id, title, billable, release FROM diagnosis_codes WHERE code = ?',
      code,
    );

  it('imports the order file: headers kept as not billable, deterministic ids, the release from the file name', () => {
    expect(rowOf('E11')).toEqual([{ id: 'icd10cm:E11', title: 'Type 2 diabetes mellitus', billable: 0, release: '2026' }]);
    expect(rowOf('Q8740')).toEqual([expect.objectContaining({ id: 'icd10cm:Q8740', billable: 1, release: '2026' })]);
  });

  it('imports the codes file, counts what it did, and a second import of the same file changes nothing', async () => {
    const content = [
      codesLine('A000', 'Cholera due to Vibrio cholerae 01, biovar cholerae'),
      codesLine('I10', 'Essential (primary) hypertension'),
      '',
    ].join('\n');
    const first = await manager.ok('codes.import', { fileName: 'icd10cm-codes-2027.txt', content });
    // I10 ships with the curated list under the same title: unchanged.
    expect(first).toEqual({ added: 1, updated: 0, unchanged: 1, release: '2027', format: 'codes' });
    const outbox = clinic.query<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE table_name <> 'audit_events'")[0]?.n;
    const again = await manager.ok('codes.import', { fileName: 'icd10cm-codes-2027.txt', content });
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 2, release: '2027', format: 'codes' });
    expect(clinic.query<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE table_name <> 'audit_events'")[0]?.n).toBe(outbox);
    expect((await codesOf('cholera biovar'))[0]).toBe('A00.0');
  });

  it('updates a changed title and stamps the release it came from; search finds the new words', async () => {
    const content = codesLine('Q8740', "Marfan's syndrome, unspecified, revised wording");
    const result = await manager.ok('codes.import', { fileName: 'codes.txt', content, release: '2028-test' });
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 0, release: '2028-test' });
    expect(rowOf('Q8740')[0]).toMatchObject({ title: "Marfan's syndrome, unspecified, revised wording", release: '2028-test' });
    expect((await codesOf('marfan revised'))[0]).toBe('Q87.40');
  });

  it('refuses a malformed file naming the line, and imports nothing from it', async () => {
    const cases: [string, RegExp][] = [
      [
        [
          codesLine('A001', 'Cholera due to Vibrio cholerae 01, biovar eltor'),
          codesLine('A009', 'Cholera, unspecified'),
          'E11.9   Dotted code',
        ].join('\n'),
        /Line 3/,
      ],
      [[orderLine(1, 'A001', true, 'Cholera, eltor'), '00002 A009    1 Cholera, unspecified'].join('\n'), /Line 2/],
      [[codesLine('A001', 'Cholera'), '', codesLine('A001', 'Cholera again')].join('\n'), /Line 3.*A001.*line 1/],
      [[codesLine('A001', 'Cholera'), 'A009'].join('\n'), /Line 2.*without a title/],
      ['code,description\nA001,"Cholera"', /Line 1/],
      ['\n\n  \n', /empty/],
    ];
    for (const [content, message] of cases) {
      const error = await manager.refuses('codes.import', { fileName: 'icd10cm-codes-2026.txt', content }, 'VALIDATION');
      expect(error.message, content).toMatch(message);
      expect(error.message).toMatch(/Nothing was imported/);
    }
    expect(rowOf('A001')).toEqual([]);
  });

  it('needs the release when the file name does not tell it, and validates the release', async () => {
    const content = codesLine('A001', 'Cholera due to Vibrio cholerae 01, biovar eltor');
    const error = await manager.refuses('codes.import', { fileName: 'codes.txt', content }, 'VALIDATION');
    expect(error.fields).toHaveProperty('release');
    await manager.refuses('codes.import', { fileName: 'codes.txt', content, release: 'bad release!' }, 'VALIDATION');
    await manager.refuses('codes.import', { fileName: '', content }, 'VALIDATION');
    await manager.refuses('codes.import', { fileName: 'codes.txt', content: '' }, 'VALIDATION');
  });

  it('is for managers: physicians and front desk are refused', async () => {
    const input = { fileName: 'icd10cm-codes-2026.txt', content: codesLine('A001', 'Cholera') };
    await physician.refuses('codes.import', input, 'FORBIDDEN');
    await (await clinic.as('front_desk')).refuses('codes.import', input, 'FORBIDDEN');
    await clinic.anonymous.refuses('codes.import', input, 'UNAUTHENTICATED');
  });
});
