/**
 * `npm run backup -- <file>` and `npm run restore -- <file> [--replace]`:
 * an encrypted backup of the workstation's data folder (OUTPOST_DATA_DIR,
 * default ./.outpost-data) and its restore. The passphrase comes from
 * OUTPOST_BACKUP_PASSPHRASE, never from the command line (where it would
 * stay in the shell's history). A backup can be made while the workstation
 * runs; stop it before restoring.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../db/open';
import { BackupError, restoreBackup, writeBackup } from '../main/services/backup/backup';

async function main(args: string[]): Promise<number> {
  const [command, file, ...flags] = args;
  const dataDir = resolve(process.env.OUTPOST_DATA_DIR ?? '.outpost-data');
  const passphrase = process.env.OUTPOST_BACKUP_PASSPHRASE ?? '';
  if ((command !== 'backup' && command !== 'restore') || !file) {
    process.stderr.write('Usage: npm run backup -- <file>   or   npm run restore -- <file> [--replace]\n');
    return 2;
  }
  if (!passphrase) {
    process.stderr.write('Set OUTPOST_BACKUP_PASSPHRASE to the backup passphrase (at least 12 characters).\n');
    return 2;
  }
  try {
    if (command === 'backup') {
      if (!existsSync(resolve(dataDir, 'outpost.db'))) {
        process.stderr.write(`There is no workstation database in ${dataDir}. Set OUTPOST_DATA_DIR to the workstation's data folder.\n`);
        return 1;
      }
      const { sqlite } = openDatabase(resolve(dataDir, 'outpost.db'));
      try {
        const size = await writeBackup(sqlite, resolve(file), passphrase);
        process.stdout.write(`Backup written to ${resolve(file)} (${(size / 1e6).toFixed(1)} MB).\n`);
      } finally {
        sqlite.close();
      }
    } else {
      mkdirSync(dataDir, { recursive: true });
      const { keptAs } = await restoreBackup(resolve(file), passphrase, dataDir, flags.includes('--replace'));
      process.stdout.write(`Restored into ${dataDir}.${keptAs ? ` The database it replaced is kept as ${keptAs}.` : ''}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
