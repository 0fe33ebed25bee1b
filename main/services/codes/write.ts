/**
 * Writing codes: the shipped list seeded into a new clinic, and a CMS release
 * imported by a manager. Both go through change capture (so the other
 * workstations receive the rows) and both are idempotent: what is already
 * there as given is left alone, so a second run writes nothing and sends
 * nothing. An import is written in chunks of a few thousand codes, each its
 * own transaction, yielding to the event loop in between: a whole release
 * (~74,000 codes) in one transaction would freeze the workstation for
 * seconds. A file is validated whole before the first chunk, and every chunk
 * re-reads the rows it touches, so codes arriving from another workstation
 * meanwhile are merged, not duplicated.
 */
import type Database from 'better-sqlite3';
import { diagnosisCodes } from '../../../db/schema';
import { ApiError } from '../../contract';
import type { Writer } from '../../sync/mutate';
import type { Store } from '../store';
import { codeId, ICD10CM } from './ids';
import type { ParsedCode } from './parse';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

interface StoredCode {
  title: string;
  billable: number;
  active: number;
  deleted_at: string | null;
}

const CHUNK = 2_000;

function reader(sqlite: Database.Database): (id: string) => StoredCode | undefined {
  const statement = sqlite.prepare('SELECT title, billable, active, deleted_at FROM diagnosis_codes WHERE id = ?');
  return (id) => statement.get(id) as StoredCode | undefined;
}

function insertCode(w: Writer, entry: ParsedCode, release: string): void {
  w.insert(diagnosisCodes, {
    id: codeId(entry.code),
    system: ICD10CM,
    code: entry.code,
    title: entry.title,
    billable: entry.billable,
    release,
    active: true,
  });
}

/**
 * Insert the codes this clinic does not have yet (in the caller's mutation). A code that
 * exists — with another title from an import, or deleted on purpose — is left as it is.
 */
export function insertMissingCodes(w: Writer, store: Store, entries: readonly ParsedCode[], release: string): number {
  const stored = reader(store.sqlite);
  let added = 0;
  for (const entry of entries) {
    if (stored(codeId(entry.code))) continue;
    insertCode(w, entry, release);
    added += 1;
  }
  return added;
}

/** Workstations whose import is running: a second import at once would only interleave with the first. */
const importing = new WeakSet<Store>();

/** Add new codes, update changed titles (and bring back retired codes) of one release, chunk by chunk. */
export async function importCodes(store: Store, entries: readonly ParsedCode[], release: string): Promise<ImportCounts> {
  if (importing.has(store)) {
    throw new ApiError('CONFLICT', 'A code file is already being imported on this workstation. Wait for it to finish, then try again.');
  }
  importing.add(store);
  try {
    const stored = reader(store.sqlite);
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < entries.length; start += CHUNK) {
      store.capture.mutate((w) => {
        for (const entry of entries.slice(start, start + CHUNK)) {
          const id = codeId(entry.code);
          const current = stored(id);
          if (!current) {
            insertCode(w, entry, release);
            counts.added += 1;
            continue;
          }
          const same = current.title === entry.title && current.billable === Number(entry.billable) && current.active === 1;
          if (same && current.deleted_at === null) {
            counts.unchanged += 1;
            continue;
          }
          w.update(diagnosisCodes, id, { title: entry.title, billable: entry.billable, active: true, release });
          if (current.deleted_at !== null) w.restore(diagnosisCodes, id);
          counts.updated += 1;
        }
      });
      // Let other calls (and the screen) in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return counts;
  } finally {
    importing.delete(store);
  }
}
