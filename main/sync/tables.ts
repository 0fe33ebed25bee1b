/**
 * The synced tables, found from the schema itself: every table that carries
 * the change-capture columns. Remote ops name tables by SQL name; anything
 * not listed here is a table from a newer Outpost and is quarantined.
 */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema';
import type { SyncedTable } from './mutate';

function isSynced(value: unknown): value is SyncedTable {
  if (!is(value, SQLiteTable)) return false;
  const columns = getTableColumns(value);
  return 'hlc' in columns && 'originDevice' in columns && 'deletedAt' in columns;
}

const tables: unknown[] = Object.values(schema);

export const syncedTables: ReadonlyMap<string, SyncedTable> = new Map(
  tables.filter(isSynced).map((table): [string, SyncedTable] => [getTableName(table), table]),
);
