/**
 * Workstations reduced to their sync engine's pieces, for tests that need
 * many replicas fast: a real SQLite file (copied from a migrated template),
 * the real write path (ChangeCapture), and the real Pusher, Puller and
 * RemoteApplier over a real FolderStore shared by every replica. No core, no
 * services, no timers: the test decides who writes, pushes and pulls when,
 * and which devices' heads each replica can see (a partition), on a virtual
 * clock so a run replays exactly from its seed.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/open';
import { RemoteApplier } from '../../main/sync/apply';
import type { SyncContext } from '../../main/sync/context';
import { HybridLogicalClock, type HlcState } from '../../main/sync/hlc';
import type { DataKeys } from '../../main/sync/keyring';
import { layout } from '../../main/sync/layout';
import { ChangeCapture } from '../../main/sync/mutate';
import { FolderStore } from '../../main/sync/objects/folder';
import type { ListedObject, ObjectStore } from '../../main/sync/objects/types';
import { Puller, type PullResult, type SyncAlarm } from '../../main/sync/pull';
import { Pusher, type PushLimits } from '../../main/sync/push';
import { deviceKey, publishRosterEntry } from '../../main/sync/roster';
import type { RemoteOp } from '../../main/sync/segment';
import { syncedTables } from '../../main/sync/tables';

/** A fresh clinic data key (no keyring file: these replicas are given the key). */
export function testKeys(): DataKeys {
  return new Map([[1, randomBytes(32)]]);
}

/** Migrate one database once; replicas start as copies of it (≈3 ms instead of ≈12 ms each). */
export function migratedTemplate(dir: string): string {
  const file = join(dir, 'template.db');
  const { sqlite } = openDatabase(file);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return file;
}

/**
 * The store as one replica sees it: heads of `hidden` devices are left out of
 * listings, as if their writes had not reached this replica yet.
 */
export class PartitionedStore implements ObjectStore {
  readonly hidden = new Set<string>();
  readonly description: string;

  constructor(
    readonly inner: ObjectStore,
    private readonly clinicId: string,
  ) {
    this.description = inner.description;
  }

  create(key: string, body: Uint8Array): Promise<'created' | 'exists'> {
    return this.inner.create(key, body);
  }
  put(key: string, body: Uint8Array): Promise<void> {
    return this.inner.put(key, body);
  }
  get(key: string): Promise<Uint8Array | null> {
    return this.inner.get(key);
  }
  async list(prefix: string, startAfter?: string): Promise<ListedObject[]> {
    const listed = await this.inner.list(prefix, startAfter);
    if (prefix !== layout.headsPrefix(this.clinicId) || this.hidden.size === 0) return listed;
    return listed.filter((object) => !this.hidden.has(object.key.slice(prefix.length)));
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  clockSkewMs(): number | null {
    return this.inner.clockSkewMs();
  }
}

export interface ReplicaOptions {
  /** Folder of this replica's database file. */
  dir: string;
  template: string;
  /** The shared cloud folder (or any store). */
  objects: ObjectStore;
  clinicId: string;
  keys: DataKeys;
  deviceId: string;
  /** This replica's wall clock (ms). */
  now: () => number;
  /** The clock the applier judges "too far in the future" by; defaults to the replica's HLC wall clock, as in the engine. */
  applierNow?: () => number;
  pushLimits?: PushLimits;
  maxSegmentsPerDevice?: number;
}

export type Dump = Record<string, Record<string, unknown>[]>;

export class Replica {
  readonly sqlite: Database.Database;
  readonly capture: ChangeCapture;
  readonly applier: RemoteApplier;
  readonly store: PartitionedStore;
  readonly ctx: SyncContext;
  private readonly pusher: Pusher;
  private readonly puller: Puller;
  /** Every alarm any pull raised: a run without tampering must have none. */
  readonly alarms: SyncAlarm[] = [];
  private published = false;

  constructor(readonly options: ReplicaOptions) {
    mkdirSync(options.dir, { recursive: true });
    const file = join(options.dir, `${options.deviceId}.db`);
    if (!existsSync(file)) copyFileSync(options.template, file);
    const opened = openDatabase(file);
    this.sqlite = opened.sqlite;
    // Durability across power loss is not what these tests are about (sync-crash.test.ts is): skip the fsyncs.
    this.sqlite.pragma('synchronous = OFF');
    // The clock as a restarted workstation has it: what was persisted (main/services/store.ts does the same).
    const saved = this.sqlite.prepare("SELECT value FROM sync_state WHERE key = 'hlc'").get() as { value: string } | undefined;
    const clock = new HybridLogicalClock(options.deviceId, saved ? (JSON.parse(saved.value) as HlcState) : undefined, options.now);
    this.capture = new ChangeCapture(this.sqlite, clock);
    // As the engine does: "too far ahead" is judged by this workstation's (store-corrected) wall clock.
    this.applier = new RemoteApplier(this.sqlite, clock, options.applierNow ?? (() => clock.wallNow()));
    this.store = new PartitionedStore(options.objects, options.clinicId);
    this.ctx = {
      sqlite: this.sqlite,
      objects: this.store,
      clinicId: options.clinicId,
      deviceId: options.deviceId,
      keys: options.keys,
      schemaVersion: opened.schemaVersion,
      deviceKey: deviceKey(this.sqlite, options.deviceId),
    };
    this.pusher = new Pusher(this.ctx, options.pushLimits);
    this.puller = new Puller(this.ctx, this.applier, options.maxSegmentsPerDevice);
  }

