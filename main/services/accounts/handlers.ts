/** First-run setup, sign-in, sessions and user administration. */
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { appointmentTypes, clinicSettings, sessions, users } from '../../../db/schema';
import { ApiError, rolePermissions, type WeeklyHours } from '../../contract';
import { requireUser, type CallContext, type Handlers } from '../handler';
import type { Store } from '../store';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { findUser, isRole, toUser } from './users';
import { findById, getClinic, listProviders } from '../settings/reference';
import { seedPrimaryCareCodes } from '../codes/seed';
import { seedFeeSchedules } from '../billing/fees';
import { assertNotLocked, clearFailures, recordFailure } from './lockout';

const DEFAULT_HOURS: WeeklyHours = {
  '1': [{ start: '08:00', end: '17:00' }],
  '2': [{ start: '08:00', end: '17:00' }],
  '3': [{ start: '08:00', end: '17:00' }],
  '4': [{ start: '08:00', end: '17:00' }],
  '5': [{ start: '08:00', end: '17:00' }],
};

/** Sensible appointment types so a new clinic can book on day one; managers edit them later. */
export const DEFAULT_APPOINTMENT_TYPES = [
  { name: 'New patient', durationMinutes: 40, colour: '#2563eb' },
  { name: 'Follow-up', durationMinutes: 20, colour: '#16a34a' },
  { name: 'Annual physical', durationMinutes: 40, colour: '#9333ea' },
  { name: 'Procedure', durationMinutes: 30, colour: '#ea580c' },
  { name: 'Telehealth', durationMinutes: 15, colour: '#0891b2' },
];

const unknownUserHashes = new Map<number, Promise<string>>();

/** A hash of a random password at the current cost, checked when the user name is unknown. */
/** When the policy's parameters rose since this password was set, store it again at the new strength (the password is at hand only now). */
async function upgradeHash(store: Store, user: { id: string; passwordHash: string }, password: string, log2N: number): Promise<void> {
  if (!needsRehash(user.passwordHash, log2N)) return;
  const passwordHash = await hashPassword(password, log2N);
  store.capture.mutate((w) => w.update(users, user.id, { passwordHash }));
}

function unknownUserHash(log2N: number): Promise<string> {
  let hash = unknownUserHashes.get(log2N);
  if (!hash) {
    hash = hashPassword(randomBytes(16).toString('hex'), log2N);
    unknownUserHashes.set(log2N, hash);
  }
  return hash;
}

export function needsSetup(store: Store): boolean {
  return (store.db.select({ n: count() }).from(clinicSettings).get()?.n ?? 0) === 0;
}

function openSession(store: Store, userId: string): string {
  const token = randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  store.db.insert(sessions).values({ token, userId, createdAt: now, lastSeenAt: now }).run();
  return token;
}

function activeUsersNamed(store: Store, username: string) {
  return store.db
    .select()
    .from(users)
    .where(and(eq(users.username, username), isNull(users.deletedAt)))
    .all();
}

function assertUsernameFree(store: Store, username: string, exceptId?: string): void {
  if (activeUsersNamed(store, username).some((u) => u.id !== exceptId)) {
    throw new ApiError('CONFLICT', `The user name "${username}" is taken. Choose another.`, { username: 'This user name is taken' });
  }
}

/** A user may only be linked to a provider that exists (the link decides whose calendar they see). */
function assertProvider(store: Store, providerId: string | null | undefined): void {
  if (providerId) findById(listProviders(store), providerId, 'provider');
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) {
    throw new ApiError('VALIDATION', 'Choose a time zone from the list, e.g. America/Chicago.', { timeZone: 'Unknown time zone' });
  }
}

export const accountHandlers: Handlers<
  | 'setup.status'
  | 'setup.create'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
