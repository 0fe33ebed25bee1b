/** This workstation's sync bookkeeping (identity, keys, cursors of its own log): one key-value table, never synced. */
import type Database from 'better-sqlite3';

export function readState(sqlite: Database.Database, key: string): string | undefined {
  return (sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function writeState(sqlite: Database.Database, key: string, value: string): void {
  sqlite
    .prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}
