/**
 * Note snippets: short reusable texts a clinician expands in the SOAP editor
 * by typing their trigger. A snippet is personal (owner_id set) or shared by
 * the clinic (owner_id null). The defaults that ship with Outpost live in
 * code under fixed ids; a clinic's edit of one is a row under the same id,
 * and deleting one is that row's tombstone, so the change reaches every
 * workstation. Triggers are unique per owner by the service, not by a
 * constraint: two offline workstations may still create the same one.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const snippets = sqliteTable(
  'snippets',
  {
    ...syncColumns,
    /** The user whose personal snippet this is; null for a clinic-wide snippet. */
    ownerId: text('owner_id'),
    /** Typed in the note, then Space or Tab, to expand it (e.g. "normexam"), kept lower case. */
    trigger: text('trigger_word').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('snippets_owner').on(t.ownerId)],
);
