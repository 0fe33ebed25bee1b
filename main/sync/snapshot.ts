/**
 * Snapshots (ARCHITECTURE §4): every synced row with its column versions,
 * plus, for each device, the last segment the snapshot includes (seq + hash),
 * chunked into sealed parts and named by a manifest written last (a reader
 * never sees half a snapshot). A new workstation starts from the newest one
 * and tails the logs from its vector; a workstation whose missing segments
 * were retired merges one the same way, keeping its own unpushed writes.
 *
 * A snapshot is read from its own read-only connection inside one read
 * transaction: a consistent cut of the database while the workstation keeps
 * writing on its main connection.
 */
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { RemoteApplier } from './apply';
import type { SyncContext } from './context';
import { currentKey } from './keyring';
import { layout } from './layout';
import { pushedState } from './push';
import { RemoteOp, openJson, sealJson } from './segment';
import { syncedTables } from './tables';
import { ALL_COLUMNS, type ColumnVersions } from './versions';

const ROWS_PER_PART = 20_000;

const Cursor = z.object({ seq: z.number().int().nonnegative(), hash: z.string().nullable() });
export const Manifest = z.object({
  format: z.literal(1),
  clinicId: z.string(),
  writer: z.string(),
  createdAt: z.string(),
  schema: z.number().int(),
  /** device -> last segment of that device included. */
  vector: z.record(z.string(), Cursor),
  parts: z.array(z.object({ key: z.string(), rows: z.number().int() })),
});
export type Manifest = z.infer<typeof Manifest>;

const Part = z.object({
  table: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  versions: z.array(z.string()),
  /** Ops this writer still held in quarantine (from a newer Outpost): kept, never dropped. */
  parked: z.array(RemoteOp).default([]),
});
type Part = z.infer<typeof Part>;

export interface SnapshotInfo {
  prefix: string;
  manifest: Manifest;
}

export interface Progress {
  (done: number, total: number): void;
}

type Value = string | number | null;

