/**
 * Backups, end to end: a clinic with patients, a signed note and money in the
 * ledger is backed up while it runs; the file holds no readable patient data;
 * restored into an empty folder it opens as the same practice. A wrong
 * passphrase, an altered byte or a file cut short restores nothing; a
 * workstation that already has data keeps it unless asked to replace it, and
 * then keeps it aside.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import type { Output } from '../../main/contract';
import { restoreBackup, writeBackup } from '../../main/services/backup/backup';
import { postedVisit } from '../support/billing';
import { makeClinic, type Clinic } from '../support/clinic';
import { makeCore } from '../support/core';

const PASSPHRASE = 'correct battery staple horse';
let clinic: Clinic;
let patient: Output<'patients.create'>;
let work: string;
let file: string;

/** What must come back: the clinic's data, not this workstation's bookkeeping. */
const practice = (core: { query: Clinic['query'] }) => ({
  patients: core.query('SELECT * FROM patients ORDER BY id'),
  notes: core.query('SELECT * FROM note_signatures ORDER BY id'),
  ledger: core.query('SELECT * FROM ledger_entries ORDER BY id'),
  balances: core.query('SELECT * FROM ledger_balances ORDER BY charge_key, payer_key'),
  users: core.query('SELECT id, username, password_hash FROM users ORDER BY id'),
});

beforeAll(async () => {
  clinic = await makeClinic({ seed: 4711 });
  patient = await clinic.addPatient({ givenName: 'Philippa', familyName: 'Backupova' });
  await postedVisit(clinic, patient.id, ['99213']);
  work = mkdtempSync(join(tmpdir(), 'outpost-backup-test-'));
  file = join(work, 'practice.outpost-backup');
  // While the workstation runs: a second connection, as `npm run backup` opens.
  const { sqlite } = openDatabase(join(clinic.dataDir, 'outpost.db'));
  try {
    await writeBackup(sqlite, file, PASSPHRASE, 10);
  } finally {
    sqlite.close();
  }
});
afterAll(async () => {
  await clinic.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a file with no readable patient data, restored into an empty workstation as the same practice', async () => {
    const bytes = readFileSync(file);
    expect(bytes.toString('latin1')).not.toContain('Backupova');
    expect(bytes.toString('utf8').split('\n')[0]).toMatch(/^\{"format":"outpost-backup","version":1,/);

    const empty = mkdtempSync(join(work, 'restored-'));
    expect(await restoreBackup(file, PASSPHRASE, empty)).toEqual({ keptAs: null });
    const restored = await makeCore({ dataDir: empty });
    try {
      expect(practice(restored)).toEqual(practice(clinic));
      const desk = await restored.login('ada.admin', 'synthetic-pass-01');
      expect((await desk.ok('billing.account', { patientId: patient.id })).balanceCents).toBe(11000);
    } finally {
      await restored.close();
    }
  });

  it('restores nothing with a wrong passphrase, an altered byte or a file cut short', async () => {
    const target = mkdtempSync(join(work, 'refused-'));
    await expect(restoreBackup(file, 'not the passphrase at all', target)).rejects.toThrow(/passphrase is wrong, or the file was altered/);
    const altered = join(work, 'altered.outpost-backup');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(altered, bytes);
    await expect(restoreBackup(altered, PASSPHRASE, target)).rejects.toThrow(/altered or cut short/);
    const cut = join(work, 'cut.outpost-backup');
    writeFileSync(cut, readFileSync(file).subarray(0, 2000));
    await expect(restoreBackup(cut, PASSPHRASE, target)).rejects.toThrow(/altered or cut short/);
    await expect(restoreBackup(join(work, 'missing'), PASSPHRASE, target)).rejects.toThrow(/no backup file/);
    expect(readdirSync(target)).toEqual([]);
    await expect(writeBackup(openDatabase(join(target, 'x.db')).sqlite, join(work, 'short'), 'short')).rejects.toThrow(
      /at least 12 characters/,
    );
  });

  it('keeps a workstation’s own data unless told to replace it, and then keeps it aside', async () => {
    const dir = mkdtempSync(join(work, 'other-clinic-'));
    const other = await makeClinic({ seed: 99, dataDir: dir });
    await other.close();
    await expect(restoreBackup(file, PASSPHRASE, dir)).rejects.toThrow(/already has a database/);
    const { keptAs } = await restoreBackup(file, PASSPHRASE, dir, true);
    expect(keptAs && existsSync(keptAs)).toBe(true);
    const reopened = await makeCore({ dataDir: dir });
    try {
      expect(practice(reopened).patients).toEqual(practice(clinic).patients);
    } finally {
      await reopened.close();
    }
  });
});
