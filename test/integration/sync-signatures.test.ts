/**
 * Device signatures: a segment is applied only when it is signed by the key
 * its workstation published in the clinic's roster. Someone holding the
 * clinic key (a former member, a copied keyring) can neither write history in
 * another workstation's name nor swap that workstation's key afterwards.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { currentKey, openKeyring } from '../../main/sync/keyring';
import { layout } from '../../main/sync/layout';
import { FolderStore } from '../../main/sync/objects/folder';
import { RosterEntry } from '../../main/sync/roster';
import { Head, Segment, openJson, sealJson, sealSigned } from '../../main/sync/segment';
import { PASSWORD } from '../support/clinic';
import type { TestCore } from '../support/core';
import { makeSyncedClinic, PASSPHRASE, type SyncedClinic } from '../support/sync';

let clinic: SyncedClinic;
let b: TestCore;

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 606 });
  b = await clinic.join();
});
afterAll(() => clinic.close());

const outsiderKey = generateKeyPairSync('ed25519');
const signAsOutsider = (bytes: Uint8Array) => sign(null, bytes, outsiderKey.privateKey).toString('base64');

async function context() {
  if (clinic.target.kind !== 'folder') throw new Error('folder target expected');
  const objects = new FolderStore(clinic.target.path);
  const { clinicId } = await (await clinic.a.as('admin')).ok('sync.settings', {});
  const keys = await openKeyring(objects, clinicId, PASSPHRASE);
  const deviceA = clinic.a.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'device_id'")[0]?.value ?? '';
  const headKey = layout.head(clinicId, deviceA);
  const headBytes = await objects.get(headKey);
  if (!headBytes) throw new Error('A has no head');
  const head = await openJson(Head, headBytes, headKey, (epoch) => keys.get(epoch));
  return { objects, clinicId, keys, deviceA, head };
}

it('refuses a segment written in A’s name with another key, and applies nothing from it', async () => {
  const { objects, clinicId, keys, deviceA, head } = await context();
  const seq = head.seq + 1;
  const key = layout.segment(clinicId, deviceA, seq);
  const forged: Segment = {
    format: 1,
    clinicId,
    deviceId: deviceA,
    seq,
    prev: head.hash,
    schema: 6,
    applied: {},
    createdAt: new Date().toISOString(),
    ops: [
      {
        id: 'forged-op',
        table: 'rooms',
        row: 'forged-room',
        kind: 'insert',
        data: { id: 'forged-room', name: 'Forged' },
        hlc: `${String(Date.now()).padStart(15, '0')}-000000-${deviceA}`,
      },
    ],
  };
  await objects.create(key, (await sealSigned(forged, key, currentKey(keys), signAsOutsider)).bytes);
  await objects.put(
    layout.head(clinicId, deviceA),
    (await sealJson({ ...head, seq, updatedAt: new Date().toISOString() }, layout.head(clinicId, deviceA), currentKey(keys))).bytes,
  );

  const status = await (await b.login('ada.admin', PASSWORD)).ok('sync.now', {});
  expect(status.alarms.join(' ')).toMatch(/not signed by that workstation's key/);
  expect(b.query("SELECT id FROM rooms WHERE id = 'forged-room'")).toEqual([]);
  await objects.delete(key);
});

it('refuses a roster entry whose key was replaced after it was first seen', async () => {
  const { objects, clinicId, keys, deviceA } = await context();
  const rosterKey = layout.rosterEntry(clinicId, deviceA);
  const stored = await objects.get(rosterKey);
  if (!stored) throw new Error('A is not in the roster');
  const entry = await openJson(RosterEntry, stored, rosterKey, (epoch) => keys.get(epoch));
  const swapped = { ...entry, publicKey: outsiderKey.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  await objects.put(rosterKey, (await sealJson(swapped, rosterKey, currentKey(keys))).bytes);
  await clinic.a.addPatient({ familyName: 'Afterswap' });
  await (await clinic.a.as('manager')).ok('sync.now', {});
  const status = await (await b.login('ada.admin', PASSWORD)).ok('sync.now', {});
  expect(status.alarms.join(' ')).toMatch(/signing key .* was replaced/);
  expect(b.query("SELECT id FROM patients WHERE family_name = 'Afterswap'")).toEqual([]);
});
