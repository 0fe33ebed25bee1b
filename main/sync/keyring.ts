/**
 * The clinic's data keys in the cloud: random AES-256 keys, one per epoch,
 * wrapped by a key derived from the clinic passphrase (scrypt). The first
 * workstation creates keyring.json with a create-only write; every other one
 * joins by typing the passphrase.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveKek, unwrapKey, wrapKey, type ScryptParameters } from './crypto';
import { layout } from './layout';
import type { ObjectStore } from './objects/types';

const KeyringFile = z.object({
  format: z.literal(1),
  clinicId: z.string(),
  kdf: z.object({
    algorithm: z.literal('scrypt'),
    log2N: z.number().int().min(10).max(22),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  epochs: z.array(z.object({ epoch: z.number().int().positive(), wrappedKey: z.string(), createdAt: z.string() })).min(1),
});
type KeyringFile = z.infer<typeof KeyringFile>;

export type DataKeys = Map<number, Buffer>;

/** A problem joining or creating the clinic's cloud space that the person setting up sync must fix. */
export class KeyringError extends Error {
  constructor(
    readonly reason: 'wrong_passphrase' | 'no_clinic' | 'other_clinic' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

const label = (clinicId: string, epoch: number) => `outpost-keyring:${clinicId}:${epoch}`;

/** Create the clinic's keyring, or open the one another workstation created first. */
export async function createOrOpenKeyring(store: ObjectStore, clinicId: string, passphrase: string, log2N = 17): Promise<DataKeys> {
  const kdf: ScryptParameters = { log2N, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
  const dataKey = randomBytes(32);
  const kek = await deriveKek(passphrase, kdf);
  const file: KeyringFile = {
    format: 1,
    clinicId,
    kdf: { algorithm: 'scrypt', ...kdf },
    epochs: [{ epoch: 1, wrappedKey: wrapKey(kek, dataKey, label(clinicId, 1)), createdAt: new Date().toISOString() }],
  };
  const existing = await store.get(layout.keyring(clinicId));
  if (existing) return openKeyring(store, clinicId, passphrase);
  const outcome = await store.create(layout.keyring(clinicId), Buffer.from(JSON.stringify(file, null, 2)));
  if (outcome === 'exists') return openKeyring(store, clinicId, passphrase);
  await store.put(layout.clinicMarker(clinicId), new Uint8Array());
  return new Map([[1, dataKey]]);
}

/** Unwrap every epoch's data key with the passphrase. */
export async function openKeyring(store: ObjectStore, clinicId: string, passphrase: string): Promise<DataKeys> {
  const bytes = await store.get(layout.keyring(clinicId));
  if (!bytes) throw new KeyringError('no_clinic', 'No Outpost clinic was found at this sync location. Check the folder or bucket.');
  let file: KeyringFile;
  try {
    file = KeyringFile.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch {
    throw new KeyringError('damaged', 'The clinic keyring at this sync location is damaged. Ask your administrator to restore it.');
  }
  if (file.clinicId !== clinicId) throw new KeyringError('other_clinic', 'This sync location belongs to another clinic.');
  const kek = await deriveKek(passphrase, file.kdf);
  const keys: DataKeys = new Map();
  for (const entry of file.epochs) {
    const key = unwrapKey(kek, entry.wrappedKey, label(clinicId, entry.epoch));
    if (!key)
      throw new KeyringError('wrong_passphrase', 'The clinic passphrase is not correct. Check it with your administrator and try again.');
    keys.set(entry.epoch, key);
  }
  return keys;
}

/** Clinic ids found at a store, for a workstation joining without knowing it. */
export async function clinicsAt(store: ObjectStore): Promise<string[]> {
  const prefix = layout.clinicMarkersPrefix();
  return (await store.list(prefix)).map((object) => object.key.slice(prefix.length)).filter((id) => id && !id.includes('/'));
}

export function currentKey(keys: DataKeys): { epoch: number; key: Buffer } {
  const epoch = Math.max(...keys.keys());
  const key = keys.get(epoch);
  if (!key) throw new Error('No data key');
  return { epoch, key };
}
