/**
 * Contract: first-run setup, sign-in, sessions and user administration.
 * Every refusal is checked for its typed code AND for leaving the database
 * exactly as it was (`refuses`). Who may manage administrators and the forced
 * password change are covered in depth in accounts-safeguards.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../support/core';
import { makeClinic, PASSWORD, STAFF, type Clinic } from '../support/clinic';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic();
});
afterAll(() => clinic.close());

describe('setup.status / setup.create', () => {
  let fresh: TestCore;
  beforeAll(async () => {
    fresh = await makeCore();
  });
  afterAll(() => fresh.close());

  const valid = {
    clinicName: 'Lakeside Clinic',
    timeZone: 'America/Denver',
    admin: { username: 'Root.Admin', displayName: 'Rae Root', password: 'long-enough-pw' },
  };

  it('reports a fresh workstation as needing setup, and refuses malformed setups without writing anything', async () => {
    expect(await fresh.anonymous.ok('setup.status', {})).toEqual({ needsSetup: true });
    await fresh.anonymous.refuses('setup.status', { extra: true }, 'VALIDATION');
    const a = fresh.anonymous;
    await a.refuses('setup.create', { ...valid, clinicName: '   ' }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, clinicName: undefined }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, clinicName: 42 }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, timeZone: 'Mars/Olympus_Mons' }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, admin: { ...valid.admin, password: 'short' } }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, admin: { ...valid.admin, username: 'no spaces!' } }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, admin: undefined }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, hours: { '1': [{ start: '17:00', end: '08:00' }] } }, 'VALIDATION');
    await a.refuses('setup.create', { ...valid, hours: { '8': [{ start: '08:00', end: '17:00' }] } }, 'VALIDATION');
    const error = await a.refuses('setup.create', { ...valid, admin: { ...valid.admin, password: 'short' } }, 'VALIDATION');
    expect(error.fields?.['admin.password']).toMatch(/at least 10/);
  });

  it('creates the clinic, its default appointment types and a signed-in administrator, once', async () => {
    const session = await fresh.anonymous.ok('setup.create', valid);
    expect(session.user).toMatchObject({ username: 'root.admin', role: 'admin', disabled: false, mustChangePassword: false });
    expect(await fresh.anonymous.ok('setup.status', {})).toEqual({ needsSetup: false });
    const admin = fresh.caller(session.token);
    const reference = await admin.ok('reference.get', {});
    expect(reference.clinic).toMatchObject({ name: 'Lakeside Clinic', timeZone: 'America/Denver' });
    expect(reference.clinic.hours['1']).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(reference.clinic.hours['6']).toBeUndefined();
    expect(reference.appointmentTypes.map((t) => t.name).sort()).toEqual([
      'Annual physical',
      'Follow-up',
      'New patient',
      'Procedure',
      'Telehealth',
    ]);
    expect((await admin.ok('auth.me', {})).user.id).toBe(session.user.id);
    await fresh.anonymous.refuses('setup.create', { ...valid, admin: { ...valid.admin, username: 'other.admin' } }, 'CONFLICT');
  });
});

describe('auth', () => {
  it('auth.login signs in case-insensitively and refuses wrong credentials', async () => {
    const session = await clinic.anonymous.ok('auth.login', { username: 'FRAN.DESK', password: PASSWORD });
    expect(session.user).toMatchObject({ username: 'fran.desk', role: 'front_desk' });
    expect(session.token.length).toBeGreaterThanOrEqual(32);
    const sessions = clinic.query('SELECT * FROM sessions WHERE token = ?', session.token);
    expect(sessions).toHaveLength(1);
    const a = clinic.anonymous;
    await a.refuses('auth.login', { username: 'fran.desk', password: 'wrong-password' }, 'UNAUTHENTICATED');
    await a.refuses('auth.login', { username: 'nobody.here', password: PASSWORD }, 'UNAUTHENTICATED');
    await a.refuses('auth.login', { username: 'fran.desk' }, 'VALIDATION');
    await a.refuses('auth.login', { username: 'fran.desk', password: '' }, 'VALIDATION');
    await a.refuses('auth.login', { username: 7, password: PASSWORD }, 'VALIDATION');
    await a.refuses('auth.login', null, 'VALIDATION');
  });

  it('auth.me returns the user and the permissions of their role', async () => {
    const me = await (await clinic.as('front_desk')).ok('auth.me', {});
    expect(me.user.username).toBe(STAFF.front_desk.username);
    expect(me.permissions).toEqual(expect.arrayContaining(['patients.read', 'patients.write', 'schedule.write', 'schedule.status']));
    expect(me.permissions).not.toContain('users.manage');
    expect(me.permissions).not.toContain('schedule.overbook');
    const physician = await (await clinic.as('physician')).ok('auth.me', {});
    expect(physician.permissions).toContain('schedule.overbook');
    expect(physician.permissions).not.toContain('patients.write');
    expect(physician.user.providerId).toBe(clinic.providers.lane);
    await clinic.anonymous.refuses('auth.me', {}, 'UNAUTHENTICATED');
    await clinic.caller('made-up-token').refuses('auth.me', {}, 'UNAUTHENTICATED');
    await (await clinic.as('nurse')).refuses('auth.me', { user: 'x' }, 'VALIDATION');
  });

  it('auth.logout ends only that session', async () => {
    const one = await clinic.login('nora.nurse', PASSWORD);
    const two = await clinic.login('nora.nurse', PASSWORD);
    await one.refuses('auth.logout', { all: true }, 'VALIDATION');
    expect(await one.ok('auth.logout', {})).toEqual({ ok: true });
    await one.refuses('auth.me', {}, 'UNAUTHENTICATED');
    await one.refuses('auth.logout', {}, 'UNAUTHENTICATED');
    expect((await two.ok('auth.me', {})).user.username).toBe('nora.nurse');
  });

  it('auth.changePassword needs the current password and replaces it', async () => {
    const admin = await clinic.as('admin');
    await admin.ok('users.create', { username: 'temp.user', displayName: 'Temp User', role: 'nurse', password: 'first-password' });
    const user = await clinic.login('temp.user', 'first-password');
    expect(user.user?.mustChangePassword).toBe(true);
    await user.refuses('auth.changePassword', { currentPassword: 'not-it-at-all', newPassword: 'second-password' }, 'VALIDATION');
    await user.refuses('auth.changePassword', { currentPassword: 'first-password', newPassword: 'short' }, 'VALIDATION');
    await user.refuses('auth.changePassword', { newPassword: 'second-password' }, 'VALIDATION');
    await clinic.anonymous.refuses(
      'auth.changePassword',
      { currentPassword: 'first-password', newPassword: 'second-password' },
      'UNAUTHENTICATED',
    );
    expect(await user.ok('auth.changePassword', { currentPassword: 'first-password', newPassword: 'second-password' })).toEqual({
      ok: true,
    });
    await clinic.anonymous.refuses('auth.login', { username: 'temp.user', password: 'first-password' }, 'UNAUTHENTICATED');
    const again = await clinic.login('temp.user', 'second-password');
    expect(again.user?.mustChangePassword).toBe(false);
  });
});

describe('users', () => {
  it('users.list shows every user to administrators and managers only', async () => {
    const list = await (await clinic.as('admin')).ok('users.list', {});
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['ada.admin', ...Object.values(STAFF).map((s) => s.username)]));
    expect(list.map((u) => u.displayName)).toEqual([...list.map((u) => u.displayName)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect((await (await clinic.as('manager')).ok('users.list', {})).length).toBe(list.length);
    for (const role of ['physician', 'front_desk', 'nurse'] as const) await (await clinic.as(role)).refuses('users.list', {}, 'FORBIDDEN');
  });

  it('users.create adds a user who must change their password, and refuses clashes and unknown providers', async () => {
    const manager = await clinic.as('manager');
    const created = await manager.ok('users.create', {
      username: 'Dee.Doctor',
      displayName: 'Dee Doctor',
      role: 'physician',
      password: 'doctor-password',
      providerId: clinic.providers.moss,
    });
    expect(created).toMatchObject({
      username: 'dee.doctor',
      role: 'physician',
      providerId: clinic.providers.moss,
      mustChangePassword: true,
    });
    expect((await clinic.login('dee.doctor', 'doctor-password')).user?.id).toBe(created.id);
    const trusted = await manager.ok('users.create', {
      username: 'tia.temp',
      displayName: 'Tia Temp',
      role: 'nurse',
      password: 'agency-password',
      requirePasswordChange: false,
    });
    expect(trusted.mustChangePassword).toBe(false);
    expect(clinic.query('SELECT must_change_password FROM users WHERE id = ?', trusted.id)).toEqual([{ must_change_password: 0 }]);
    const base = { username: 'new.person', displayName: 'New Person', role: 'nurse', password: 'nurse-password' };
    await manager.refuses('users.create', { ...base, username: 'DEE.DOCTOR' }, 'CONFLICT');
    await manager.refuses('users.create', { ...base, role: 'superuser' }, 'VALIDATION');
    await manager.refuses('users.create', { ...base, displayName: '' }, 'VALIDATION');
    await manager.refuses('users.create', { ...base, username: 'ab' }, 'VALIDATION');
    await manager.refuses('users.create', { ...base, password: 123456789012 }, 'VALIDATION');
    await manager.refuses('users.create', { ...base, providerId: 'no-such-provider' }, 'NOT_FOUND');
    await manager.refuses('users.create', { ...base, requirePasswordChange: 'no' }, 'VALIDATION');
    await manager.refuses('users.create', { ...base, role: 'admin' }, 'FORBIDDEN');
    await (await clinic.as('front_desk')).refuses('users.create', base, 'FORBIDDEN');
  });

  it('users.update renames, changes roles, and disabling ends sessions and blocks sign-in', async () => {
    const admin = await clinic.as('admin');
    const made = await admin.ok('users.create', {
      username: 'sam.staff',
      displayName: 'Sam Staff',
      role: 'front_desk',
      password: 'staff-password',
      requirePasswordChange: false,
    });
    const session = await clinic.login('sam.staff', 'staff-password');
    // As front desk the session may book (this malformed booking gets as far as validation)...
    await session.refuses('appointments.book', {}, 'VALIDATION');
    const renamed = await admin.ok('users.update', { id: made.id, displayName: 'Sam Staffer', role: 'nurse' });
    expect(renamed).toMatchObject({ displayName: 'Sam Staffer', role: 'nurse' });
    // ...and the role change takes effect in the live session.
    await session.refuses('appointments.book', {}, 'FORBIDDEN');
    expect((await admin.ok('users.update', { id: made.id, disabled: true })).disabled).toBe(true);
    await session.refuses('auth.me', {}, 'UNAUTHENTICATED');
    await clinic.anonymous.refuses('auth.login', { username: 'sam.staff', password: 'staff-password' }, 'FORBIDDEN');
    await admin.ok('users.update', { id: made.id, disabled: false });
    expect((await clinic.login('sam.staff', 'staff-password')).user?.role).toBe('nurse');

    await admin.refuses('users.update', { id: 'no-such-user', displayName: 'X' }, 'NOT_FOUND');
    await admin.refuses('users.update', { id: made.id, role: 'owner' }, 'VALIDATION');
    await admin.refuses('users.update', { id: made.id, disabled: 'yes' }, 'VALIDATION');
    await admin.refuses('users.update', { displayName: 'No id' }, 'VALIDATION');
    await admin.refuses('users.update', { id: made.id, providerId: 'no-such-provider' }, 'NOT_FOUND');
    await (await clinic.as('physician')).refuses('users.update', { id: made.id, disabled: true }, 'FORBIDDEN');
  });

  it('an existing session of a user who is then disabled is refused as UNAUTHENTICATED', async () => {
    const admin = await clinic.as('admin');
    const made = await admin.ok('users.create', {
      username: 'kim.keeper',
      displayName: 'Kim Keeper',
      role: 'manager',
      password: 'keeper-password',
      requirePasswordChange: false,
    });
    const session = await clinic.login('kim.keeper', 'keeper-password');
    expect((await session.ok('users.list', {})).length).toBeGreaterThan(0);
    await admin.ok('users.update', { id: made.id, disabled: true });
    await session.refuses('users.list', {}, 'UNAUTHENTICATED');
    await session.refuses('patients.search', { query: 'a' }, 'UNAUTHENTICATED');
  });

  it('users.update keeps the clinic with an active administrator and stops self-lockout', async () => {
    const admin = await clinic.as('admin');
    const me = admin.user;
    if (!me) throw new Error('admin caller has a user');
    await admin.refuses('users.update', { id: me.id, disabled: true }, 'CONFLICT');
    await admin.refuses('users.update', { id: me.id, role: 'nurse' }, 'CONFLICT');
    // Nobody else can demote or disable the only administrator either: managers may not touch administrators.
    const manager = await clinic.as('manager');
    await manager.refuses('users.update', { id: me.id, role: 'manager' }, 'FORBIDDEN');
    await manager.refuses('users.update', { id: me.id, disabled: true }, 'FORBIDDEN');
    expect((await admin.ok('users.update', { id: me.id, displayName: 'Ada A. Admin' })).displayName).toBe('Ada A. Admin');
    expect(clinic.query("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")).toEqual([{ n: 1 }]);
  });

  it('users.resetPassword sets a temporary password and ends the user’s sessions', async () => {
    const admin = await clinic.as('admin');
    const made = await admin.ok('users.create', {
      username: 'lee.locum',
      displayName: 'Lee Locum',
      role: 'nurse',
      password: 'locum-password',
      requirePasswordChange: false,
    });
    const session = await clinic.login('lee.locum', 'locum-password');
    expect(await session.ok('patients.search', { query: 'a' })).toEqual(expect.any(Array));
    expect(await admin.ok('users.resetPassword', { id: made.id, password: 'temporary-password' })).toEqual({ ok: true });
    await session.refuses('auth.me', {}, 'UNAUTHENTICATED');
    await clinic.anonymous.refuses('auth.login', { username: 'lee.locum', password: 'locum-password' }, 'UNAUTHENTICATED');
    expect((await clinic.login('lee.locum', 'temporary-password')).user?.mustChangePassword).toBe(true);
    await admin.refuses('users.resetPassword', { id: 'no-such-user', password: 'temporary-password' }, 'NOT_FOUND');
    await admin.refuses('users.resetPassword', { id: made.id, password: 'short' }, 'VALIDATION');
    await admin.refuses('users.resetPassword', { id: made.id }, 'VALIDATION');
    await (await clinic.as('nurse')).refuses('users.resetPassword', { id: made.id, password: 'temporary-password' }, 'FORBIDDEN');
  });

  it('refuses unknown methods', async () => {
    await (await clinic.as('admin')).refuses('users.delete', { id: 'x' }, 'NOT_FOUND');
  });
});
