/**
 * Push: outbox ops, in commit order, packed into immutable segments (bounded
 * by op count and bytes), sealed, written create-only under the next seq;
 * then, in one transaction, the ops are marked pushed and the seq advanced;
 * then the head is rewritten. A crash between the write and the mark is
 * repaired on the next push: the segment already stored under that seq is
 * read back and, being ours, adopted instead of rewritten, so the hash chain
 * readers follow never forks.
 */
import type Database from 'better-sqlite3';
import { LocalBlobs, uploadBlobs } from './blobs';
import { sha256Hex } from './crypto';
import { layout } from './layout';
import { signBytes } from './roster';
import { readState } from './state';
import { Head, Segment, openSigned, sealJson, sealSigned, type AppliedVector, type RemoteOp } from './segment';
import type { SyncContext } from './context';
import { currentKey } from './keyring';

export interface PushLimits {
  maxOps: number;
  maxBytes: number;
}

export const DEFAULT_PUSH_LIMITS: PushLimits = { maxOps: 5000, maxBytes: 4 * 1024 * 1024 };

interface OutboxRow {
  seq: number;
  opId: string;
  tableName: string;
  rowId: string;
  kind: RemoteOp['kind'];
  payload: string;
  hlc: string;
}

export interface PushedState {
  seq: number;
  hash: string | null;
}

/** Someone else wrote under this workstation's device id (a cloned disk or a restored backup). */
export class ForkError extends Error {
  constructor() {
    super('Another workstation is writing to the cloud under this workstation’s identity (copied disk or restored backup).');
    this.name = 'ForkError';
  }
}

export function pushedState(sqlite: Database.Database): PushedState {
  const saved = readState(sqlite, 'sync_pushed');
  return saved ? (JSON.parse(saved) as PushedState) : { seq: 0, hash: null };
}

/** What this workstation has applied of every device's log, itself included. */
export function appliedVector(sqlite: Database.Database, deviceId: string): AppliedVector {
  const vector: AppliedVector = {};
  for (const row of sqlite.prepare('SELECT device_id AS deviceId, applied_seq AS seq FROM sync_devices WHERE applied_seq > 0').all() as {
    deviceId: string;
    seq: number;
  }[])
    vector[row.deviceId] = row.seq;
  vector[deviceId] = pushedState(sqlite).seq;
  return vector;
}

export class Pusher {
  private readonly sql;
  /** Whether this Pusher has written our head yet (see pushAll). */
  private headWritten = false;
  private ownLogChecked = false;

