/**
 * Clashes that only exist because two workstations worked offline at the
 * same time (ARCHITECTURE §4): found after a merge, never resolved silently.
 * Synced, with a deterministic id (a hash of what clashed), so two
 * workstations that find the same clash make one row, and its resolution
 * reaches every workstation.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const conflicts = sqliteTable(
  'conflicts',
  {
    ...syncColumns,
    /** Open enum: double_booking_provider, double_booking_room, duplicate_patient, duplicate_login, … */
    kind: text('kind').notNull(),
    /** JSON array of the ids of the rows that clash (appointments, patients, users). */
    subjects: text('subjects').notNull(),
    /** The provider or room double-booked, when it is a double booking. */
    resourceId: text('resource_id'),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    /** User id of who resolved it. */
    resolvedBy: text('resolved_by'),
    /** How: kept_both, rebooked, different_people, will_merge, renamed, … (open). */
    resolution: text('resolution'),
    note: text('note'),
  },
  (t) => [index('conflicts_open').on(t.resolvedAt, t.detectedAt)],
);
