/**
 * Encrypted backups of the whole practice: the workstation's database copied
 * with SQLite's online backup (safe while the workstation runs), sealed with
 * a key derived from a backup passphrase (scrypt, then AES-256-GCM; the same
 * primitives as the sync, main/sync/crypto.ts) and written atomically. The
 * file's first line is a readable header (what it is, when, the key
 * parameters), bound to the sealed body so neither can be swapped or edited.
 * Restoring checks the passphrase and the content before anything on disk
 * changes, keeps any database it replaces beside it, and migrates an older
 * backup to this version's schema. A restored workstation finds out by itself
 * that its copy is a fork when it next syncs (ARCHITECTURE §4).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../db/open';
import { deriveKek, SealError, seal, unseal, type ScryptParameters } from '../../sync/crypto';

const FORMAT = 'outpost-backup';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0');

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  kdf: ScryptParameters;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 12)
    throw new BackupError('Choose a backup passphrase of at least 12 characters, and keep it apart from the file.');
}

/** Back up the open database to `file`; returns the file's size in bytes. */
export async function writeBackup(sqlite: Database.Database, file: string, passphrase: string, log2N = 17): Promise<number> {
  checkPassphrase(passphrase);
  const copy = join(tmpdir(), `outpost-backup-${randomBytes(8).toString('hex')}.db`);
  try {
    await sqlite.backup(copy);
    const plain = await readFile(copy);
    const header: Header = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      kdf: { log2N, r: 8, p: 1, salt: randomBytes(16).toString('base64') },
    };
    const headerLine = JSON.stringify(header);
    const key = await deriveKek(passphrase, header.kdf);
    const sealed = await seal(plain, headerLine, { epoch: 0, key });
    const bytes = Buffer.concat([Buffer.from(`${headerLine}\n`), sealed]);
    await writeFile(`${file}.partial`, bytes, { mode: 0o600 });
    await rename(`${file}.partial`, file);
    return bytes.length;
  } finally {
    await rm(copy, { force: true });
  }
}

async function openBackup(file: string, passphrase: string): Promise<Buffer> {
  const bytes = await readFile(file).catch(() => {
    throw new BackupError(`There is no backup file at ${file}.`);
  });
  const newline = bytes.indexOf(0x0a);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
  } catch {
    throw new BackupError('This is not an Outpost backup file.');
  }
  if (newline < 0 || header.format !== FORMAT) throw new BackupError('This is not an Outpost backup file.');
  if (header.version !== 1) throw new BackupError('This backup was made by a newer Outpost. Update Outpost, then restore it.');
  const key = await deriveKek(passphrase, header.kdf);
  try {
    const plain = await unseal(bytes.subarray(newline + 1), bytes.subarray(0, newline).toString('utf8'), () => key);
    if (!plain.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) throw new BackupError('The backup opened but holds no database.');
    return plain;
  } catch (error) {
    if (error instanceof SealError) {
      throw new BackupError('The passphrase is wrong, or the file was altered or cut short. Nothing was restored.');
    }
    throw error;
  }
}

/**
 * Restore a backup into `dataDir`. An existing database is only replaced when
 * asked, and is then kept as outpost.db.before-restore-<time>.
 */
export async function restoreBackup(
  file: string,
  passphrase: string,
  dataDir: string,
  replace = false,
): Promise<{ keptAs: string | null }> {
  const plain = await openBackup(file, passphrase);
  const target = join(dataDir, 'outpost.db');
  let keptAs: string | null = null;
  if (existsSync(target)) {
    if (!replace)
      throw new BackupError('This workstation already has a database. Restore with --replace to keep it aside and use the backup.');
    keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(target, keptAs);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) await rename(target + suffix, keptAs + suffix);
  }
  await writeFile(`${target}.partial`, plain, { mode: 0o600 });
  await rename(`${target}.partial`, target);
  // Opening migrates an older backup and fails loudly on a damaged one.
  const { sqlite } = openDatabase(target);
  try {
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The restored database failed its integrity check (${String(check)}).`);
  } finally {
    sqlite.close();
  }
  return { keptAs };
}
