/**
 * Code sets the chart picks from (ICD-10-CM diagnoses). A synced table, so a
 * clinic imports the CMS release once and every workstation gets it. Ids are
 * deterministic (`icd10cm:E119`): two workstations that seed or import the
 * same code write the same row, which the column merge turns into one row —
 * no unique constraint beyond the id (ARCHITECTURE §3). The local search index
 * over it (diagnosis_code_search, FTS5) lives in the migration SQL.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const diagnosisCodes = sqliteTable(
  'diagnosis_codes',
  {
    ...syncColumns,
    /** Open enum: icd10cm. */
    system: text('system').notNull().default('icd10cm'),
    /** Stored without the dot, upper case ('E119'); shown dotted ('E11.9'). */
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** Valid for claims (a leaf code); category headers are kept for browsing but flagged. */
    billable: integer('billable', { mode: 'boolean' }).notNull().default(true),
    /** Where the current title came from: a CMS release year ('2026') or the shipped list ('curated-1'). */
    release: text('release').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  // Code-prefix search ("E11") is a range scan of this index.
  (t) => [index('diagnosis_codes_code').on(t.system, t.code)],
);
