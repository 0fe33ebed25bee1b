/**
 * The one write path for synced tables (ARCHITECTURE §3). In ONE SQLite
 * transaction it writes the row, stamps it with the HLC, records the HLC of
 * every column written and appends an op to the outbox. Services never write a
 * synced table any other way, so the outbox is always a complete description of
 * local changes. Remote ops will be applied by the sync engine through a
 * separate path that records versions without appending to the outbox.
 */
import type Database from 'better-sqlite3';
import { getTableName, type InferSelectModel } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import { HybridLogicalClock } from './hlc';
import { TableStatements, type DriverRow, type DriverValue } from './statements';
import { ALL_COLUMNS, type ColumnVersions } from './versions';

type SyncColumnKey = 'id' | 'createdAt' | 'updatedAt' | 'hlc' | 'deletedAt' | 'originDevice';

/** Any drizzle table that carries the sync columns. */
export type SyncedTable = SQLiteTable & Record<SyncColumnKey, SQLiteColumn>;

type InsertShape<T extends SyncedTable> = T['$inferInsert'];
type WithoutSyncColumns<R> = { [K in keyof R as K extends SyncColumnKey ? never : K]: R[K] };
export type NewRow<T extends SyncedTable> = WithoutSyncColumns<InsertShape<T>> & { id?: string };
export type RowPatch<T extends SyncedTable> = Partial<WithoutSyncColumns<InsertShape<T>>>;
export type Row<T extends SyncedTable> = InferSelectModel<T>;

export interface Writer {
  /** Insert a new row; returns its id (a UUIDv7 unless given). */
  insert<T extends SyncedTable>(table: T, values: NewRow<T>): string;
  /** Write only the columns whose value changes; returns the names of the changed columns. */
  update<T extends SyncedTable>(table: T, id: string, patch: RowPatch<T>): string[];
  /** Tombstone a row (synced rows are never hard-deleted). */
  remove<T extends SyncedTable>(table: T, id: string): void;
  /** Bring a tombstoned row back (e.g. a deletion that raced an edit elsewhere, undone by a person). */
  restore<T extends SyncedTable>(table: T, id: string): void;
}

export type DrizzleDb = BetterSQLite3Database<Record<string, unknown>>;

export class ChangeCapture {
  private readonly listeners = new Set<(tables: string[]) => void>();
  private readonly tables = new Map<string, TableStatements>();
  private readonly log: ReturnType<typeof prepareLog>;
  private touched = new Set<string>();
  private depth = 0;

  constructor(
    private readonly sqlite: Database.Database,
    readonly clock: HybridLogicalClock,
  ) {
    this.log = prepareLog(sqlite);
  }

  get deviceId(): string {
    return this.clock.deviceId;
  }

