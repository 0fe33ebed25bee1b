/** Users live in the synced db so any workstation can log in offline. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const users = sqliteTable(
  'users',
  {
    ...syncColumns,
    /** Lower-cased login name. Not unique in SQL: two offline workstations may clash (ARCHITECTURE §3). */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    providerId: text('provider_id'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('users_username').on(t.username)],
);

/** Local sessions of this workstation; never synced. */
export const sessions = sqliteTable('sessions', {
  token: text('token').primaryKey(),
  userId: text('user_id').notNull(),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
  /** Set when the workstation locked itself (idle, or the user's Lock): only unlocking is allowed until cleared. */
  lockedAt: text('locked_at'),
});

/** Local list of the patients each user opened last; never synced. */
export const recentPatients = sqliteTable('recent_patients', {
  userId: text('user_id').notNull(),
  patientId: text('patient_id').notNull(),
  openedAt: text('opened_at').notNull(),
});

/**
 * Failed sign-ins per user name on this workstation; never synced (the
 * guard is against guessing at this keyboard). Known and unknown names are
 * counted alike, so the lockout does not reveal which names exist.
 */
export const loginFailures = sqliteTable('login_failures', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: text('last_failure_at').notNull(),
  lockedUntil: text('locked_until'),
});
