/**
 * Sync over a bad line and over a cloud that lies (ARCHITECTURE §4-5). Two
 * workstations (real cores) sync through s3rver with the fault proxy between
 * them: 500/503 bursts, dropped connections, bodies cut short, slow and
 * hanging answers, a line that goes down. They keep writing, `sync.now`
 * reports what happened in plain words (offline is a state, not an error),
 * and once the line is good they hold the same data with every write. A
 * segment altered, or deleted from the middle of a log, raises an alarm on
 * the reader and none of its ops apply; another clinic's keyring or history
 * is refused.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncTarget } from '../../main/contract';
import { layout } from '../../main/sync/layout';
import { FolderStore } from '../../main/sync/objects/folder';
import { syncedTables } from '../../main/sync/tables';
import { PASSWORD, STAFF } from '../support/clinic';
import { makeCore, type Caller, type TestCore } from '../support/core';
import { startFaultProxy, type FaultProxy, type RequestFault } from '../support/fault-proxy';
import { startS3Server, type S3Server } from '../support/s3server';
import { appendSegments, craftedDevice, craftedOp, flipByte } from '../support/sync-craft';
import { testKeys } from '../support/sync-replica';
import { directStore, PLAIN_WORDS, s3Target, throughProxy } from '../support/sync-s3';
import { makeSyncedClinic, PASSPHRASE, testSync, type SyncedClinic } from '../support/sync';

let s3: S3Server;
let proxy: FaultProxy;
let cloudRoot: string;
const clinics: SyncedClinic[] = [];

beforeAll(async () => {
  cloudRoot = mkdtempSync(join(tmpdir(), 'outpost-faults-'));
  s3 = await startS3Server();
  proxy = await startFaultProxy(s3.endpoint, { slowMs: 250 });
}, 30_000);
afterAll(async () => {
  for (const clinic of clinics) await clinic.close();
  await proxy?.stop();
  await s3?.stop();
  rmSync(cloudRoot, { recursive: true, force: true });
});
afterEach(() => proxy.setMode('pass'));

interface Pair {
  clinic: SyncedClinic;
  b: TestCore;
  target: SyncTarget;
  managerA: Caller;
  managerB: Caller;
}

/** Workstation A with a clinic syncing through `target` (S3 behind the proxy unless given), and B joined to it. */
async function pair(seed: number, target?: SyncTarget): Promise<Pair> {
  const storeFor = target ? undefined : throughProxy(s3, proxy);
  const where = target ?? s3Target(s3, `clinic-${seed}`);
  const clinic = await makeSyncedClinic({ seed, target: where, sync: storeFor ? { storeFor } : {} });
  clinics.push(clinic);
  const b = await clinic.join(storeFor ? { sync: { storeFor } } : {});
  return {
    clinic,
    b,
    target: where,
    managerA: await clinic.a.as('manager'),
    managerB: await b.login(STAFF.manager.username, PASSWORD),
  };
}

/** Every synced table, every column: what must be equal on every workstation. */
function clinicData(core: TestCore) {
  return Object.fromEntries([...syncedTables.keys()].sort().map((t) => [t, core.query(`SELECT * FROM "${t}" ORDER BY id`)]));
}

const deviceOf = (core: TestCore) => core.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'device_id'")[0]?.value ?? '';
const hasPatient = (core: TestCore, id: string) => core.query('SELECT id FROM patients WHERE id = ?', id).length === 1;

describe('a flaky line', () => {
  it('reports failures in plain words and offline as a state while both keep writing, then converges with every write', async () => {
    const { clinic, b, managerA, managerB } = await pair(301);
    const deskB = await b.login(STAFF.front_desk.username, PASSWORD);
    const written: string[] = [];
    const write = async () => {
      written.push((await clinic.a.addPatient()).id);
      written.push((await deskB.ok('patients.create', clinic.a.patientFields(500 + written.length))).id);
    };

    // Two failures in a row defeat the SDK's one retry: the round fails on A; B's round then runs clean.
    const seen: Record<string, { mode: string; lastError: string | null; offlineSince: string | null }> = {};
    for (const fault of ['error500', 'error503', 'reset', 'truncate', 'hang', 'slow'] satisfies RequestFault[]) {
      await write();
      proxy.failNext(2, fault);
      const [statusA, statusB] = [await managerA.ok('sync.now', {}), await managerB.ok('sync.now', {})];
      for (const status of [statusA, statusB]) {
        if (status.lastError !== null) expect(status.lastError).toMatch(PLAIN_WORDS);
        if (status.mode === 'offline') expect(status.offlineSince).not.toBeNull();
        expect(status.alarms).toEqual([]);
      }
      expect(statusB).toMatchObject({ mode: 'online', lastError: null });
      seen[fault] = statusA;
    }
    // A server error is an error the desk can read; a line that drops or hangs means offline, not an error.
    for (const fault of ['error500', 'error503']) {
      expect(seen[fault]).toMatchObject({ mode: 'online', offlineSince: null });
      expect(seen[fault]?.lastError).toMatch(/problem of its own.*retries by itself/);
    }
    for (const fault of ['reset', 'hang']) expect(seen[fault]).toMatchObject({ mode: 'offline', lastError: null });
    expect(seen.truncate?.mode === 'offline' || seen.truncate?.lastError !== null).toBe(true);
    expect(seen.slow).toMatchObject({ mode: 'online', lastError: null });

    // The line goes down: writes go on, both say since when they are offline.
    await proxy.setMode('offline');
    await write();
    for (const manager of [managerA, managerB]) {
      const status = await manager.ok('sync.now', {});
      expect(status).toMatchObject({ mode: 'offline', lastError: null });
      expect(status.offlineSince).not.toBeNull();
      expect(status.pendingOps).toBeGreaterThan(0);
    }
    await proxy.setMode('pass');

    for (let pass = 0; pass < 2; pass += 1) for (const manager of [managerA, managerB]) await manager.ok('sync.now', {});
    for (const manager of [managerA, managerB]) {
      expect(await manager.ok('sync.status', {})).toMatchObject({
        mode: 'online',
        lastError: null,
        offlineSince: null,
        pendingOps: 0,
        alarms: [],
        quarantinedOps: 0,
      });
    }
    expect(written.filter((id) => !hasPatient(clinic.a, id) || !hasPatient(b, id))).toEqual([]);
    expect(clinicData(b)).toEqual(clinicData(clinic.a));
  });
});

