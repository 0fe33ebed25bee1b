/**
 * Opens the workstation database: pragmas, migrations, and the guard that
 * refuses a database written by a newer Outpost (opening it with older code
 * could corrupt data the newer schema relies on).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of Outpost (schema ${found}, this app knows ${supported}). ` +
        'Update Outpost on this workstation before opening it; nothing was changed.',
    );
    this.name = 'NewerSchemaError';
  }
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: ReturnType<typeof drizzle>;
  schemaVersion: number;
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function migrationsFolder(): string {
  return process.env.OUTPOST_MIGRATIONS ?? join(import.meta.dirname, 'migrations');
}

export function bundledSchemaVersion(folder = migrationsFolder()): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}

export function openDatabase(file: string, folder = migrationsFolder()): OpenedDatabase {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    registerFunctions(sqlite);
    const supported = bundledSchemaVersion(folder);
    const found = appliedMigrations(sqlite);
    if (found > supported) throw new NewerSchemaError(found, supported);
    // Only after the guard: switching to WAL rewrites the file header of a rollback-journal database.
    sqlite.pragma('journal_mode = WAL');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: folder });
    return { sqlite, db, schemaVersion: supported };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return 0;
  const row = sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return row.n;
}

/** SQL functions the schema's triggers rely on; registered on every connection. */
function registerFunctions(sqlite: Database.Database): void {
  sqlite.function('patient_phone_tokens', { deterministic: true }, (phone: unknown) => phoneSearchTokens(phone));
}

/** A phone number as search tokens: all digits, and the last 7 and 4 digits (how people type them). */
export function phoneSearchTokens(phone: unknown): string {
  if (typeof phone !== 'string') return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return '';
  return [...new Set([digits, digits.slice(-7), digits.slice(-4)])].join(' ');
}
