/**
 * The additive-only rule for synced tables (ARCHITECTURE §4): workstations on
 * different versions exchange ops, so a synced column may never be dropped or
 * renamed. The committed snapshot (schema-snapshot.json) lists every synced
 * column ever released; the guard test fails if the schema loses one.
 * After adding columns, refresh the snapshot with `npm run db:snapshot`.
 */
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { SQLiteTable as SQLiteTableClass } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export type SchemaShape = Record<string, string[]>;

/** Synced tables (those with the change-capture columns) and their columns. */
export function syncedSchemaShape(): SchemaShape {
  const shape: SchemaShape = {};
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTableClass)) continue;
    const config = getTableConfig(value as SQLiteTable);
    const columns = config.columns.map((c) => c.name);
    if (!columns.includes('hlc') || !columns.includes('origin_device')) continue;
    shape[config.name] = columns.sort();
  }
  return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
}

/** Columns present in the snapshot but missing now, as "table.column". */
export function removedColumns(snapshot: SchemaShape, current: SchemaShape): string[] {
  return Object.entries(snapshot).flatMap(([table, columns]) =>
    columns.filter((c) => !current[table]?.includes(c)).map((c) => `${table}.${c}`),
  );
}
