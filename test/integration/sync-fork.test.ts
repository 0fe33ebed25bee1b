/**
 * A workstation copied from another's disk (or restored from a backup) has
 * the same device id and number prefix. The first push that finds the other's
 * segment under its id makes it fork: a new id and prefix, its unsent writes
 * re-sent under the new id, nothing lost on either side, and a plain alarm.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, STAFF } from '../support/clinic';
import { makeCore, openStore, type TestCore } from '../support/core';
import { makeSyncedClinic, testSync, type SyncedClinic } from '../support/sync';

let clinic: SyncedClinic;
let copy: TestCore;
const copyDir = mkdtempSync(join(tmpdir(), 'outpost-copy-'));

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 404 });
  await (await clinic.a.as('manager')).ok('sync.now', {});
  // The disk image: a consistent copy of A's database as it is now.
  const source = openStore(clinic.a.dataDir);
  source.store.sqlite.prepare('VACUUM INTO ?').run(join(copyDir, 'outpost.db'));
  source.close();
  copy = await makeCore({ dataDir: copyDir, sync: { ...testSync(clinic.target), target: undefined } });
});
afterAll(async () => {
  await copy.close();
  await clinic.close();
  rmSync(copyDir, { recursive: true, force: true });
});

const identity = (core: TestCore) =>
  Object.fromEntries(
    core
      .query<{ key: string; value: string }>("SELECT key, value FROM sync_state WHERE key IN ('device_id', 'workstation_prefix')")
      .map((row) => [row.key, row.value]),
  );

it('the copy forks to a new identity on its first push after the original wrote, and both keep every write', async () => {
  expect(identity(copy)).toEqual(identity(clinic.a));
  const deskA = await clinic.a.as('front_desk');
  const deskCopy = await copy.login(STAFF.front_desk.username, PASSWORD);
  const onA = await deskA.ok('patients.create', { givenName: 'Orla', familyName: 'Byrne', sex: 'female', dateOfBirth: '1970-02-02' });
  const onCopy = await deskCopy.ok('patients.create', { givenName: 'Cian', familyName: 'Byrne', sex: 'male', dateOfBirth: '1972-03-03' });
  // Both numbered from the same counter under the same prefix: the very clash a fork must stop repeating.
  expect(onCopy.mrn).toBe(onA.mrn);

  await deskA.ok('sync.now', {});
  const status = await deskCopy.ok('sync.now', {});
  expect(status.alarms.join(' ')).toMatch(/copy of another one/);
  expect(status.pendingOps).toBe(0);
  const forked = identity(copy);
  expect(forked.device_id).not.toBe(identity(clinic.a).device_id);
  expect(forked.workstation_prefix).not.toBe(identity(clinic.a).workstation_prefix);

  // New numbers on the copy come from its new prefix.
  const later = await deskCopy.ok('patients.create', { givenName: 'Aoife', familyName: 'Byrne', sex: 'female', dateOfBirth: '2001-04-04' });
  expect(later.mrn.startsWith(forked.workstation_prefix ?? '?')).toBe(true);

  await deskCopy.ok('sync.now', {});
  await deskA.ok('sync.now', {});
  await deskCopy.ok('sync.now', {});
  for (const core of [clinic.a, copy]) {
    const ids = core.query<{ id: string }>("SELECT id FROM patients WHERE family_name = 'Byrne' ORDER BY id").map((r) => r.id);
    expect(ids).toEqual([onA.id, onCopy.id, later.id].sort());
  }
  // A joining workstation sees one clean history: no alarm about broken chains.
  const c = await clinic.join();
  const admin = await c.login('ada.admin', PASSWORD);
  const joined = await admin.ok('sync.now', {});
  expect(joined.alarms).toEqual([]);
  expect(c.query("SELECT count(*) AS n FROM patients WHERE family_name = 'Byrne'")).toEqual([{ n: 3 }]);
});

it('a restored backup with nothing left to send forks on its first sync, before it winds its head back or hands out numbers', async () => {
  const backupDir = mkdtempSync(join(tmpdir(), 'outpost-backup-'));
  try {
    const source = openStore(clinic.a.dataDir);
    source.store.sqlite.prepare('VACUUM INTO ?').run(join(backupDir, 'outpost.db'));
    source.close();
    // After the backup, the original pushes more history.
    await clinic.a.addPatient({ familyName: 'Afterbackup' });
    await (await clinic.a.as('manager')).ok('sync.now', {});
    const restored = await makeCore({ dataDir: backupDir, sync: { ...testSync(clinic.target), target: undefined } });
    try {
      const admin = await restored.login('ada.admin', PASSWORD);
      const status = await admin.ok('sync.now', {});
      expect(status.alarms.join(' ')).toMatch(/copy of another one/);
      expect(identity(restored).workstation_prefix).not.toBe(identity(clinic.a).workstation_prefix);
      // Its history from the original comes back to it as another device's, the patient included.
      expect(restored.query("SELECT count(*) AS n FROM patients WHERE family_name = 'Afterbackup'")).toEqual([{ n: 1 }]);
    } finally {
      await restored.close();
    }
  } finally {
    rmSync(backupDir, { recursive: true, force: true });
  }
});
