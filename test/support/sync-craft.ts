/**
 * Hand-made history in the cloud, for the hazards a real workstation of this
 * version never writes: ops for tables or columns from a newer Outpost, or a
 * log that was tampered with. Segments are sealed with the clinic key, signed
 * with the device's own key (published in the roster) and chained exactly as
 * Pusher does (seq, prev hash, head), so a reader accepts them as a genuine
 * device's log.
 */
import { generateKeyPairSync } from 'node:crypto';
import { formatHlc } from '../../main/sync/hlc';
import { currentKey, type DataKeys } from '../../main/sync/keyring';
import { layout } from '../../main/sync/layout';
import type { ObjectStore } from '../../main/sync/objects/types';
import { signBytes, type DeviceKey, type RosterEntry } from '../../main/sync/roster';
import { sealJson, sealSigned, type Head, type RemoteOp, type Segment } from '../../main/sync/segment';

export interface CraftedLog {
  deviceId: string;
  signer: DeviceKey;
  seq: number;
  hash: string | null;
}

/** A device nobody runs: a signing key, published in the clinic's roster, and an empty log. */
export async function craftedDevice(objects: ObjectStore, clinicId: string, keys: DataKeys, deviceId: string): Promise<CraftedLog> {
  const pair = generateKeyPairSync('ed25519');
  const signer: DeviceKey = {
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const entry: RosterEntry = { format: 1, deviceId, publicKey: signer.publicKeyPem, label: 'NEW', createdAt: new Date().toISOString() };
  const objectKey = layout.rosterEntry(clinicId, deviceId);
  await objects.put(objectKey, (await sealJson(entry, objectKey, currentKey(keys))).bytes);
  return { deviceId, signer, seq: 0, hash: null };
}

/** Append segments (one per list of ops) to a device's log and move its head, as that device would. */
export async function appendSegments(
  objects: ObjectStore,
  clinicId: string,
  keys: DataKeys,
  log: CraftedLog,
  segments: RemoteOp[][],
  options: { schema?: number; applied?: Record<string, number> } = {},
): Promise<CraftedLog> {
  let { seq, hash } = log;
  for (const ops of segments) {
    seq += 1;
    const key = layout.segment(clinicId, log.deviceId, seq);
    const segment: Segment = {
      format: 1,
      clinicId,
      deviceId: log.deviceId,
      seq,
      prev: hash,
      schema: options.schema ?? 99,
      applied: { ...options.applied, [log.deviceId]: seq - 1 },
      createdAt: new Date().toISOString(),
      ops,
    };
    const sealed = await sealSigned(segment, key, currentKey(keys), (body) => signBytes(log.signer, body));
    if ((await objects.create(key, sealed.bytes)) !== 'created') throw new Error(`${key} already exists`);
    hash = sealed.hash;
  }
  const head: Head = {
    format: 1,
    deviceId: log.deviceId,
    seq,
    hash,
    applied: { ...options.applied },
    schema: options.schema ?? 99,
    updatedAt: new Date().toISOString(),
  };
  const headKey = layout.head(clinicId, log.deviceId);
  await objects.put(headKey, (await sealJson(head, headKey, currentKey(keys))).bytes);
  return { ...log, seq, hash };
}

/** An op as a writer would stamp it: `wallMs` is its wall clock. */
export function craftedOp(
  deviceId: string,
  wallMs: number,
  counter: number,
  op: Pick<RemoteOp, 'table' | 'row' | 'kind' | 'data'>,
): RemoteOp {
  const hlc = formatHlc({ wallMs, counter, deviceId });
  return { id: `op-${deviceId}-${wallMs}-${counter}`, hlc, ...op };
}

/** Flip one byte of a stored object in place (what a damaged disk or a meddling admin does). */
export async function flipByte(objects: ObjectStore, key: string, at = -1): Promise<void> {
  const bytes = await objects.get(key);
  if (!bytes) throw new Error(`${key} is not stored`);
  const copy = Buffer.from(bytes);
  const index = at < 0 ? copy.length + at : at;
  copy[index] = (copy[index] ?? 0) ^ 0xff;
  await objects.put(key, copy);
}
