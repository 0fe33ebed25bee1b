/**
 * What a clinician recorded about a care gap the chart's data cannot close:
 * done elsewhere (on a date), declined, or not applicable to this patient.
 * The gaps themselves are computed on read from the rules file; only these
 * outcomes are stored. A wrong outcome is withdrawn (tombstoned), and the gap
 * is back.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const careGapOutcomes = sqliteTable(
  'care_gap_outcomes',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    /** The rule's id in the care-gap rules file (e.g. colorectal-screening). */
    ruleId: text('rule_id').notNull(),
    /** Open enum: done_elsewhere, declined, not_applicable. */
    outcome: text('outcome').notNull(),
    /** For done_elsewhere: the plain date it was done. */
    doneOn: text('done_on'),
    /** For a rule with several ways to satisfy it (colonoscopy, FIT…): which one, as the rules file names it. */
    method: text('method'),
    note: text('note'),
    /** The rules file's version when the outcome was recorded. */
    rulesVersion: text('rules_version').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('care_gap_outcomes_patient').on(t.patientId)],
);
