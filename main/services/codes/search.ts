/**
 * Diagnosis search as the physician types. A lone code-looking word ("E11",
 * "e11.9", "Z00.121", even "E") is looked up in the code index first: the
 * exact code, then every code under it in code order. Then, or otherwise,
 * the words are matched against the FTS5 index (code and title, any order,
 * each word a prefix, case- and accent-insensitive) and the shortest titles
 * come first: the general code ("Essential (primary) hypertension") before
 * its long, specific relatives. That order is the index's own rowid order
 * (see the 0008 migration), so a two-letter prefix matching tens of
 * thousands of titles costs no more than reading the first few.
 */
import { sql } from 'drizzle-orm';
import { dottedCode, type DiagnosisCode } from '../../contract';
import type { Store } from '../store';
import { ICD10CM, normalizeCode } from './ids';

interface Row {
  code: string;
  title: string;
  billable: number;
}

/**
 * One FTS5 prefix term per word. A word that looks like a code loses its dot
 * (the index holds 'E119'); everything else is quoted so punctuation and FTS
 * operators typed by a person ("AND", "-", "(primary)") are plain text.
 */
export function codeFtsQuery(words: string[]): string {
  return words
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => (/\d/.test(word) ? (normalizeCode(word) ?? word) : word))
    .map((word) => `"${word.replace(/"/g, '""')}"*`)
    .join(' ');
}

/** The exact code, then the codes that start with it, in code order (the index's own order: no sort). */
function byCode(store: Store, code: string, limit: number): Row[] {
  return store.db.all<Row>(sql`SELECT code, title, billable FROM diagnosis_codes
    WHERE system = ${ICD10CM} AND code >= ${code} AND code < ${`${code}\uffff`} AND deleted_at IS NULL AND active
    ORDER BY code LIMIT ${limit}`);
}

/** The index rowid packs the title length above the table rowid (see the 0008 migration). */
const ROWID_BITS = 4294967296;

/**
 * Title and code words, shortest titles first. The index holds only live
 * codes (its triggers skip deleted and inactive ones); only the rows shown
 * are read from the table.
 */
function byWords(store: Store, match: string, limit: number): Row[] {
  return store.db.all<Row>(sql`SELECT d.code, d.title, d.billable
    FROM (SELECT rowid FROM diagnosis_code_search WHERE diagnosis_code_search MATCH ${match} ORDER BY rowid LIMIT ${limit}) s
    JOIN diagnosis_codes d ON d.rowid = s.rowid % ${ROWID_BITS}
    WHERE d.deleted_at IS NULL AND d.active
    ORDER BY s.rowid / ${ROWID_BITS}, d.code`);
}

export function searchCodes(store: Store, query: string, limit: number): DiagnosisCode[] {
  const words = query
    .trim()
    .split(/[\s,;]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const rows: Row[] = [];
  const [only] = words;
  const code = words.length === 1 && only ? normalizeCode(only) : null;
  if (code) rows.push(...byCode(store, code, limit));
  const match = rows.length < limit ? codeFtsQuery(words) : '';
  if (match) {
    const seen = new Set(rows.map((row) => row.code));
    // Ask for enough to fill up the list after dropping what the code lookup already found.
    for (const row of byWords(store, match, limit + rows.length)) {
      if (rows.length >= limit) break;
      if (!seen.has(row.code)) rows.push(row);
    }
  }
  return rows.map((row) => ({ code: dottedCode(row.code), title: row.title, billable: row.billable === 1 }));
}