/** Write a snapshot of this workstation's data; returns its manifest. */
export async function writeSnapshot(ctx: SyncContext, onProgress?: Progress): Promise<SnapshotInfo> {
  const reader = new Database(ctx.sqlite.name, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('BEGIN').run();
    const vector: Manifest['vector'] = {};
    for (const row of reader
      .prepare('SELECT device_id AS id, applied_seq AS seq, applied_hash AS hash FROM sync_devices WHERE applied_seq > 0')
      .all() as {
      id: string;
      seq: number;
      hash: string | null;
    }[])
      vector[row.id] = { seq: row.seq, hash: row.hash };
    const own = pushedState(reader);
    if (own.seq > 0) vector[ctx.deviceId] = own;
    const total = [...syncedTables.keys()].reduce(
      (sum, table) => sum + (reader.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
      0,
    );
    const stamp = `${String(Date.now()).padStart(15, '0')}-${ctx.deviceId}`;
    const prefix = `${layout.snapshotsPrefix(ctx.clinicId)}${stamp}/`;
    const parts: Manifest['parts'] = [];
    let done = 0;
    const flush = async (part: Part) => {
      const key = `${prefix}part-${String(parts.length + 1).padStart(5, '0')}`;
      const { bytes } = await sealJson(part, key, currentKey(ctx.keys));
      await ctx.objects.put(key, bytes);
      parts.push({ key, rows: part.rows.length + part.parked.length });
      done += part.rows.length;
      onProgress?.(done, total);
    };
    for (const table of syncedTables.keys()) {
      const statement = reader.prepare(
        `SELECT t.*, v.versions AS "__versions" FROM "${table}" t LEFT JOIN sync_row_versions v ON v.table_name = ? AND v.row_id = t.id`,
      );
      let part: Part | null = null;
      for (const raw of statement.iterate(table) as IterableIterator<Record<string, Value>>) {
        const { __versions: versions, ...row } = raw;
        part ??= { table, columns: Object.keys(row), rows: [], versions: [], parked: [] };
        part.rows.push(part.columns.map((column) => row[column] ?? null));
        part.versions.push(typeof versions === 'string' ? versions : JSON.stringify({ [ALL_COLUMNS]: String(row.hlc) }));
        if (part.rows.length >= ROWS_PER_PART) {
          await flush(part);
          part = null;
        }
      }
      if (part) await flush(part);
    }
    const parked = (reader.prepare('SELECT op FROM sync_quarantine').all() as { op: string }[])
      .map((row) => RemoteOp.safeParse(JSON.parse(row.op)))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
    if (parked.length > 0) await flush({ table: '', columns: [], rows: [], versions: [], parked });
    reader.prepare('COMMIT').run();
    const manifest: Manifest = {
      format: 1,
      clinicId: ctx.clinicId,
      writer: ctx.deviceId,
      createdAt: new Date().toISOString(),
      schema: ctx.schemaVersion,
      vector,
      parts,
    };
    const key = `${prefix}manifest`;
    const { bytes } = await sealJson(manifest, key, currentKey(ctx.keys));
    await ctx.objects.put(key, bytes);
    return { prefix, manifest };
  } finally {
    reader.close();
  }
}

/** Every complete snapshot in the store, newest first. */
export async function listSnapshots(ctx: SyncContext): Promise<string[]> {
  const listed = await ctx.objects.list(layout.snapshotsPrefix(ctx.clinicId));
  return listed
    .filter((object) => object.key.endsWith('/manifest'))
    .map((object) => object.key.slice(0, -'manifest'.length))
    .sort()
    .reverse();
}

export async function readManifest(ctx: SyncContext, prefix: string): Promise<Manifest> {
  const key = `${prefix}manifest`;
  const bytes = await ctx.objects.get(key);
  if (!bytes) throw new Error('The snapshot disappeared from the cloud while reading it.');
  return openJson(Manifest, bytes, key, (epoch) => ctx.keys.get(epoch));
}

/**
 * Merge a snapshot into this workstation through the remote write path (per-
 * column last writer wins, so nothing newer here is overwritten) and move each
 * device's cursor up to the snapshot's vector.
 */
export async function mergeSnapshot(ctx: SyncContext, applier: RemoteApplier, info: SnapshotInfo, onProgress?: Progress): Promise<number> {
  const total = info.manifest.parts.reduce((sum, part) => sum + part.rows, 0);
  let done = 0;
  for (const { key } of info.manifest.parts) {
    const bytes = await ctx.objects.get(key);
    if (!bytes) throw new Error('A part of the snapshot is missing from the cloud.');
    const part = await openJson(Part, bytes, key, (epoch) => ctx.keys.get(epoch));
    ctx.sqlite.transaction(() => {
      part.rows.forEach((values, index) => {
        const row = Object.fromEntries(part.columns.map((column, i) => [column, values[i] ?? null]));
        for (const op of rowAsOps(part.table, row, part.versions[index] ?? '{}')) applier.apply(op, info.manifest.writer);
      });
      for (const op of part.parked) applier.apply(op, info.manifest.writer);
      applier.saveClock();
    })();
    done += part.rows.length + part.parked.length;
    onProgress?.(done, total);
  }
  const advance = ctx.sqlite.prepare(
    `INSERT INTO sync_devices (device_id, applied_seq, applied_hash, head_seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET applied_seq = excluded.applied_seq, applied_hash = excluded.applied_hash,
       head_seq = max(head_seq, excluded.head_seq), head_etag = NULL
     WHERE excluded.applied_seq > sync_devices.applied_seq`,
  );
  ctx.sqlite.transaction(() => {
    for (const [device, cursor] of Object.entries(info.manifest.vector)) {
      if (device !== ctx.deviceId) advance.run(device, cursor.seq, cursor.hash, cursor.seq);
    }
  })();
  return done;
}

/** A snapshot row as the ops that would have produced it: the insert, then each later column stamp. */
function rowAsOps(table: string, row: Record<string, Value>, versionsJson: string): RemoteOp[] {
  let versions: ColumnVersions;
  try {
    versions = JSON.parse(versionsJson) as ColumnVersions;
  } catch {
    versions = {};
  }
  const id = String(row.id);
  const inserted = versions[ALL_COLUMNS] ?? String(row.hlc);
  const ops: RemoteOp[] = [{ id: `snapshot:${table}:${id}:${inserted}`, table, row: id, kind: 'insert', data: row, hlc: inserted }];
  const byStamp = new Map<string, Record<string, Value>>();
  for (const [column, stamp] of Object.entries(versions)) {
    if (column === ALL_COLUMNS || !(column in row)) continue;
    const data = byStamp.get(stamp) ?? {};
    data[column] = row[column] ?? null;
    byStamp.set(stamp, data);
  }
  for (const [stamp, data] of [...byStamp].sort(([a], [b]) => (a < b ? -1 : 1))) {
    ops.push({ id: `snapshot:${table}:${id}:${stamp}`, table, row: id, kind: 'update', data, hlc: stamp });
  }
  return ops;
}
