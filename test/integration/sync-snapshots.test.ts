/**
 * Snapshots: a workstation writes one and prunes the segments it covers; a
 * new workstation starts from it and tails the logs; a workstation that was
 * away longer than the retention window finds its next segments gone, merges
 * the snapshot instead, and loses none of the writes it had not pushed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { makeSyncedClinic, type SyncedClinic } from '../support/sync';

let clinic: SyncedClinic;
let managerA: Caller;

const SYNCED = [
  'clinic_settings',
  'users',
  'providers',
  'rooms',
  'appointment_types',
  'patients',
  'insurance_policies',
  'appointments',
  'conflicts',
];
const clinicData = (core: TestCore) => Object.fromEntries(SYNCED.map((table) => [table, core.query(`SELECT * FROM ${table} ORDER BY id`)]));

beforeAll(async () => {
  // A writes a snapshot whenever it syncs, and counts nobody else as active: everything a snapshot covers may go.
  clinic = await makeSyncedClinic({
    seed: 515,
    sync: { engine: { pollMs: 3_600_000, pushDelayMs: 3_600_000, snapshotEveryMs: 1, snapshotCheckMs: 0, retentionMs: 1 } },
  });
  managerA = await clinic.a.as('manager');
});
afterAll(() => clinic.close());

async function register(n: number, family: string) {
  for (let i = 0; i < n; i += 1) await clinic.a.addPatient({ familyName: family, givenName: `Person${i}` });
}

describe('a new workstation', () => {
  it('starts from the snapshot after the logs it covers were pruned, then tails the logs', async () => {
    await register(12, 'Lindqvist');
    await managerA.ok('sync.now', {});
    const folder = clinic.target.kind === 'folder' ? clinic.target.path : '';
    const clinicId = (await (await clinic.a.as('admin')).ok('sync.settings', {})).clinicId;
    const log = `${folder}/clinics/${clinicId}/log`;
    const remaining = readdirSync(log).flatMap((device) => readdirSync(`${log}/${device}`));
    // Pruned up to what both kept snapshots cover: the segments before the older one are gone.
    const pushed = JSON.parse(
      clinic.a.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'sync_pushed'")[0]?.value ?? '{}',
    ) as { seq: number };
    expect(remaining.length).toBeLessThan(pushed.seq);
    expect(remaining.map(Number).sort((x, y) => x - y)[0]).toBeGreaterThan(1);
    expect(readdirSync(`${folder}/clinics/${clinicId}/snapshots`).length).toBeGreaterThan(0);

    const b = await clinic.join({});
    expect(clinicData(b)).toEqual(clinicData(clinic.a));
    // Later writes still arrive through the log.
    const late = await clinic.a.addPatient({ familyName: 'Nyberg', givenName: 'Late' });
    await managerA.ok('sync.now', {});
    const deskB = await b.login(STAFF.front_desk.username, PASSWORD);
    await deskB.ok('sync.now', {});
    expect((await deskB.ok('patients.get', { id: late.id })).familyName).toBe('Nyberg');
  });
});

describe('a workstation away longer than the retention window', () => {
  it('merges the snapshot that covers its missing segments and keeps its own unpushed writes', async () => {
    const c = await clinic.join({});
    const managerC = await c.login(STAFF.manager.username, PASSWORD);
    const deskC = await c.login(STAFF.front_desk.username, PASSWORD);
    await managerC.ok('sync.setPaused', { paused: true });
    const mine = await deskC.ok('patients.create', {
      givenName: 'Offline',
      familyName: 'Writer',
      sex: 'female',
      dateOfBirth: '1990-05-05',
    });
    // Meanwhile A writes on, snapshots and prunes what C has not seen.
    await register(5, 'Sandberg');
    await managerA.ok('sync.now', {});
    await register(2, 'Holm');
    await managerA.ok('sync.now', {});

    await managerC.ok('sync.setPaused', { paused: false });
    const status = await managerC.ok('sync.now', {});
    expect(status.alarms).toEqual([]);
    await managerA.ok('sync.now', {});
    await managerC.ok('sync.now', {});
    expect(c.query("SELECT count(*) AS n FROM patients WHERE family_name IN ('Sandberg', 'Holm')")).toEqual([{ n: 7 }]);
    expect((await managerA.ok('patients.get', { id: mine.id })).familyName).toBe('Writer');
    expect(clinicData(c)).toEqual(clinicData(clinic.a));
  });
});

describe('the local outbox', () => {
  it('forgets ops pushed more than a week ago and keeps the recent ones', async () => {
    await register(3, 'Nyberg');
    await managerA.ok('sync.now', {});
    const count = (where: string) => clinic.a.query<{ n: number }>(`SELECT count(*) AS n FROM sync_outbox WHERE ${where}`)[0]?.n ?? 0;
    const pushed = count('pushed_at IS NOT NULL');
    expect(pushed).toBeGreaterThan(3);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000).toISOString();
    const sqlite = new Database(join(clinic.a.dataDir, 'outpost.db'));
    try {
      sqlite
        .prepare('UPDATE sync_outbox SET pushed_at = ? WHERE seq IN (SELECT seq FROM sync_outbox ORDER BY seq LIMIT 3)')
        .run(eightDaysAgo);
    } finally {
      sqlite.close();
    }
    await register(1, 'Nyberg');
    await managerA.ok('sync.now', {});
    expect(count(`pushed_at <= '${eightDaysAgo}'`)).toBe(0);
    expect(count('pushed_at IS NOT NULL')).toBeGreaterThanOrEqual(pushed - 3 + 1);
    expect(count('pushed_at IS NULL')).toBe(0);
  });
});