describe('a cloud history that does not add up', () => {
  it('raises an alarm on the reader for a tampered segment, and applies none of its ops nor any after it', async () => {
    const { clinic, b, target, managerA, managerB } = await pair(302);
    const { clinicId } = await managerA.ok('sync.settings', {});
    const forged = await clinic.a.addPatient({ givenName: 'Tamsin', familyName: 'Forged' });
    await managerA.ok('sync.now', {});
    const store = directStore(s3, target);
    const log = await store.list(layout.logPrefix(clinicId, deviceOf(clinic.a)));
    await flipByte(store, log.at(-1)?.key ?? '', 60);

    const status = await managerB.ok('sync.now', {});
    expect(status.alarms).toHaveLength(1);
    expect(status.alarms[0]).toMatch(/cannot be opened: failed its integrity check/);
    expect(status.alarms[0]).toMatch(PLAIN_WORDS);
    expect(hasPatient(b, forged.id)).toBe(false);

    const later = await clinic.a.addPatient({ givenName: 'Lena', familyName: 'After' });
    await managerA.ok('sync.now', {});
    expect((await managerB.ok('sync.now', {})).alarms).toHaveLength(1);
    expect(hasPatient(b, later.id)).toBe(false);
  });

  it('raises an alarm for a segment deleted from the middle of a log, after applying what comes before it', async () => {
    const { clinic, b, target, managerA, managerB } = await pair(303);
    const { clinicId } = await managerA.ok('sync.settings', {});
    const patients = [];
    for (let i = 0; i < 3; i += 1) {
      patients.push(await clinic.a.addPatient());
      await managerA.ok('sync.now', {}); // one segment each
    }
    const store = directStore(s3, target);
    const log = await store.list(layout.logPrefix(clinicId, deviceOf(clinic.a)));
    const middle = log.at(-2)?.key ?? '';
    await store.delete(middle);

    const status = await managerB.ok('sync.now', {});
    expect(status.alarms).toHaveLength(1);
    expect(status.alarms[0]).toMatch(/missing from the cloud/);
    expect(patients.map((p) => hasPatient(b, p.id))).toEqual([true, false, false]);
    expect((await managerA.ok('sync.status', {})).alarms).toEqual([]);
  });

  it('refuses another clinic: its keyring in our place stops a join, its history in our log raises an alarm', async () => {
    const root = join(cloudRoot, 'ours');
    const theirs = join(cloudRoot, 'theirs');
    for (const path of [root, theirs]) mkdirSync(path);
    const ours = await pair(304, { kind: 'folder', path: root });
    const other = await makeSyncedClinic({ seed: 305, target: { kind: 'folder', path: theirs } });
    clinics.push(other);
    const { clinicId } = await ours.managerA.ok('sync.settings', {});
    const { clinicId: otherId } = await (await other.a.as('manager')).ok('sync.settings', {});

    // History written with another clinic's keys under a device of ours: nothing of it applies.
    const intruder = 'device-from-elsewhere';
    const op = craftedOp(intruder, Date.now(), 0, {
      table: 'rooms',
      row: 'room-intruder',
      kind: 'insert',
      data: { id: 'room-intruder', name: 'Not ours', created_at: 'x', updated_at: 'x', origin_device: intruder },
    });
    const theirKeys = testKeys();
    const store = new FolderStore(root);
    await appendSegments(store, clinicId, theirKeys, await craftedDevice(store, clinicId, theirKeys, intruder), [[op]]);
    const status = await ours.managerB.ok('sync.now', {});
    expect(status.alarms).toHaveLength(1);
    expect(status.alarms[0]).toMatch(/cannot be read: failed its integrity check/);
    expect(ours.b.query("SELECT id FROM rooms WHERE id = 'room-intruder'")).toEqual([]);

    // Their keyring copied over ours: a workstation joining here is told it belongs to another clinic.
    cpSync(join(theirs, 'clinics', otherId, 'keyring.json'), join(root, 'clinics', clinicId, 'keyring.json'));
    const fresh = await makeCore({ sync: { ...testSync(ours.target), target: undefined } });
    try {
      const refused = await fresh.anonymous.refuses('sync.join', { target: ours.target, passphrase: PASSPHRASE }, 'VALIDATION');
      expect(`${refused.message} ${JSON.stringify(refused.fields ?? {})}`).toMatch(/another clinic/);
    } finally {
      await fresh.close();
    }
  });
});