  constructor(
    private readonly ctx: SyncContext,
    private readonly limits: PushLimits = DEFAULT_PUSH_LIMITS,
  ) {
    const { sqlite } = ctx;
    this.sql = {
      pending: sqlite.prepare(
        'SELECT seq, op_id AS opId, table_name AS tableName, row_id AS rowId, kind, payload, hlc FROM sync_outbox WHERE pushed_at IS NULL ORDER BY seq LIMIT ?',
      ),
      mark: sqlite.prepare('UPDATE sync_outbox SET pushed_at = ? WHERE pushed_at IS NULL AND seq <= ?'),
      prune: sqlite.prepare('DELETE FROM sync_outbox WHERE pushed_at IS NOT NULL AND pushed_at < ?'),
      saveState: sqlite.prepare(
        "INSERT INTO sync_state (key, value) VALUES ('sync_pushed', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ),
    };
  }

  /**
   * Forget ops pushed before `before` (ISO): once in a segment they live in the cloud and in the rows themselves,
   * and nothing here reads them again; kept a while only to help diagnose a sync problem. Returns how many went.
   */
  prunePushed(before: string): number {
    return this.sql.prune.run(before).changes;
  }

  /** Push every pending op; returns the number of ops pushed. */
  async pushAll(onProgress?: (pushed: number) => void): Promise<number> {
    // ARCHITECTURE §4: before anything else after a start (a restore may have happened), look at our own log.
    // A segment beyond what we know we pushed means this disk is a copy or a restored backup — fork now, before
    // a head is written (it would wind the head back) or new numbers are handed out, even with nothing to send.
    if (!this.ownLogChecked) {
      const last = pushedState(this.ctx.sqlite);
      const after = last.seq > 0 ? layout.segment(this.ctx.clinicId, this.ctx.deviceId, last.seq) : undefined;
      const beyond = await this.ctx.objects.list(layout.logPrefix(this.ctx.clinicId, this.ctx.deviceId), after);
      if (beyond.length > 0) {
        const pending = this.takeBatch();
        // Ours after all if it holds exactly our next unsent ops (written just before a crash): adopted below.
        const [first] = beyond;
        const stored = first ? await this.ctx.objects.get(first.key) : null;
        const opened = stored ? await openSigned(Segment, stored, first?.key ?? '', (epoch) => this.ctx.keys.get(epoch)) : null;
        const ours = opened !== null && opened.value.ops.length > 0 && opened.value.ops.every((op, i) => op.id === pending[i]?.opId);
        if (!ours) throw new ForkError();
      }
      this.ownLogChecked = true;
    }
    let total = 0;
    for (;;) {
      const pushed = await this.pushOne();
      if (pushed === 0) break;
      total += pushed;
      onProgress?.(total);
    }
    // A crash after marking a segment pushed and before rewriting the head leaves the head a segment behind.
    // With nothing left to push nothing rewrote it, and a reader caught up with the old head never listed
    // the log again (sync-crash.test.ts). So the first push of a process rewrites the head once: one PUT.
    if (!this.headWritten && pushedState(this.ctx.sqlite).seq > 0) await this.writeHead();
    return total;
  }

  private async pushOne(): Promise<number> {
    const { sqlite, objects, clinicId, deviceId } = this.ctx;
    const batch = this.takeBatch();
    if (batch.length === 0) return 0;
    const last = pushedState(sqlite);
    const seq = last.seq + 1;
    const key = layout.segment(clinicId, deviceId, seq);

    // Look before writing: a store that ignores create-only writes (some S3-compatible ones) would let a
    // copied workstation overwrite the original's history. One small GET per segment buys that safety.
    const adopted = await this.adoptStored(key, batch, last);
    if (adopted > 0) return adopted;
    const ops = batch.map(toRemoteOp);
    // ARCHITECTURE §4: the attachment content a segment refers to reaches the cloud before the segment does.
    await uploadBlobs(this.ctx, LocalBlobs.of(sqlite), ops);

    const segment: Segment = {
      format: 1,
      clinicId,
      deviceId,
      seq,
      prev: last.hash,
      schema: this.ctx.schemaVersion,
      applied: appliedVector(sqlite, deviceId),
      createdAt: new Date().toISOString(),
      ops,
    };
    const { bytes, hash } = await sealSigned(segment, key, currentKey(this.ctx.keys), (body) => signBytes(this.ctx.deviceKey, body));
    const outcome = await objects.create(key, bytes);
    if (outcome === 'exists') {
      // Taken since we looked: only another writer under our id can do that.
      throw new ForkError();
    }
    this.markPushed(batch, { seq, hash });
    await this.writeHead();
    return batch.length;
  }

  /**
   * A segment already stored at our next seq is ours (written just before a crash) if it holds our next
   * ops; anything else there was written by another workstation under our id.
   */
  private async adoptStored(key: string, batch: OutboxRow[], last: PushedState): Promise<number> {
    const stored = await this.ctx.objects.get(key);
    if (!stored) return 0;
    const { value: segment } = await openSigned(Segment, stored, key, (epoch) => this.ctx.keys.get(epoch));
    const ours =
      segment.deviceId === this.ctx.deviceId &&
      segment.prev === last.hash &&
      segment.ops.length <= batch.length &&
      segment.ops.every((op, i) => op.id === batch[i]?.opId);
    if (!ours) throw new ForkError();
    this.markPushed(batch.slice(0, segment.ops.length), { seq: segment.seq, hash: sha256Hex(stored) });
    await this.writeHead();
    return segment.ops.length;
  }

  private takeBatch(): OutboxRow[] {
    const rows = this.sql.pending.all(this.limits.maxOps) as OutboxRow[];
    let bytes = 0;
    const batch: OutboxRow[] = [];
    for (const row of rows) {
      bytes += row.payload.length + 200;
      if (batch.length > 0 && bytes > this.limits.maxBytes) break;
      batch.push(row);
    }
    return batch;
  }

  private markPushed(batch: OutboxRow[], state: PushedState): void {
    const lastSeq = batch[batch.length - 1]?.seq ?? 0;
    this.ctx.sqlite.transaction(() => {
      this.sql.mark.run(new Date().toISOString(), lastSeq);
      this.sql.saveState.run(JSON.stringify(state));
    })();
  }

  async writeHead(): Promise<void> {
    const { sqlite, clinicId, deviceId } = this.ctx;
    const state = pushedState(sqlite);
    const head: Head = {
      format: 1,
      deviceId,
      seq: state.seq,
      hash: state.hash,
      applied: appliedVector(sqlite, deviceId),
      schema: this.ctx.schemaVersion,
      updatedAt: new Date().toISOString(),
    };
    const key = layout.head(clinicId, deviceId);
    const { bytes } = await sealJson(head, key, currentKey(this.ctx.keys));
    await this.ctx.objects.put(key, bytes);
    this.headWritten = true;
  }
}

function toRemoteOp(row: OutboxRow): RemoteOp {
  return {
    id: row.opId,
    table: row.tableName,
    row: row.rowId,
    kind: row.kind,
    data: JSON.parse(row.payload) as RemoteOp['data'],
    hlc: row.hlc,
  };
}
