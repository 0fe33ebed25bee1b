/**
 * Emergency ("break-glass") access: a user whose role cannot open charts
 * opens one patient's chart, read-only, for an hour, after stating why.
 * Synced, so every manager sees every use wherever it happened.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const emergencyAccess = sqliteTable(
  'emergency_access',
  {
    ...syncColumns,
    userId: text('user_id').notNull(),
    patientId: text('patient_id').notNull(),
    reason: text('reason').notNull(),
    grantedAt: text('granted_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('emergency_access_user').on(t.userId, t.patientId)],
);
