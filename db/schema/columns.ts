/**
 * The change-capture columns every synced table carries (ARCHITECTURE §3).
 * Rows are never hard-deleted while synced: `deleted_at` is a tombstone.
 */
import { text } from 'drizzle-orm/sqlite-core';

export const syncColumns = {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  hlc: text('hlc').notNull(),
  deletedAt: text('deleted_at'),
  originDevice: text('origin_device').notNull(),
};
