/**
 * Person authentication safeguards: repeated failed sign-ins lock a user name
 * on this workstation with a growing wait (even the right password is refused
 * meanwhile, and unknown names lock alike, so nothing tells which names
 * exist); a success clears the count. A password stored with weaker hashing
 * parameters than the policy's is re-hashed at its next successful sign-in.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../main/services/accounts/passwords';
import { makeClinic, PASSWORD, STAFF, type Clinic } from '../support/clinic';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic({ seed: 31 });
});
afterAll(() => clinic.close());

/** Edit the workstation's database behind the core's back (what time passing, or an old version, would do). */
function withDatabase(work: (sqlite: Database.Database) => void) {
  const sqlite = new Database(join(clinic.dataDir, 'outpost.db'));
  try {
    work(sqlite);
  } finally {
    sqlite.close();
  }
}

const failures = (username: string) =>
  clinic.query<{ failures: number; lockMs: number | null }>(
    `SELECT failures, (julianday(locked_until) - julianday(last_failure_at)) * 86400000 AS lockMs FROM login_failures WHERE username = ?`,
    username,
  )[0];

describe('lockout after repeated failed sign-ins', () => {
  it('locks a name after five failures, refuses even the right password meanwhile, and backs off', async () => {
    const { username } = STAFF.nurse;
    for (let i = 0; i < 5; i += 1) {
      const wrong = await clinic.anonymous.refuses('auth.login', { username, password: `wrong-password-${i}` }, 'UNAUTHENTICATED');
      expect(wrong.message).toBe('User name or password is incorrect.');
    }
    expect(Math.round(failures(username)?.lockMs ?? 0)).toBe(30_000);
    const locked = await clinic.anonymous.refuses('auth.login', { username, password: PASSWORD }, 'LOCKED');
    expect(locked.message).toMatch(/Too many failed sign-ins for this user name\. Try again in \d+ seconds/);

    // Thirty seconds later (the lock moved into the past), one more failure locks it for twice as long.
    withDatabase((sqlite) =>
      sqlite.prepare("UPDATE login_failures SET locked_until = '2000-01-01T00:00:00.000Z' WHERE username = ?").run(username),
    );
    await clinic.anonymous.refuses('auth.login', { username, password: 'wrong-again-1' }, 'UNAUTHENTICATED');
    expect(failures(username)).toMatchObject({ failures: 6 });
    expect(Math.round(failures(username)?.lockMs ?? 0)).toBe(60_000);
    // …and never for more than 15 minutes.
    withDatabase((sqlite) =>
      sqlite.prepare("UPDATE login_failures SET failures = 40, locked_until = '2000-01-01T00:00:00.000Z' WHERE username = ?").run(username),
    );
    await clinic.anonymous.refuses('auth.login', { username, password: 'wrong-again-2' }, 'UNAUTHENTICATED');
    expect(Math.round(failures(username)?.lockMs ?? 0)).toBe(15 * 60_000);

    // Once the wait is over the right password works, and the count starts again.
    withDatabase((sqlite) =>
      sqlite.prepare("UPDATE login_failures SET locked_until = '2000-01-01T00:00:00.000Z' WHERE username = ?").run(username),
    );
    await clinic.login(username, PASSWORD);
    expect(failures(username)).toBeUndefined();
  });

  it('stops guesses sent in parallel too: only five are checked', async () => {
    const username = 'parallel.guesser';
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => clinic.anonymous('auth.login', { username, password: `parallel-guess-${i}` })),
    );
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOCKED')).toHaveLength(7);
  });

  it('locks an unknown name the same way, so a lockout does not reveal which names exist', async () => {
    for (let i = 0; i < 5; i += 1)
      await clinic.anonymous.refuses('auth.login', { username: 'no.such.person', password: `guess-${i}-xxxx` }, 'UNAUTHENTICATED');
    await clinic.anonymous.refuses('auth.login', { username: 'no.such.person', password: 'guess-6-xxxx' }, 'LOCKED');
    // Another name is not affected.
    await clinic.login(STAFF.front_desk.username, PASSWORD);
  });
});

describe('hash upgrade', () => {
  it('re-hashes a password stored with weaker parameters at the next sign-in, and it still works', async () => {
    const { username } = STAFF.physician;
    const weak = await hashPassword(PASSWORD, 8);
    withDatabase((sqlite) => sqlite.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(weak, username));
    await clinic.login(username, PASSWORD);
    const [row] = clinic.query<{ hash: string }>('SELECT password_hash AS hash FROM users WHERE username = ?', username);
    expect(row?.hash).not.toBe(weak);
    expect(Number(row?.hash.split('$')[1])).toBeGreaterThan(8);
    await clinic.login(username, PASSWORD);
  });
});

describe('locking a session (automatic logoff)', () => {
  it('refuses everything but unlocking while locked, and unlocks with the user’s own password only', async () => {
    const desk = await clinic.login(STAFF.front_desk.username, PASSWORD);
    const patient = await clinic.addPatient();
    await clinic.anonymous.refuses('auth.lock', {}, 'UNAUTHENTICATED');
    await desk.refuses('auth.lock', { now: true }, 'VALIDATION');
    await desk.ok('auth.lock', {});
    const locked = await desk.refuses('patients.get', { id: patient.id }, 'LOCKED');
    expect(locked.message).toBe('This workstation is locked. Enter your password to continue.');
    expect(await desk.ok('auth.me', {})).toMatchObject({ locked: true, user: { username: STAFF.front_desk.username } });
    await desk.ok('sync.status', {});
    const wrong = await desk.refuses('auth.unlock', { password: 'not-the-password' }, 'UNAUTHENTICATED');
    expect(wrong.fields).toEqual({ password: 'Incorrect password' });
    expect(failures(STAFF.front_desk.username)).toMatchObject({ failures: 1 });
    await desk.refuses('auth.unlock', { password: '' }, 'VALIDATION');
    await desk.ok('auth.unlock', { password: PASSWORD });
    expect(failures(STAFF.front_desk.username)).toBeUndefined();
    expect((await desk.ok('patients.get', { id: patient.id })).id).toBe(patient.id);
    expect(await desk.ok('auth.me', {})).toMatchObject({ locked: false, idleLockMinutes: 10 });
  });

  it('locks after the clinic’s idle time, which a manager sets between 1 and 60 minutes', async () => {
    const manager = await clinic.as('manager');
    await manager.refuses('clinic.update', { idleLockMinutes: 0 }, 'VALIDATION');
    await manager.refuses('clinic.update', { idleLockMinutes: 240 }, 'VALIDATION');
    expect(await manager.ok('clinic.update', { idleLockMinutes: 5 })).toMatchObject({ idleLockMinutes: 5 });
    expect((await manager.ok('auth.me', {})).idleLockMinutes).toBe(5);
    await (await clinic.as('nurse')).refuses('clinic.update', { idleLockMinutes: 30 }, 'FORBIDDEN');
  });
});