> = {
  'setup.status': (_input, { store }) => ({ needsSetup: needsSetup(store) }),

  'setup.create': async (input, { store, scryptLog2N }) => {
    if (!needsSetup(store)) throw new ApiError('CONFLICT', 'This workstation is already set up. Sign in instead.');
    assertTimeZone(input.timeZone);
    const passwordHash = await hashPassword(input.admin.password, scryptLog2N);
    // Re-check after the await: another setup call may have won meanwhile.
    if (!needsSetup(store)) throw new ApiError('CONFLICT', 'This workstation is already set up. Sign in instead.');
    const userId = store.capture.mutate((w) => {
      w.insert(clinicSettings, {
        name: input.clinicName,
        timeZone: input.timeZone,
        hours: JSON.stringify(input.hours ?? DEFAULT_HOURS),
        slotMinutes: 15,
      });
      for (const type of DEFAULT_APPOINTMENT_TYPES) w.insert(appointmentTypes, { ...type, active: true });
      seedPrimaryCareCodes(store);
      seedFeeSchedules(w, store);
      return w.insert(users, {
        username: input.admin.username,
        displayName: input.admin.displayName,
        role: 'admin',
        passwordHash,
        providerId: null,
        disabled: false,
        mustChangePassword: false,
      });
    });
    return { token: openSession(store, userId), user: toUser(findUser(store, userId)) };
  },

  'auth.login': async (input, { store, scryptLog2N }) => {
    assertNotLocked(store, input.username);
    // Counted before the (slow) password check and cleared on success, so parallel guesses cannot slip past the lockout.
    recordFailure(store, input.username);
    const candidates = activeUsersNamed(store, input.username);
    // An unknown name costs the same hash as a known one, so timing does not reveal which names exist.
    if (candidates.length === 0) await verifyPassword(input.password, await unknownUserHash(scryptLog2N));
    for (const candidate of candidates) {
      if (!(await verifyPassword(input.password, candidate.passwordHash))) continue;
      if (candidate.disabled) throw new ApiError('FORBIDDEN', 'This account is disabled. Ask an administrator to enable it.');
      if (!isRole(candidate.role)) {
        throw new ApiError('FORBIDDEN', 'This account has a role this version of Outpost does not know. Update Outpost.');
      }
      clearFailures(store, input.username);
      await upgradeHash(store, candidate, input.password, scryptLog2N);
      return { token: openSession(store, candidate.id), user: toUser(candidate) };
    }
    throw new ApiError('UNAUTHENTICATED', 'User name or password is incorrect.');
  },

  'auth.logout': (_input, { store, sessionToken }) => {
    if (sessionToken) store.db.delete(sessions).where(eq(sessions.token, sessionToken)).run();
    return { ok: true };
  },

  'auth.me': (_input, ctx) => {
    const user = requireUser(ctx);
    return {
      user: toUser(findUser(ctx.store, user.id)),
      permissions: [...rolePermissions[user.role]],
      locked: user.locked,
      idleLockMinutes: needsSetup(ctx.store) ? 10 : getClinic(ctx.store).idleLockMinutes,
    };
  },

  'auth.lock': (_input, { store, sessionToken }) => {
    store.db
      .update(sessions)
      .set({ lockedAt: new Date().toISOString() })
      .where(eq(sessions.token, sessionToken ?? ''))
      .run();
    return { ok: true };
  },

  'auth.unlock': async (input, ctx) => {
    const row = findUser(ctx.store, requireUser(ctx).id);
    assertNotLocked(ctx.store, row.username);
    recordFailure(ctx.store, row.username);
    if (!(await verifyPassword(input.password, row.passwordHash))) {
      throw new ApiError('UNAUTHENTICATED', 'That password is incorrect.', { password: 'Incorrect password' });
    }
    clearFailures(ctx.store, row.username);
    ctx.store.db
      .update(sessions)
      .set({ lockedAt: null })
      .where(eq(sessions.token, ctx.sessionToken ?? ''))
      .run();
    return { ok: true };
  },

  'auth.changePassword': async (input, ctx) => {
    const row = findUser(ctx.store, requireUser(ctx).id);
    if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
      throw new ApiError('VALIDATION', 'Your current password is incorrect.', { currentPassword: 'Incorrect password' });
    }
    const passwordHash = await hashPassword(input.newPassword, ctx.scryptLog2N);
    ctx.store.capture.mutate((w) => w.update(users, row.id, { passwordHash, mustChangePassword: false }));
    return { ok: true };
  },

  'users.list': (_input, { store }) =>
    store.db.select().from(users).where(isNull(users.deletedAt)).orderBy(asc(users.displayName)).all().map(toUser),

  'users.create': async (input, ctx) => {
    const { store, scryptLog2N } = ctx;
    assertMayManageAdmins(ctx, input.role);
    assertUsernameFree(store, input.username);
    assertProvider(store, input.providerId);
    const passwordHash = await hashPassword(input.password, scryptLog2N);
    assertUsernameFree(store, input.username);
    const id = store.capture.mutate((w) =>
      w.insert(users, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        providerId: input.providerId ?? null,
        disabled: false,
        mustChangePassword: input.requirePasswordChange,
      }),
    );
    return toUser(findUser(store, id));
  },

  'users.update': (input, ctx) => {
    const { store } = ctx;
    const me = requireUser(ctx);
    const row = findUser(store, input.id);
    assertMayManageAdmins(ctx, row.role);
    if (input.role) assertMayManageAdmins(ctx, input.role);
    assertProvider(store, input.providerId);
    if (row.id === me.id && (input.disabled === true || (input.role && input.role !== row.role))) {
      throw new ApiError('CONFLICT', 'You cannot disable yourself or change your own role. Ask another administrator.');
    }
    if (input.role && input.role !== 'admin' && row.role === 'admin') assertAnotherAdmin(store, row.id);
    if (input.disabled === true && row.role === 'admin') assertAnotherAdmin(store, row.id);
    store.capture.mutate((w) =>
      w.update(users, row.id, {
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.providerId !== undefined && { providerId: input.providerId }),
        ...(input.disabled !== undefined && { disabled: input.disabled }),
      }),
    );
    if (input.disabled === true) store.db.delete(sessions).where(eq(sessions.userId, row.id)).run();
    return toUser(findUser(store, row.id));
  },

  'users.resetPassword': async (input, ctx) => {
    const { store, scryptLog2N } = ctx;
    const row = findUser(store, input.id);
    assertMayManageAdmins(ctx, row.role);
    const passwordHash = await hashPassword(input.password, scryptLog2N);
    store.capture.mutate((w) => w.update(users, row.id, { passwordHash, mustChangePassword: true }));
    store.db.delete(sessions).where(eq(sessions.userId, row.id)).run();
    return { ok: true };
  },
};

/** Managers manage users too, but only an administrator may create, change or reset an administrator. */
function assertMayManageAdmins(ctx: CallContext, targetRole: string): void {
  if (targetRole === 'admin' && requireUser(ctx).role !== 'admin') {
    throw new ApiError('FORBIDDEN', 'Only an administrator can create, change or reset an administrator account.');
  }
}

function assertAnotherAdmin(store: Store, exceptId: string): void {
  const others = store.db
    .select()
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), isNull(users.deletedAt)))
    .all()
    .filter((u) => u.id !== exceptId);
  if (others.length === 0) throw new ApiError('CONFLICT', 'The clinic must keep at least one active administrator.');
}
