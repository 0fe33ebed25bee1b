/**
 * Lockout with back-off after repeated failed sign-ins (HIPAA 164.312(d)):
 * five failures in a row for a user name lock it on this workstation for 30
 * seconds, and each further failure doubles that, up to 15 minutes. A locked
 * name is refused before its password is checked (no guessing continues),
 * a success clears the count, and a failure older than a day is forgotten.
 * Callers count an attempt before checking the password (and clear it on
 * success), so guesses sent in parallel cannot all get past the lock.
 */
import { eq } from 'drizzle-orm';
import { loginFailures } from '../../../db/schema';
import { ApiError } from '../../contract';
import type { Store } from '../store';

export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** Refuse a sign-in for a name that is locked now. */
export function assertNotLocked(store: Store, username: string, now = Date.now()): void {
  const row = store.db.select().from(loginFailures).where(eq(loginFailures.username, username)).get();
  if (!row?.lockedUntil) return;
  const left = Date.parse(row.lockedUntil) - now;
  if (left > 0) {
    throw new ApiError(
      'LOCKED',
      `Too many failed sign-ins for this user name. Try again in ${waitText(left)}, or ask an administrator to reset the password.`,
    );
  }
}

/** Count a failure; from the fifth in a row on, lock the name for longer each time. */
export function recordFailure(store: Store, username: string, now = Date.now()): void {
  const row = store.db.select().from(loginFailures).where(eq(loginFailures.username, username)).get();
  const stale = row && now - Date.parse(row.lastFailureAt) > FORGET_AFTER_MS;
  const failures = (row && !stale ? row.failures : 0) + 1;
  const over = failures - FREE_ATTEMPTS;
  const lockedUntil = over >= 0 ? new Date(now + Math.min(FIRST_LOCK_MS * 2 ** over, LONGEST_LOCK_MS)).toISOString() : null;
  const values = { failures, lastFailureAt: new Date(now).toISOString(), lockedUntil };
  store.db
    .insert(loginFailures)
    .values({ username, ...values })
    .onConflictDoUpdate({ target: loginFailures.username, set: values })
    .run();
}

export function clearFailures(store: Store, username: string): void {
  store.db.delete(loginFailures).where(eq(loginFailures.username, username)).run();
}
