/**
 * Local bookkeeping for change capture. These tables are never synced
 * themselves: the outbox is what the sync engine pushes, row versions are what
 * the merge compares against.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, primaryKey } from 'drizzle-orm/sqlite-core';

/** Append-only queue of ops not yet pushed, in commit order. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    kind: text('kind', { enum: ['insert', 'update', 'delete'] }).notNull(),
    /** JSON object of SQL column name -> new value (only the columns written). */
    payload: text('payload').notNull(),
    hlc: text('hlc').notNull(),
    pushedAt: text('pushed_at'),
  },
  // Counting and taking unsent ops must not scan the whole (ever-growing) outbox.
  (t) => [
    index('sync_outbox_pending')
      .on(t.seq)
      .where(sql`pushed_at IS NULL`),
  ],
);

/** HLC of the last write of each column of each synced row (JSON map column -> hlc). */
export const syncRowVersions = sqliteTable(
  'sync_row_versions',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    versions: text('versions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] })],
);

/** Device identity and clock state of this workstation. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
