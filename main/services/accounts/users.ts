/** Reads of users and sessions shared by the account handlers and dispatch. */
import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema';
import { ApiError, roles, type Role, type User } from '../../contract';
import type { SessionUser } from '../handler';
import type { Store } from '../store';

/** Sessions end after this long without a call. */
const SESSION_IDLE_MS = 12 * 3600_000;
const LAST_SEEN_RESOLUTION_MS = 60_000;

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    providerId: row.providerId,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
  };
}

export function findUser(store: Store, id: string): UserRow {
  const row = store.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', 'That user no longer exists. Refresh the list and try again.');
  return row;
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The user behind a session token, or null if the session is unknown, expired or the user was disabled. */
export function resolveSession(store: Store, token: string, now = Date.now()): SessionUser | null {
  const session = store.db.select().from(sessions).where(eq(sessions.token, token)).get();
  if (!session) return null;
  if (now - Date.parse(session.lastSeenAt) > SESSION_IDLE_MS) {
    store.db.delete(sessions).where(eq(sessions.token, token)).run();
    return null;
  }
  const user = store.db
    .select()
    .from(users)
    .where(and(eq(users.id, session.userId), isNull(users.deletedAt)))
    .get();
  if (!user || user.disabled || !isRole(user.role)) return null;
  // Idle expiry needs minutes, not milliseconds: don't turn every read into a write.
  if (now - Date.parse(session.lastSeenAt) > LAST_SEEN_RESOLUTION_MS) {
    store.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now).toISOString() })
      .where(eq(sessions.token, token))
      .run();
  }
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    locked: session.lockedAt !== null,
  };
}
