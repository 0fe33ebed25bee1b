/**
 * What may leave the cloud (ARCHITECTURE §4): a device's segments only when
 * the newest snapshot covers them AND every active device's head shows them
 * applied; snapshots beyond the newest two. A device silent for longer than
 * the retention window no longer holds anything back: when it returns, its
 * missing segments are covered by a snapshot it merges (keeping its own
 * unpushed writes).
 */
import type { SyncContext } from './context';
import { deviceOfHead, layout, seqOfSegment } from './layout';
import { Head, openJson } from './segment';
import type { Manifest } from './snapshot';
import { listSnapshots, readManifest } from './snapshot';

export const DEFAULT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const SNAPSHOTS_KEPT = 2;

export interface Pruned {
  segments: number;
  snapshots: number;
}

export async function prune(ctx: SyncContext, newest: Manifest, retentionMs = DEFAULT_RETENTION_MS, now = Date.now()): Promise<Pruned> {
  const { objects, clinicId } = ctx;
  const heads: Head[] = [];
  for (const listed of await objects.list(layout.headsPrefix(clinicId))) {
    if (!deviceOfHead(clinicId, listed.key)) continue;
    const bytes = await objects.get(listed.key);
    if (!bytes) continue;
    const head = await openJson(Head, bytes, listed.key, (epoch) => ctx.keys.get(epoch)).catch(() => null);
    // An unreadable head holds everything back: never delete on a guess.
    if (!head) return { segments: 0, snapshots: 0 };
    if (now - Date.parse(head.updatedAt) <= retentionMs) heads.push(head);
  }

  // Every kept snapshot must still be usable to fill a gap: only what all of them cover may go.
  const kept = (await listSnapshots(ctx)).slice(0, SNAPSHOTS_KEPT);
  const manifests = [newest];
  for (const prefix of kept) manifests.push(await readManifest(ctx, prefix));
  let segments = 0;
  for (const [device, cursor] of Object.entries(newest.vector)) {
    let limit = cursor.seq;
    for (const manifest of manifests) limit = Math.min(limit, manifest.vector[device]?.seq ?? 0);
    for (const head of heads) limit = Math.min(limit, head.deviceId === device ? head.seq : (head.applied[device] ?? 0));
    if (limit <= 0) continue;
    for (const object of await objects.list(layout.logPrefix(clinicId, device))) {
      const seq = seqOfSegment(clinicId, device, object.key);
      if (seq === undefined || seq > limit) break;
      await objects.delete(object.key);
      segments += 1;
    }
  }

  let snapshots = 0;
  const older = (await listSnapshots(ctx)).slice(SNAPSHOTS_KEPT);
  for (const prefix of older) {
    // The manifest first: a half-deleted snapshot must never look complete.
    await objects.delete(`${prefix}manifest`);
    for (const object of await objects.list(prefix)) await objects.delete(object.key);
    snapshots += 1;
  }
  return { segments, snapshots };
}
