/**
 * The sync methods at the contract: who may call them, what bad input gets,
 * and that a refusal leaves the database as it was.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinic, type Clinic } from '../support/clinic';
import { makeCore } from '../support/core';
import { makeSyncedClinic, PASSPHRASE, testSync, type SyncedClinic } from '../support/sync';

let local: Clinic;
let synced: SyncedClinic;
const folders: string[] = [];
const folder = () => {
  const path = mkdtempSync(join(tmpdir(), 'outpost-cloud-'));
  folders.push(path);
  return path;
};

beforeAll(async () => {
  local = await makeClinic({ seed: 5, sync: { ...testSync({ kind: 'folder', path: '' }), target: undefined } });
  synced = await makeSyncedClinic({ seed: 6 });
});
afterAll(async () => {
  await local.close();
  await synced.close();
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

describe('sync.configure', () => {
  it('refuses a short passphrase, a missing folder, a bad bucket name, and roles without sync.manage', async () => {
    const admin = await local.as('admin');
    await admin.refuses('sync.configure', { target: { kind: 'folder', path: folder() }, passphrase: 'short' }, 'VALIDATION');
    const missing = await admin.refuses(
      'sync.configure',
      { target: { kind: 'folder', path: join(folder(), 'nope') }, passphrase: PASSPHRASE },
      'VALIDATION',
    );
    expect(missing.fields?.['target.path']).toMatch(/cannot be found/);
    const s3 = { kind: 's3', region: 'us-east-1', bucket: 'Bad_Bucket', accessKeyId: 'id', secretAccessKey: 'secret' };
    const bucket = await admin.refuses('sync.configure', { target: s3, passphrase: PASSPHRASE }, 'VALIDATION');
    expect(bucket.fields?.['target.bucket']).toMatch(/Bucket names/);
    await (
      await local.as('front_desk')
    ).refuses('sync.configure', { target: { kind: 'folder', path: folder() }, passphrase: PASSPHRASE }, 'FORBIDDEN');
    expect((await admin.ok('sync.status', {})).mode).toBe('local');
  });

  it('refuses the wrong passphrase for a location that already holds the clinic, with the field to fix', async () => {
    const admin = await synced.a.as('admin');
    const wrong = await admin.refuses('sync.configure', { target: synced.target, passphrase: 'not the clinic passphrase' }, 'VALIDATION');
    expect(wrong.fields?.passphrase).toMatch(/passphrase is not correct/);
  });

  it('refuses a damaged keyring', async () => {
    const path = folder();
    const { clinicId } = await (await synced.a.as('admin')).ok('sync.settings', {});
    const target = { kind: 'folder' as const, path };
    const keyring = join(path, 'clinics', clinicId);
    mkdirSync(keyring, { recursive: true });
    writeFileSync(join(keyring, 'keyring.json'), '{"format":1');
    const error = await (await synced.a.as('admin')).refuses('sync.configure', { target, passphrase: PASSPHRASE }, 'VALIDATION');
    expect(error.message).toMatch(/damaged/);
  });
});

describe('sync.settings', () => {
  it('shows the location without secrets, to sync managers only', async () => {
    const manager = await synced.a.as('manager');
    const settings = await manager.ok('sync.settings', {});
    expect(settings.target).toEqual(synced.target);
    await (await synced.a.as('physician')).refuses('sync.settings', {}, 'FORBIDDEN');
  });
});

describe('sync.setPaused and sync.now', () => {
  it('pause needs a configured location and sync.manage; sync.now reports the status', async () => {
    await (await local.as('manager')).refuses('sync.setPaused', { paused: true }, 'CONFLICT');
    await (await synced.a.as('front_desk')).refuses('sync.setPaused', { paused: true }, 'FORBIDDEN');
    await (await synced.a.as('manager')).refuses('sync.setPaused', { paused: 'yes' }, 'VALIDATION');
    const manager = await synced.a.as('manager');
    expect(await manager.ok('sync.setPaused', { paused: true })).toMatchObject({ mode: 'offline', paused: true });
    expect(await manager.ok('sync.setPaused', { paused: false })).toMatchObject({ paused: false });
    const status = await (await synced.a.as('nurse')).ok('sync.now', {});
    expect(status).toMatchObject({ mode: 'online', pendingOps: 0, syncing: false });
    expect(status.lastSyncAt).not.toBeNull();
    expect(await (await local.as('nurse')).ok('sync.now', {})).toMatchObject({ mode: 'local' });
    await local.anonymous.refuses('sync.now', {}, 'UNAUTHENTICATED');
  });
});

describe('sync.join', () => {
  it('refuses a workstation that already has a clinic, an empty location, and the wrong passphrase; joins with the right one', async () => {
    await local.anonymous.refuses('sync.join', { target: synced.target, passphrase: PASSPHRASE }, 'CONFLICT');
    const fresh = await makeCore({ sync: { ...testSync(synced.target), target: undefined } });
    try {
      const empty = await fresh.anonymous.refuses(
        'sync.join',
        { target: { kind: 'folder', path: folder() }, passphrase: PASSPHRASE },
        'VALIDATION',
      );
      expect(empty.message).toMatch(/No Outpost clinic/);
      const wrong = await fresh.anonymous.refuses(
        'sync.join',
        { target: synced.target, passphrase: 'wrong passphrase here' },
        'VALIDATION',
      );
      expect(wrong.fields?.passphrase).toBeDefined();
      expect((await fresh.anonymous.ok('setup.status', {})).needsSetup).toBe(true);
      const joined = await fresh.anonymous.ok('sync.join', { target: synced.target, passphrase: PASSPHRASE });
      expect(joined).toMatchObject({ clinicName: 'Test Family Clinic', users: 5 });
      expect((await fresh.anonymous.ok('setup.status', {})).needsSetup).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
