/**
 * db/open.ts: the pragmas every connection relies on, idempotent migrations,
 * and the guard that refuses — without touching a byte — a database written
 * by a newer Outpost (older code could corrupt data the newer schema needs).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledSchemaVersion, migrationsFolder, NewerSchemaError, openDatabase } from '../../db/open';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-open-'));
  dirs.push(dir);
  return join(dir, 'outpost.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Migrations the app ships, read from the journal itself. */
const shipped = (JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries
  .length;

function fingerprint(file: string): { sha256: string; files: string[] } {
  const dir = join(file, '..');
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), files: readdirSync(dir).sort() };
}

/** A database as a newer Outpost would leave it: one migration more than this app knows. */
function newerDatabase(journalMode: 'wal' | 'delete'): string {
  const file = tempFile();
  openDatabase(file).sqlite.close();
  const sqlite = new Database(file);
  sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future-migration', Date.now() + 1000);
  sqlite.prepare("INSERT INTO sync_state (key, value) VALUES ('written_by', 'a newer version')").run();
  sqlite.pragma(`journal_mode = ${journalMode}`);
  sqlite.close();
  return file;
}

describe('openDatabase', () => {
  it('sets WAL, foreign keys and a busy timeout, and applies every shipped migration', () => {
    expect(shipped).toBeGreaterThanOrEqual(2);
    const { sqlite, schemaVersion } = openDatabase(tempFile());
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(schemaVersion).toBe(shipped);
      expect(bundledSchemaVersion()).toBe(shipped);
      expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: shipped });
      const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['patients', 'appointments', 'sync_outbox', 'sync_row_versions', 'patient_search']));
      // The SQL function the search triggers need is registered on the connection.
      expect(sqlite.prepare("SELECT patient_phone_tokens('(312) 555-0147') AS t").get()).toEqual({ t: '3125550147 5550147 0147' });
    } finally {
      sqlite.close();
    }
  });

  it('reopens idempotently: no migration re-run, schema and data kept', () => {
    const file = tempFile();
    const first = openDatabase(file);
    first.sqlite.prepare("INSERT INTO sync_state (key, value) VALUES ('probe', 'kept')").run();
    const schema = first.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    first.sqlite.close();
    for (let i = 0; i < 2; i++) {
      const again = openDatabase(file);
      try {
        expect(again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: shipped });
        expect(again.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
        expect(again.sqlite.prepare("SELECT value FROM sync_state WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
      } finally {
        again.sqlite.close();
      }
    }
  });

  it.each(['wal', 'delete'] as const)(
    'refuses a database from a newer schema (%s journal) with a clear message and leaves the file unchanged',
    (mode) => {
      const file = newerDatabase(mode);
      const before = fingerprint(file);
      let thrown: unknown;
      try {
        openDatabase(file).sqlite.close();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(NewerSchemaError);
      const error = thrown as NewerSchemaError;
      expect(error.name).toBe('NewerSchemaError');
      expect(error.found).toBe(shipped + 1);
      expect(error.supported).toBe(shipped);
      expect(error.message).toMatch(/newer version of Outpost/);
      expect(error.message).toMatch(/Update Outpost/);
      expect(error.message).toMatch(/nothing was changed/);
      expect(fingerprint(file)).toEqual(before);
      // The file is still readable and still says what it said.
      const sqlite = new Database(file, { readonly: true });
      expect(sqlite.prepare("SELECT value FROM sync_state WHERE key = 'written_by'").get()).toEqual({ value: 'a newer version' });
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe(mode);
      sqlite.close();
    },
  );
});
