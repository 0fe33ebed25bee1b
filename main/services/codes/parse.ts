/**
 * Reads the CMS ICD-10-CM release files. Two layouts are published each year:
 *
 * - icd10cm-codes-YYYY.txt: the billable codes, one per line: code, spaces, title;
 * - icd10cm-order-YYYY.txt: every code and category header, fixed width:
 *   order number (5), space, code (7, padded), space, billable 0/1, space,
 *   short title (60, padded), space, long title.
 *
 * The layout is recognised from the first line and every line must follow
 * it: a file that is cut off, edited by hand or of another kind is refused
 * whole, with the line number, rather than half-imported.
 */
import { ApiError } from '../../contract';
import { CODE_PATTERN } from './ids';

export interface ParsedCode {
  code: string;
  title: string;
  billable: boolean;
}

export type CodeFileFormat = 'codes' | 'order';

export interface ParsedCodeFile {
  format: CodeFileFormat;
  codes: ParsedCode[];
}

/** Longer than any official long title; a longer "title" means the line is not what we think it is. */
const MAX_TITLE = 400;

const ORDER_LINE = /^(\d{5}) (.{7}) ([01]) (.{60}) (.*)$/;
const CODES_LINE = /^(\S*)(?:\s+(.*))?$/;

function refuse(lineNumber: number, problem: string): never {
  throw new ApiError('VALIDATION', `Line ${lineNumber.toLocaleString('en-US')} of the file ${problem}. Nothing was imported.`, {
    content: `Line ${lineNumber}: ${problem}`,
  });
}

function checkCode(code: string, lineNumber: number): void {
  if (!CODE_PATTERN.test(code)) {
    const shown = code.length > 12 ? `${code.slice(0, 12)}…` : code;
    refuse(lineNumber, `has "${shown}" where an ICD-10-CM code (such as E119) should be`);
  }
}

function checkTitle(title: string, lineNumber: number): void {
  if (title.length === 0) refuse(lineNumber, 'has a code without a title');
  if (title.length > MAX_TITLE) refuse(lineNumber, `has a title longer than ${MAX_TITLE} characters`);
}

function parseOrderLine(line: string, lineNumber: number): ParsedCode {
  const match = ORDER_LINE.exec(line);
  if (!match) {
    refuse(lineNumber, 'does not follow the CMS order-file layout (order number, code, billable 0 or 1, short title, long title)');
  }
  const [, , rawCode = '', flag, , longTitle = ''] = match;
  const code = rawCode.trimEnd();
  checkCode(code, lineNumber);
  const title = longTitle.trim();
  checkTitle(title, lineNumber);
  return { code, title, billable: flag === '1' };
}

function parseCodesLine(line: string, lineNumber: number): ParsedCode {
  const [, code = '', rawTitle = ''] = CODES_LINE.exec(line) ?? [];
  if (code === '') refuse(lineNumber, 'starts with spaces where an ICD-10-CM code should be');
  checkCode(code, lineNumber);
  const title = rawTitle.trim();
  checkTitle(title, lineNumber);
  // The codes file lists only the codes valid on a claim.
  return { code, title, billable: true };
}

/** Parse and validate the whole file; throws a VALIDATION ApiError naming the first bad line. */
export function parseCodeFile(content: string): ParsedCodeFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = lines.find((line) => line.trim().length > 0);
  if (firstLine === undefined) throw new ApiError('VALIDATION', 'The file is empty. Nothing was imported.', { content: 'Empty file' });
  const format: CodeFileFormat = /^\d{5} /.test(firstLine) ? 'order' : 'codes';
  const parseLine = format === 'order' ? parseOrderLine : parseCodesLine;
  const codes: ParsedCode[] = [];
  const firstSeen = new Map<string, number>();
  lines.forEach((line, index) => {
    // Blank lines (a trailing newline, a blank line at the end) carry nothing.
    if (line.trim().length === 0) return;
    const lineNumber = index + 1;
    const parsed = parseLine(line, lineNumber);
    const earlier = firstSeen.get(parsed.code);
    if (earlier !== undefined) refuse(lineNumber, `repeats the code ${parsed.code} (already on line ${earlier})`);
    firstSeen.set(parsed.code, lineNumber);
    codes.push(parsed);
  });
  return { format, codes };
}

/** The release year named by a CMS file name ('icd10cm-order-2026.txt', 'icd10cm_codes_2026.txt'), if any. */
export function releaseFromFileName(fileName: string): string | null {
  const match = /icd10cm[-_ ]?(?:codes|order)[-_ ]?(\d{4})/i.exec(fileName) ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(fileName);
  return match?.[1] ?? null;
}
