/**
 * Patient search as the front desk types: name words in any order (prefix,
 * case- and accent-insensitive through the FTS5 index), dates of birth in the
 * usual spellings, phone numbers (all or last digits) and MRNs.
 */
import { sql } from 'drizzle-orm';
import { parseDateToken, type PatientSummary } from '../../contract';
import type { Store } from '../store';

/**
 * One FTS5 prefix term per word; punctuation inside phone numbers is dropped,
 * quotes are escaped. A word without digits is looked up in names only: MRNs
 * start with the workstation's letters, so "s" or "sj" would otherwise match
 * every patient of workstation SJG (and cost a sort of the whole clinic).
 */
export function ftsQuery(words: string[]): string {
  return words
    .map((word) => (/^[\d\s().+-]+$/.test(word) ? word.replace(/\D/g, '') : word))
    .map((word) => word.replace(/["*^:()]/g, ' ').trim())
    .filter((word) => word.length > 0)
    .flatMap((word) => word.split(/\s+/))
    .map((word) => (/\d/.test(word) ? `"${word}"*` : `names : "${word}"*`))
    .join(' ');
}

/**
 * Not merged into another record — or merged into each other by two workstations (a cycle, shown in the
 * conflicts inbox), in which case neither is retired until a person decides.
 */
const NOT_RETIRED = sql.raw(
  '(p.merged_into IS NULL OR EXISTS (SELECT 1 FROM patients m WHERE m.id = p.merged_into AND m.merged_into = p.id))',
);

const SUMMARY_COLUMNS = sql`p.id, p.mrn, p.given_name AS givenName, p.family_name AS familyName, p.preferred_name AS preferredName,
    p.sex, p.date_of_birth AS dateOfBirth, p.phone_mobile AS phoneMobile, p.phone_home AS phoneHome`;

/**
 * One letter matches a large part of the clinic; sorting all those FTS
 * matches costs ~20 ms on 100k patients. Browsing last names in index order
 * ("whose last name starts with S?") takes well under a millisecond: one
 * ordered range per case, merged. The full search runs when that finds too few.
 */
function familyNameInitial(store: Store, letter: string, limit: number): PatientSummary[] {
  const range = (initial: string) =>
    store.db.all<PatientSummary>(sql`SELECT ${SUMMARY_COLUMNS} FROM patients p
      WHERE p.family_name >= ${initial} AND p.family_name < ${`${initial}\uffff`} AND p.deleted_at IS NULL AND ${NOT_RETIRED}
      ORDER BY p.family_name, p.given_name LIMIT ${limit}`);
  const upper = letter.toUpperCase();
  const lower = letter.toLowerCase();
  const rows = upper === lower ? range(upper) : [...range(upper), ...range(lower)];
  const byName = (a: PatientSummary, b: PatientSummary) =>
    a.familyName.localeCompare(b.familyName, undefined, { sensitivity: 'base' }) || a.givenName.localeCompare(b.givenName);
  return rows.sort(byName).slice(0, limit);
}

export function searchPatients(store: Store, query: string, limit: number): PatientSummary[] {
  const words = query
    .trim()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const dates = words.map(parseDateToken);
  const dob = dates.find((d) => d !== null) ?? null;
  const match = ftsQuery(words.filter((_w, i) => dates[i] === null));
  const [only] = words;
  if (words.length === 1 && only && /^\p{L}$/u.test(only)) {
    const browsed = familyNameInitial(store, only, limit);
    if (browsed.length >= limit) return browsed;
  }
  const columns = SUMMARY_COLUMNS;
  const dobFilter = dob ? sql`AND p.date_of_birth = ${dob}` : sql``;
  const statement = match
    ? sql`SELECT ${columns} FROM patient_search s JOIN patients p ON p.rowid = s.rowid
          WHERE patient_search MATCH ${match} AND p.deleted_at IS NULL AND ${NOT_RETIRED} ${dobFilter}
          ORDER BY p.family_name, p.given_name LIMIT ${limit}`
    : sql`SELECT ${columns} FROM patients p WHERE p.deleted_at IS NULL AND ${NOT_RETIRED} ${dobFilter}
          ORDER BY p.family_name, p.given_name LIMIT ${limit}`;
  if (!match && !dob) return [];
  return store.db.all<PatientSummary>(statement);
}

/** Patients whose phone numbers contain exactly these digits. */
export function patientsWithPhone(store: Store, digits: string): PatientSummary[] {
  if (digits.length < 7) return [];
  const rows = store.db.all<PatientSummary>(sql`SELECT p.id, p.mrn, p.given_name AS givenName, p.family_name AS familyName,
      p.preferred_name AS preferredName, p.sex, p.date_of_birth AS dateOfBirth, p.phone_mobile AS phoneMobile, p.phone_home AS phoneHome
    FROM patient_search s JOIN patients p ON p.rowid = s.rowid
    WHERE patient_search MATCH ${`identifiers : "${digits}"`} AND p.deleted_at IS NULL AND ${NOT_RETIRED} LIMIT 20`);
  return rows.filter((p) => [p.phoneMobile, p.phoneHome].some((phone) => phone?.replace(/\D/g, '') === digits));
}
