/**
 * Autosave survives a crash: a process typing into a draft (one autosave per
 * word) is killed with SIGKILL at random moments; after each restart the
 * database passes integrity_check and the draft holds at least every word
 * whose save was acknowledged — never a torn or older text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeClinic } from '../support/clinic';
import { startChild } from '../support/crash-harness';
import { seededRandom } from '../support/random';

const CHILD = fileURLToPath(new URL('../support/autosave-crash-child.ts', import.meta.url));
const KILLS = Number(process.env.OUTPOST_CRASH_RUNS ?? 6);
let dataDir: string;
let noteId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'outpost-autosave-'));
  const clinic = await makeClinic({ dataDir, seed: 818 });
  const patient = await clinic.addPatient();
  const { note } = await (await clinic.as('physician')).ok('encounters.open', { patientId: patient.id, reason: 'Typing' });
  noteId = note.id;
  await clinic.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function draftOnDisk(): { integrity: string; words: number } {
  const sqlite = new Database(join(dataDir, 'outpost.db'));
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const row = sqlite.prepare('SELECT subjective FROM notes WHERE id = ?').get(noteId) as { subjective: string };
    const words = row.subjective === '' ? [] : row.subjective.split(' ');
    // Whatever was saved last is a whole, ordered prefix of what was typed.
    words.forEach((word, i) => expect(word).toBe(`word${i + 1}`));
    return { integrity, words: words.length };
  } finally {
    sqlite.close();
  }
}

it('keeps every acknowledged keystroke of a draft across SIGKILLs', { timeout: 120_000 }, async () => {
  const random = seededRandom(Number(process.env.OUTPOST_CRASH_SEED ?? 4242));
  for (let kill = 0; kill < KILLS; kill += 1) {
    const child = startChild({ AUTOSAVE_DATA: dataDir, AUTOSAVE_NOTE: noteId }, CHILD);
    await child.line('ready', 60_000);
    // Each run retypes from the start, so what is on disk afterwards says which save was last.
    const target = 5 + Math.floor(random() * 60);
    await child.line(`saved ${target}`, 60_000);
    await child.kill();
    const acknowledged = Math.max(...child.lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6))));
    const { integrity, words } = draftOnDisk();
    expect(integrity).toBe('ok');
    // The kill may land after a commit and before its "saved" line: at most one save more than acknowledged.
    expect(words).toBeGreaterThanOrEqual(acknowledged);
    expect(words).toBeLessThanOrEqual(acknowledged + 1);
  }
});
