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

/** What this workstation knows of each device's log in the cloud, and how far it has applied it. */
export const syncDevices = sqliteTable('sync_devices', {
  deviceId: text('device_id').primaryKey(),
  /** Last segment of that device applied here (0 = none). */
  appliedSeq: integer('applied_seq').notNull().default(0),
  /** Hash of that segment: the next one must name it as its predecessor. */
  appliedHash: text('applied_hash'),
  /** Latest seq the device's head advertises. */
  headSeq: integer('head_seq').notNull().default(0),
  /** ETag of the head object when last read: an unchanged head is not read again. */
  headEtag: text('head_etag'),
  /** When a segment from it was last applied. */
  lastSeenAt: text('last_seen_at'),
  /** Its signing key, pinned from the roster the first time it was seen. */
  publicKey: text('public_key'),
  /** Its number prefix, to name it in messages. */
  label: text('label'),
});

/**
 * Remote ops that could not be applied yet (a row not seen yet, a table or
 * column from a newer Outpost, a clock far in the future). Retried after every
 * pull; never dropped, never blocking the device's cursor.
 */
export const syncQuarantine = sqliteTable(
  'sync_quarantine',
  {
    opId: text('op_id').primaryKey(),
    deviceId: text('device_id').notNull(),
    hlc: text('hlc').notNull(),
    /** The op as received (JSON). */
    op: text('op').notNull(),
    reason: text('reason', { enum: ['missing_row', 'unknown_table', 'unknown_columns', 'clock_ahead', 'rejected'] }).notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('sync_quarantine_hlc').on(t.hlc)],
);
