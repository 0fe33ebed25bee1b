/**
 * Two account safeguards. Managers administer users, but only an
 * administrator may create, change or reset an administrator (otherwise a
 * manager could make themselves one). And a password someone else chose
 * (a new account, or a reset) only lets its user change it: until then the
 * session can do nothing but change the password, see who it is, sign out
 * and read the sync indicator. Every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic({ seed: 12 });
});
afterAll(() => clinic.close());

/** users.create input; requirePasswordChange is left out (its default, true) unless given. */
const person = (username: string, role: Role, requirePasswordChange?: boolean) => ({
  username,
  displayName: username.replace('.', ' '),
  role,
  password: `${username}-password`,
  ...(requirePasswordChange === undefined ? {} : { requirePasswordChange }),
});

describe('only an administrator manages administrators', () => {
  it('refuses a manager creating an administrator or promoting anyone to one', async () => {
    const manager = await clinic.as('manager');
    await manager.refuses('users.create', person('max.power', 'admin'), 'FORBIDDEN');
    const nurse = await manager.ok('users.create', person('nell.nurse', 'nurse'));
    await manager.refuses('users.update', { id: nurse.id, role: 'admin' }, 'FORBIDDEN');
    const self = manager.user?.id ?? '';
    await manager.refuses('users.update', { id: self, role: 'admin' }, 'FORBIDDEN');
    // Other roles are the manager's to give.
    expect((await manager.ok('users.update', { id: nurse.id, role: 'front_desk' })).role).toBe('front_desk');
    expect(clinic.query("SELECT username FROM users WHERE role = 'admin'")).toEqual([{ username: 'ada.admin' }]);
  });

  it('refuses a manager changing, disabling or resetting an administrator; an administrator may', async () => {
    const admin = await clinic.as('admin');
    const manager = await clinic.as('manager');
    const second = await admin.ok('users.create', person('abe.admin', 'admin'));
    expect(second.role).toBe('admin');
    const session = await clinic.login('abe.admin', 'abe.admin-password');
    await manager.refuses('users.update', { id: second.id, displayName: 'Abe Renamed' }, 'FORBIDDEN');
    await manager.refuses('users.update', { id: second.id, disabled: true }, 'FORBIDDEN');
    await manager.refuses('users.update', { id: second.id, role: 'nurse' }, 'FORBIDDEN');
    await manager.refuses('users.resetPassword', { id: second.id, password: 'taken-over-password' }, 'FORBIDDEN');
    expect((await session.ok('auth.me', {})).user.role).toBe('admin');

    expect(await admin.ok('users.resetPassword', { id: second.id, password: 'temporary-password' })).toEqual({ ok: true });
    expect((await clinic.login('abe.admin', 'temporary-password')).user?.mustChangePassword).toBe(true);
    // Demoted by an administrator, the account is an ordinary one the manager may manage again.
    expect((await admin.ok('users.update', { id: second.id, role: 'manager' })).role).toBe('manager');
    expect((await manager.ok('users.update', { id: second.id, displayName: 'Abe Manager' })).displayName).toBe('Abe Manager');
    expect(await manager.ok('users.resetPassword', { id: second.id, password: 'another-temporary' })).toEqual({ ok: true });
  });

  it('a manager still resets a staff member’s password', async () => {
    const manager = await clinic.as('manager');
    const made = await manager.ok('users.create', person('rex.reset', 'front_desk'));
    expect(await manager.ok('users.resetPassword', { id: made.id, password: 'temporary-password' })).toEqual({ ok: true });
    expect((await clinic.login('rex.reset', 'temporary-password')).user?.mustChangePassword).toBe(true);
  });
});

describe('a password set by someone else must be changed first', () => {
  const ALLOWED = ['auth.me', 'sync.status'] as const;

  it('a new account (the default) may only change its password, see itself, read the sync state and sign out', async () => {
    const admin = await clinic.as('admin');
    const created = await admin.ok('users.create', person('gail.green', 'manager'));
    expect(created.mustChangePassword).toBe(true);
    const session = await clinic.login('gail.green', 'gail.green-password');
    expect(session.user?.mustChangePassword).toBe(true);
    for (const method of ALLOWED) expect((await session(method, {})).ok, method).toBe(true);
    // Methods the manager role may call are refused until the password is changed.
    for (const [method, input] of [
      ['users.list', {}],
      ['patients.search', { query: 'a' }],
      ['reference.get', {}],
      ['clinic.update', { name: 'Taken over' }],
    ] as const) {
      const error = await session.refuses(method, input, 'FORBIDDEN');
      expect(error.message, method).toMatch(/password/i);
    }
    const spare = await clinic.login('gail.green', 'gail.green-password');
    expect(await spare.ok('auth.logout', {})).toEqual({ ok: true });
    await spare.refuses('auth.me', {}, 'UNAUTHENTICATED');

    // A wrong current password does not unlock anything.
    await session.refuses('auth.changePassword', { currentPassword: 'not-my-password', newPassword: 'my-own-password' }, 'VALIDATION');
    await session.refuses('users.list', {}, 'FORBIDDEN');
    expect(await session.ok('auth.changePassword', { currentPassword: 'gail.green-password', newPassword: 'my-own-password' })).toEqual({
      ok: true,
    });
    // The same session is now a full manager's.
    expect((await session.ok('users.list', {})).length).toBeGreaterThan(1);
    expect((await session.ok('auth.me', {})).user.mustChangePassword).toBe(false);
  });

  it('a reset puts the user back behind the password change', async () => {
    const admin = await clinic.as('admin');
    const made = await admin.ok('users.create', person('fay.front', 'front_desk', false));
    const before = await clinic.login('fay.front', 'fay.front-password');
    expect(await before.ok('patients.search', { query: 'a' })).toEqual(expect.any(Array));
    await admin.ok('users.resetPassword', { id: made.id, password: 'temporary-password' });
    const after = await clinic.login('fay.front', 'temporary-password');
    await after.refuses('patients.search', { query: 'a' }, 'FORBIDDEN');
    await after.refuses('appointments.range', { from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z' }, 'FORBIDDEN');
    await after.ok('auth.changePassword', { currentPassword: 'temporary-password', newPassword: 'fay-chose-this' });
    expect(await after.ok('patients.search', { query: 'a' })).toEqual(expect.any(Array));
  });

  it('an account created without the requirement works at once', async () => {
    await (await clinic.as('admin')).ok('users.create', person('ian.instant', 'nurse', false));
    const session = await clinic.login('ian.instant', 'ian.instant-password');
    expect(session.user?.mustChangePassword).toBe(false);
    expect(await session.ok('patients.search', { query: 'a' })).toEqual(expect.any(Array));
  });
});
