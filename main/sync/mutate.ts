/**
 * The one write path for synced tables (ARCHITECTURE §3). In ONE SQLite
 * transaction it writes the row, stamps it with the HLC, records the HLC of
 * every column written and appends an op to the outbox. Services never write a
 * synced table any other way, so the outbox is always a complete description of
 * local changes. Remote ops will be applied by the sync engine through a
 * separate path that records versions without appending to the outbox.
 */
import type Database from 'better-sqlite3';
import { and, eq, getTableColumns, getTableName, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import { syncOutbox, syncRowVersions, syncState } from '../../db/schema';
import { HybridLogicalClock } from './hlc';

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
}

export type DrizzleDb = BetterSQLite3Database<Record<string, unknown>>;
type DriverValue = string | number | bigint | Buffer | null;

export class ChangeCapture {
  private readonly listeners = new Set<(tables: string[]) => void>();
  private touched = new Set<string>();
  private depth = 0;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly db: DrizzleDb,
    readonly clock: HybridLogicalClock,
  ) {}

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
  };

  private insertRow<T extends SyncedTable>(table: T, values: NewRow<T>): string {
    const hlc = this.clock.tick();
    const now = new Date().toISOString();
    const id = values.id ?? uuidv7();
    const full = {
      ...values,
      id,
      createdAt: now,
      updatedAt: now,
      hlc,
      deletedAt: null,
      originDevice: this.deviceId,
    } as InferInsertModel<T>;
    this.db.insert(table).values(full).run();
    // Read back so the op carries defaults exactly as stored.
    const stored = this.db.select().from(table).where(eq(table.id, id)).get() as Record<string, unknown>;
    const payload = toDriverValues(table, stored);
    this.record(table, id, 'insert', payload, hlc, {});
    return id;
  }

  private updateRow<T extends SyncedTable>(table: T, id: string, patch: RowPatch<T>): string[] {
    const current = this.db.select().from(table).where(eq(table.id, id)).get() as Record<string, unknown> | undefined;
    if (!current) throw new Error(`Row ${getTableName(table)}/${id} not found`);
    const before = toDriverValues(table, current);
    const after = toDriverValues(table, { ...current, ...patch });
    const changed = Object.keys(after).filter((column) => after[column] !== before[column]);
    if (changed.length === 0) return [];
    const hlc = this.clock.tick();
    const now = new Date().toISOString();
    const set = { ...patch, updatedAt: now, hlc } as Partial<InferInsertModel<T>>;
    this.db.update(table).set(set).where(eq(table.id, id)).run();
    const payload: Record<string, DriverValue> = { updated_at: now };
    for (const column of changed) payload[column] = after[column] ?? null;
    this.record(table, id, 'update', payload, hlc, this.versionsOf(table, id));
    return changed;
  }

  private removeRow<T extends SyncedTable>(table: T, id: string): void {
    const current = this.db.select({ deletedAt: table.deletedAt }).from(table).where(eq(table.id, id)).get();
    if (!current) throw new Error(`Row ${getTableName(table)}/${id} not found`);
    if (current.deletedAt) return;
    const hlc = this.clock.tick();
    const now = new Date().toISOString();
    const set = { deletedAt: now, updatedAt: now, hlc } as Partial<InferInsertModel<T>>;
    this.db.update(table).set(set).where(eq(table.id, id)).run();
    this.record(table, id, 'delete', { deleted_at: now, updated_at: now }, hlc, this.versionsOf(table, id));
  }

  private versionsOf(table: SyncedTable, id: string): Record<string, string> {
    const row = this.db
      .select({ versions: syncRowVersions.versions })
      .from(syncRowVersions)
      .where(eqRow(getTableName(table), id))
      .get();
    return row ? (JSON.parse(row.versions) as Record<string, string>) : {};
  }

  private record(
    table: SyncedTable,
    rowId: string,
    kind: 'insert' | 'update' | 'delete',
    payload: Record<string, DriverValue>,
    hlc: string,
    previousVersions: Record<string, string>,
  ): void {
    const tableName = getTableName(table);
    const versions = { ...previousVersions };
    for (const column of Object.keys(payload)) versions[column] = hlc;
    this.db
      .insert(syncRowVersions)
      .values({ tableName, rowId, versions: JSON.stringify(versions) })
      .onConflictDoUpdate({ target: [syncRowVersions.tableName, syncRowVersions.rowId], set: { versions: JSON.stringify(versions) } })
      .run();
    this.db
      .insert(syncOutbox)
      .values({ opId: uuidv7(), tableName, rowId, kind, payload: JSON.stringify(payload, bigintSafe), hlc })
      .run();
    this.touched.add(tableName);
  }

  private persistClock(): void {
    const value = JSON.stringify(this.clock.snapshot());
    this.db.insert(syncState).values({ key: 'hlc', value }).onConflictDoUpdate({ target: syncState.key, set: { value } }).run();
  }
}

function eqRow(tableName: string, rowId: string) {
  return and(eq(syncRowVersions.tableName, tableName), eq(syncRowVersions.rowId, rowId));
}

/** Map a row of JS values (drizzle keys) to SQL column name -> driver value. */
function toDriverValues(table: SyncedTable, row: Record<string, unknown>): Record<string, DriverValue> {
  const out: Record<string, DriverValue> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[key];
    out[column.name] = value === undefined || value === null ? null : (column.mapToDriverValue(value) as DriverValue);
  }
  return out;
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
