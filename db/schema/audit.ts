/**
 * The audit trail (ARCHITECTURE §5): who did what to which record, from which
 * workstation, when, and whether it was allowed. Append-only (SQLite triggers
 * refuse updates and deletes) and hash-chained per workstation: each row holds
 * the hash of the one before it on the same workstation, so an altered,
 * removed or reordered row breaks the chain. Synced like any other table.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const auditEvents = sqliteTable(
  'audit_events',
  {
    ...syncColumns,
    /** Device id of the workstation whose chain this row is in. */
    workstation: text('workstation').notNull(),
    /** Position in that workstation's chain, from 1. */
    seq: integer('seq').notNull(),
    /** Wall-clock time of the workstation (the hlc column orders it against others). */
    at: text('at').notNull(),
    userId: text('user_id'),
    /** Open enum: login, logout, chart.open, chart.read, create, update, sign, print, export, import, permission, … */
    action: text('action').notNull(),
    /** The API method called. */
    method: text('method').notNull(),
    entityId: text('entity_id'),
    patientId: text('patient_id'),
    /** Open enum: success, denied, failure. */
    outcome: text('outcome').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_chain').on(t.workstation, t.seq),
    index('audit_events_patient').on(t.patientId, t.at),
    index('audit_events_at').on(t.at),
  ],
);
