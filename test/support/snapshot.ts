/**
 * A deterministic dump of every table of a workstation database, read through
 * a separate read-only connection, so a test can assert that a refused call
 * changed nothing. The one column masked by default is a session's
 * `last_seen_at`: every authenticated call (refused or not) legitimately
 * refreshes it to keep the session alive, and it is not clinic data. The
 * audit trail is left out too (with its outbox ops, row versions and the
 * clock it advances): a refused call is audited on purpose, and the audit
 * tests read the trail directly. So is the count of failed sign-ins
 * (`login_failures`): a refused sign-in is counted on purpose, and the
 * lockout tests read it directly.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Dump = Record<string, Record<string, unknown>[]>;

export interface SnapshotOptions {
  /** Table -> columns replaced by a placeholder before comparing. */
  volatile?: Record<string, string[]>;
}

export const DEFAULT_VOLATILE: Record<string, string[]> = { sessions: ['last_seen_at'] };

function normalise(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `blob:${value.toString('hex')}`;
  if (typeof value === 'bigint') return `bigint:${value.toString()}`;
  return value;
}

function isAuditFootprint(table: string, row: Record<string, unknown>): boolean {
  if (table === 'sync_outbox' || table === 'sync_row_versions') return row.table_name === 'audit_events';
  // The clock and the outbox's id counter move with every write, the audit row's too.
  return (table === 'sync_state' && row.key === 'hlc') || (table === 'sqlite_sequence' && row.name === 'sync_outbox');
}

/** Dump a database file (a dataDir holding outpost.db, or the file itself). */
export function snapshotDb(dataDirOrFile: string, options: SnapshotOptions = {}): Dump {
  const file = dataDirOrFile.endsWith('.db') ? dataDirOrFile : join(dataDirOrFile, 'outpost.db');
  const volatile = options.volatile ?? DEFAULT_VOLATILE;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
      sql: string | null;
    }[];
    const dump: Dump = {};
    for (const { name, sql } of tables) {
      // Virtual tables are dumped through their shadow tables, which are ordinary tables.
      if (sql?.toUpperCase().startsWith('CREATE VIRTUAL TABLE')) continue;
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const withoutRowid = /WITHOUT\s+ROWID/i.test(sql ?? '');
      const columns = (sqlite.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string }[]).map((c) => c.name);
      const order = withoutRowid ? columns.map((_c, i) => String(i + 1)).join(', ') : 'rowid';
      const rows = sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).all() as Record<string, unknown>[];
      const masked = new Set(volatile[name] ?? []);
      if (name === 'audit_events' || name === 'login_failures') continue;
      dump[name] = rows
        .filter((row) => !isAuditFootprint(name, row))
        .map((row) =>
          Object.fromEntries(Object.entries(row).map(([key, value]) => [key, masked.has(key) ? '<volatile>' : normalise(value)])),
        );
    }
    return dump;
  } finally {
    sqlite.close();
  }
}

/** Read rows with a separate read-only connection (for asserting on stored state). */
export function queryDb<T = Record<string, unknown>>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(join(dataDir, 'outpost.db'), { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}
