/**
 * Device signatures (ARCHITECTURE §4-5): each workstation signs its segments
 * with its own Ed25519 key and publishes the public half in the clinic's
 * roster (`roster/<deviceId>`, sealed with the clinic key). Readers check every
 * segment against the roster and pin the first key they see for a device, so
 * a member holding the clinic key still cannot write history in another
 * workstation's name, nor swap that workstation's key later.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { SyncContext } from './context';
import { currentKey } from './keyring';
import { layout } from './layout';
import { openJson, sealJson } from './segment';
import { readState, writeState } from './state';

export const RosterEntry = z.object({
  format: z.literal(1),
  deviceId: z.string(),
  /** Ed25519 public key, SPKI PEM. */
  publicKey: z.string(),
  /** The workstation's number prefix, to name it in messages. */
  label: z.string(),
  createdAt: z.string(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export interface DeviceKey {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** This workstation's signing key, created on first use (and again after a fork: a copy must not sign as the original). */
export function deviceKey(sqlite: Database.Database, deviceId: string): DeviceKey {
  const stored = readState(sqlite, 'device_key');
  const saved = stored ? (JSON.parse(stored) as { deviceId: string; privateKey: string; publicKey: string }) : null;
  if (saved?.deviceId === deviceId) return { privateKey: createPrivateKey(saved.privateKey), publicKeyPem: saved.publicKey };
  const pair = generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeState(sqlite, 'device_key', JSON.stringify({ deviceId, privateKey: privatePem, publicKey: publicPem }));
  return { privateKey: pair.privateKey, publicKeyPem: publicPem };
}

export function signBytes(key: DeviceKey, bytes: Uint8Array): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

export function verifyBytes(publicKeyPem: string, bytes: Uint8Array, signature: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Publish this workstation's public key (idempotent). */
export async function publishRosterEntry(ctx: SyncContext, key: DeviceKey, label: string): Promise<void> {
  const objectKey = layout.rosterEntry(ctx.clinicId, ctx.deviceId);
  const existing = await ctx.objects.get(objectKey);
  if (existing) {
    const entry = await openJson(RosterEntry, existing, objectKey, (epoch) => ctx.keys.get(epoch)).catch(() => null);
    if (entry?.publicKey === key.publicKeyPem) return;
  }
  const entry: RosterEntry = { format: 1, deviceId: ctx.deviceId, publicKey: key.publicKeyPem, label, createdAt: new Date().toISOString() };
  const { bytes } = await sealJson(entry, objectKey, currentKey(ctx.keys));
  await ctx.objects.put(objectKey, bytes);
}

export type RosterCheck = { ok: true; label: string } | { ok: false; message: string };

/**
 * The public key to check a device's segments with: pinned locally once seen;
 * a roster entry that later shows another key is refused (someone replaced it).
 */
export async function rosterKeyFor(
  ctx: SyncContext,
  deviceId: string,
): Promise<{ publicKey: string; label: string } | { problem: string }> {
  const pinned = ctx.sqlite.prepare('SELECT public_key AS publicKey, label FROM sync_devices WHERE device_id = ?').get(deviceId) as
    { publicKey: string | null; label: string | null } | undefined;
  const objectKey = layout.rosterEntry(ctx.clinicId, deviceId);
  const bytes = await ctx.objects.get(objectKey);
  if (!bytes) {
    if (pinned?.publicKey) return { publicKey: pinned.publicKey, label: pinned.label ?? '' };
    return { problem: 'It is not in the clinic’s list of workstations, so its changes cannot be checked.' };
  }
  const entry = await openJson(RosterEntry, bytes, objectKey, (epoch) => ctx.keys.get(epoch)).catch(() => null);
  if (!entry || entry.deviceId !== deviceId) return { problem: 'Its entry in the clinic’s list of workstations cannot be read.' };
  if (pinned?.publicKey && pinned.publicKey !== entry.publicKey) {
    return { problem: 'Its signing key in the clinic’s list of workstations was replaced. Its changes are not applied.' };
  }
  if (!pinned?.publicKey) {
    ctx.sqlite
      .prepare(
        'INSERT INTO sync_devices (device_id, public_key, label) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, label = excluded.label',
      )
      .run(deviceId, entry.publicKey, entry.label);
  }
  return { publicKey: entry.publicKey, label: entry.label };
}