  /** Subscribe to the tables changed by each committed mutation. */
  onCommit(listener: (tables: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Run `work` in one transaction; every write it makes through the writer is captured. */
  mutate<R>(work: (writer: Writer) => R): R {
    const outermost = this.depth === 0;
    this.depth += 1;
    try {
      const run = this.sqlite.transaction(() => {
        const result = work(this.writer);
        if (outermost) this.persistClock();
        return result;
      });
      const result = run();
      if (outermost && this.touched.size > 0) {
        const tables = [...this.touched].sort();
        this.touched = new Set();
        for (const listener of this.listeners) listener(tables);
      }
      return result;
    } catch (error) {
      if (outermost) this.touched = new Set();
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  private readonly writer: Writer = {
    insert: (table, values) => this.insertRow(table, values),
    update: (table, id, patch) => this.updateRow(table, id, patch),
    remove: (table, id) => this.removeRow(table, id),
    restore: (table, id) => this.restoreRow(table, id),
  };

  private statementsFor(table: SyncedTable): TableStatements {
    const name = getTableName(table);
    let statements = this.tables.get(name);
    if (!statements) {
      statements = new TableStatements(this.sqlite, table);
      this.tables.set(name, statements);
    }
    return statements;
  }

  private insertRow<T extends SyncedTable>(table: T, values: NewRow<T>): string {
    const statements = this.statementsFor(table);
    statements.assertKeys(values);
    const hlc = this.clock.tick();
    const now = new Date().toISOString();
    const id = values.id ?? uuidv7();
    const row = statements.toDriverRow(
      { ...values, id, createdAt: now, updatedAt: now, hlc, deletedAt: null, originDevice: this.deviceId },
      true,
    );
    statements.insert(row);
    this.record(statements.name, id, 'insert', row, hlc, { [ALL_COLUMNS]: hlc });
    return id;
  }

  private updateRow<T extends SyncedTable>(table: T, id: string, patch: RowPatch<T>): string[] {
    const statements = this.statementsFor(table);
    statements.assertKeys(patch);
    const current = statements.select(id);
    if (!current) throw new Error(`Row ${statements.name}/${id} not found`);
    const wanted = statements.toDriverRow(patch, false);
    const changed = Object.keys(wanted).filter((column) => !sameValue(wanted[column], current[column]));
    if (changed.length === 0) return [];
    const previous = this.versionsOf(statements.name, id);
    const hlc = this.clock.tickAfter(newestVersion(previous, current));
    const payload: DriverRow = { updated_at: new Date().toISOString() };
    for (const column of changed) payload[column] = wanted[column] ?? null;
    statements.update(id, { ...payload, hlc });
    this.record(statements.name, id, 'update', payload, hlc, previous);
    return changed;
  }

  private removeRow<T extends SyncedTable>(table: T, id: string): void {
    const statements = this.statementsFor(table);
    const current = statements.select(id);
    if (!current) throw new Error(`Row ${statements.name}/${id} not found`);
    if (current.deleted_at) return;
    const previous = this.versionsOf(statements.name, id);
    const hlc = this.clock.tickAfter(newestVersion(previous, current));
    const now = new Date().toISOString();
    const payload: DriverRow = { deleted_at: now, updated_at: now };
    statements.update(id, { ...payload, hlc });
    this.record(statements.name, id, 'delete', payload, hlc, previous);
  }

  private restoreRow<T extends SyncedTable>(table: T, id: string): void {
    const statements = this.statementsFor(table);
    const current = statements.select(id);
    if (!current) throw new Error(`Row ${statements.name}/${id} not found`);
    if (!current.deleted_at) return;
    const previous = this.versionsOf(statements.name, id);
    const hlc = this.clock.tickAfter(newestVersion(previous, current));
    const payload: DriverRow = { deleted_at: null, updated_at: new Date().toISOString() };
    statements.update(id, { ...payload, hlc });
    this.record(statements.name, id, 'update', payload, hlc, previous);
  }

  private versionsOf(tableName: string, rowId: string): ColumnVersions {
    const row = this.log.readVersions.get(tableName, rowId) as { versions: string } | undefined;
    return row ? (JSON.parse(row.versions) as ColumnVersions) : {};
  }

  private record(
    tableName: string,
    rowId: string,
    kind: 'insert' | 'update' | 'delete',
    payload: DriverRow,
    hlc: string,
    previousVersions: ColumnVersions,
  ): void {
    const versions = { ...previousVersions };
    if (kind !== 'insert') for (const column of Object.keys(payload)) versions[column] = hlc;
    this.log.writeVersions.run(tableName, rowId, JSON.stringify(versions));
    this.log.appendOp.run(uuidv7(), tableName, rowId, kind, JSON.stringify(payload, bigintSafe), hlc);
    this.touched.add(tableName);
  }

  private persistClock(): void {
    this.log.saveClock.run(JSON.stringify(this.clock.snapshot()));
  }
}

/** The newest stamp the row carries: its own hlc column, or any column version. */
function newestVersion(versions: ColumnVersions, row: DriverRow): string | undefined {
  let newest = typeof row.hlc === 'string' ? row.hlc : undefined;
  for (const stamp of Object.values(versions)) if (newest === undefined || stamp > newest) newest = stamp;
  return newest;
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Driver values compare by value; buffers by content. */
function sameValue(a: DriverValue | undefined, b: DriverValue | undefined): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return (a ?? null) === (b ?? null);
}

function prepareLog(sqlite: Database.Database) {
  return {
    readVersions: sqlite.prepare('SELECT versions FROM sync_row_versions WHERE table_name = ? AND row_id = ?'),
    writeVersions: sqlite.prepare(
      'INSERT INTO sync_row_versions (table_name, row_id, versions) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET versions = excluded.versions',
    ),
    appendOp: sqlite.prepare('INSERT INTO sync_outbox (op_id, table_name, row_id, kind, payload, hlc) VALUES (?, ?, ?, ?, ?, ?)'),
    saveClock: sqlite.prepare(
      "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
  };
}
