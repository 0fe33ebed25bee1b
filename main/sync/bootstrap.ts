/**
 * Starting from snapshots instead of whole logs: a new workstation merges the
 * newest snapshot before tailing the logs; a workstation whose next segments
 * were retired merges one that covers them; and now and then a workstation
 * writes a fresh snapshot and prunes what it makes redundant.
 */
import type { RemoteApplier } from './apply';
import type { SyncContext } from './context';
import type { SegmentGap } from './pull';
import { prune, type Pruned } from './retention';
import { readState, writeState } from './state';
import { listSnapshots, mergeSnapshot, readManifest, writeSnapshot, type Manifest, type Progress } from './snapshot';

const BOOTSTRAPPED = 'sync_bootstrapped';

function isBootstrapped(ctx: SyncContext): boolean {
  const marked = readState(ctx.sqlite, BOOTSTRAPPED);
  const cursors = ctx.sqlite.prepare('SELECT 1 FROM sync_devices LIMIT 1').get();
  return Boolean(marked ?? cursors);
}

/** A workstation that has never pulled starts from the newest snapshot, if there is one. Returns rows merged. */
export async function bootstrapIfNew(ctx: SyncContext, applier: RemoteApplier, onProgress?: Progress): Promise<number> {
  if (isBootstrapped(ctx)) return 0;
  const [newest] = await listSnapshots(ctx);
  const merged = newest ? await mergeSnapshot(ctx, applier, { prefix: newest, manifest: await readManifest(ctx, newest) }, onProgress) : 0;
  writeState(ctx.sqlite, BOOTSTRAPPED, '1');
  return merged;
}

/** Segments gone from the cloud are fine if the newest snapshot covers them: merge it. Returns the gaps it did not cover. */
export async function coverGaps(
  ctx: SyncContext,
  applier: RemoteApplier,
  gaps: SegmentGap[],
  onProgress?: Progress,
): Promise<SegmentGap[]> {
  if (gaps.length === 0) return [];
  // Not simply the newest by name: names carry the writer's clock, and the snapshot a prune relied on may be
  // another one. Take the kept snapshot that reaches furthest into the gaps.
  let best: { prefix: string; manifest: Manifest; reach: number } | null = null;
  for (const prefix of await listSnapshots(ctx)) {
    const manifest = await readManifest(ctx, prefix);
    const reach = gaps.reduce((sum, gap) => sum + Math.min(manifest.vector[gap.deviceId]?.seq ?? 0, gap.to), 0);
    if (!best || reach > best.reach) best = { prefix, manifest, reach };
  }
  if (!best) return gaps;
  const { manifest } = best;
  const covered = (gap: SegmentGap) => (manifest.vector[gap.deviceId]?.seq ?? 0) >= gap.from;
  if (!gaps.some(covered)) return gaps;
  await mergeSnapshot(ctx, applier, { prefix: best.prefix, manifest }, onProgress);
  return gaps.filter((gap) => !covered(gap));
}

export interface SnapshotPolicy {
  everyMs: number;
  retentionMs: number;
}

/** Write a snapshot when the newest one is older than the policy says, then prune. */
export async function maybeWriteSnapshot(ctx: SyncContext, policy: SnapshotPolicy, now = Date.now()): Promise<Pruned | null> {
  const [newest] = await listSnapshots(ctx);
  const writtenAt = newest ? Number(newest.split('/').at(-2)?.slice(0, 15)) : 0;
  if (now - writtenAt < policy.everyMs) return null;
  const written = await writeSnapshot(ctx);
  return prune(ctx, written.manifest, policy.retentionMs, now);
}
