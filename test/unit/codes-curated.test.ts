/**
 * The shipped primary care code list and the CMS file reader, without a
 * database: every shipped line is a well-formed, unique ICD-10-CM code with a
 * title, the visits every clinic codes are there, and the reader accepts what
 * CMS publishes (CRLF, a byte-order mark, blank lines) and names bad lines.
 */
import { describe, expect, it } from 'vitest';
import { dottedCode } from '../../main/contract';
import { CODE_PATTERN, normalizeCode } from '../../main/services/codes/ids';
import { PRIMARY_CARE_TSV } from '../../main/services/codes/icd10cm-primary-care';
import { parseCodeFile, releaseFromFileName } from '../../main/services/codes/parse';
import { primaryCareCodes } from '../../main/services/codes/seed';
import { codesLine, orderLine } from '../support/codes';

describe('the shipped primary care codes', () => {
  it('are well-formed, unique, titled, and a few hundred', () => {
    const lines = PRIMARY_CARE_TSV.split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBe(primaryCareCodes.length);
    expect(primaryCareCodes.length).toBeGreaterThanOrEqual(300);
    expect(primaryCareCodes.length).toBeLessThanOrEqual(600);
    for (const line of lines) expect(line.split('\t'), line).toHaveLength(2);
    for (const { code, title } of primaryCareCodes) {
      expect(code, code).toMatch(CODE_PATTERN);
      expect(title.trim(), code).toBe(title);
      expect(title.length, code).toBeGreaterThan(2);
    }
    expect(new Set(primaryCareCodes.map((c) => c.code)).size).toBe(primaryCareCodes.length);
  });

  it('parse as a CMS codes file too (the same rules as an import)', () => {
    const parsed = parseCodeFile(primaryCareCodes.map((c) => codesLine(c.code, c.title)).join('\n'));
    expect(parsed.codes).toEqual(primaryCareCodes);
  });

  it('include the well visits, immunization and the commonest chronic conditions', () => {
    const shipped = new Set(primaryCareCodes.map((c) => dottedCode(c.code)));
    for (const code of ['Z00.00', 'Z00.01', 'Z00.121', 'Z00.129', 'Z23', 'I10', 'E11.9', 'E78.5', 'J45.909', 'J44.9', 'F32.A', 'N39.0']) {
      expect(shipped, code).toContain(code);
    }
  });
});

describe('reading CMS files', () => {
  it('recognises the order file and keeps category headers as not billable', () => {
    const content = `\uFEFF${orderLine(1, 'A00', false, 'Cholera')}\r\n${orderLine(2, 'A000', true, 'Cholera due to Vibrio cholerae 01, biovar cholerae')}\r\n\r\n`;
    expect(parseCodeFile(content)).toEqual({
      format: 'order',
      codes: [
        { code: 'A00', title: 'Cholera', billable: false },
        { code: 'A000', title: 'Cholera due to Vibrio cholerae 01, biovar cholerae', billable: true },
      ],
    });
  });

  it('uses the long title of the order file, not the 60-character short one', () => {
    const long = 'Other specified diabetes mellitus with moderate nonproliferative diabetic retinopathy with macular edema, right eye';
    expect(parseCodeFile(orderLine(7, 'E133311', true, long)).codes[0]?.title).toBe(long);
  });

  it('names the first bad line', () => {
    expect(() => parseCodeFile(`${codesLine('A000', 'Cholera')}\n${codesLine('a001', 'Lower case')}`)).toThrow(/Line 2/);
    expect(() => parseCodeFile(`${orderLine(1, 'A00', false, 'Cholera')}\n${codesLine('A000', 'Codes layout')}`)).toThrow(/Line 2/);
    expect(() => parseCodeFile(`${codesLine('A000', 'x'.repeat(401))}`)).toThrow(/Line 1.*400/);
  });

  it('reads the release year from CMS file names', () => {
    expect(releaseFromFileName('icd10cm-order-2026.txt')).toBe('2026');
    expect(releaseFromFileName('icd10cm_codes_2025.txt')).toBe('2025');
    expect(releaseFromFileName('Code Descriptions/icd10cm-codes-April-2024.txt')).toBe('2024');
    expect(releaseFromFileName('codes.txt')).toBeNull();
  });

  it('normalises codes as people type them', () => {
    expect(normalizeCode('e11.9')).toBe('E119');
    expect(normalizeCode('Z00.121')).toBe('Z00121');
    expect(normalizeCode('E')).toBe('E');
    expect(normalizeCode('E1.19')).toBeNull();
    expect(normalizeCode('diabetes')).toBeNull();
    expect(dottedCode('E119')).toBe('E11.9');
    expect(dottedCode('I10')).toBe('I10');
  });
});