  get deviceId(): string {
    return this.options.deviceId;
  }

  /** Push everything pending; the first time, publish this device's signing key in the roster (as the engine does). */
  async push(): Promise<number> {
    if (!this.published) {
      await publishRosterEntry(this.ctx, this.ctx.deviceKey, this.deviceId);
      this.published = true;
    }
    return this.pusher.pushAll();
  }

  /** One pull round, as one poll of the engine does. */
  async pullOnce(): Promise<PullResult> {
    const result = await this.puller.pull();
    this.alarms.push(...result.alarms);
    return result;
  }

  /** Pull until nothing more can be fetched (what the engine's rounds do). */
  async pullAll(maxRounds = 1000): Promise<PullResult> {
    for (let round = 1; ; round += 1) {
      const result = await this.pullOnce();
      if (result.behind === 0 || result.segments === 0 || round >= maxRounds) return result;
    }
  }

  /** Forget how much of a device's log was applied: its segments are fetched and applied again. */
  resetCursor(deviceId: string): void {
    this.sqlite.prepare('UPDATE sync_devices SET applied_seq = 0, applied_hash = NULL, head_etag = NULL WHERE device_id = ?').run(deviceId);
  }

  /** Every synced table, every column, ordered by id: what must be equal on every replica. */
  dump(): Dump {
    const dump: Dump = {};
    for (const table of [...syncedTables.keys()].sort())
      dump[table] = this.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Record<string, unknown>[];
    return dump;
  }

  /** Every op this replica wrote (pushed or not), as the other replicas receive them. */
  outbox(): RemoteOp[] {
    const rows = this.sqlite
      .prepare('SELECT op_id AS id, table_name AS "table", row_id AS row, kind, payload, hlc FROM sync_outbox ORDER BY seq')
      .all() as (Omit<RemoteOp, 'data'> & { payload: string })[];
    return rows.map(({ payload, ...op }) => ({ ...op, data: JSON.parse(payload) as RemoteOp['data'] }));
  }

  quarantined(): { opId: string; reason: string }[] {
    return this.sqlite.prepare('SELECT op_id AS opId, reason FROM sync_quarantine ORDER BY hlc').all() as {
      opId: string;
      reason: string;
    }[];
  }

  /** The newest stamp this replica holds for any column of a row (what a new local write must beat). */
  newestStamp(table: string, rowId: string): string {
    const row = this.sqlite.prepare('SELECT versions FROM sync_row_versions WHERE table_name = ? AND row_id = ?').get(table, rowId) as
      { versions: string } | undefined;
    const stamps = row ? Object.values(JSON.parse(row.versions) as Record<string, string>) : [];
    return stamps.sort().at(-1) ?? '';
  }

  /** Close and open again over the same file: a restarted workstation (in-memory state gone). */
  restart(): Replica {
    this.close();
    return new Replica(this.options);
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}

/** A cloud folder with one clinic in it, and a way to add replicas of that clinic. */
export class TestCloud {
  readonly objects: FolderStore;
  readonly replicas: Replica[] = [];

  constructor(
    readonly folder: string,
    readonly clinicId: string,
    private readonly template: string,
    private readonly dbDir: string,
    readonly keys: DataKeys = testKeys(),
  ) {
    mkdirSync(folder, { recursive: true });
    this.objects = new FolderStore(folder);
  }

  replica(deviceId: string, options: Partial<Omit<ReplicaOptions, 'deviceId'>> & { now: () => number }): Replica {
    const replica = new Replica({
      dir: this.dbDir,
      template: this.template,
      objects: this.objects,
      clinicId: this.clinicId,
      keys: this.keys,
      ...options,
      deviceId,
    });
    this.replicas.push(replica);
    return replica;
  }

  /** Restart a replica (see Replica.restart), keeping it in the list closed at the end. */
  restart(replica: Replica): Replica {
    const restarted = replica.restart();
    this.replicas.push(restarted);
    return restarted;
  }

  close(): void {
    for (const replica of this.replicas.splice(0)) replica.close();
  }
}
