/**
 * The open workstation database as services see it: drizzle for reads, the
 * change-capture writer for every write to a synced table, and this
 * workstation's identity (device id, human-facing number prefix).
 */
import type Database from 'better-sqlite3';
import { count, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { syncOutbox } from '../../db/schema';
import { ChangeCapture, type DrizzleDb } from '../sync/mutate';
import { HybridLogicalClock, type HlcState } from '../sync/hlc';
import { newWorkstationPrefix } from '../sync/identity';
import { readState, writeState } from '../sync/state';

export interface Store {
  sqlite: Database.Database;
  db: DrizzleDb;
  capture: ChangeCapture;
  deviceId: string;
  /** Short prefix that keeps MRNs unique across offline workstations (ARCHITECTURE §3). */
  workstationPrefix: string;
  /** Next MRN of this workstation; call inside a mutation so the counter commits with the row. */
  nextMrn(): string;
  /** Next number of a kind (prefix + 6 digits, its own counter per kind), unique across offline workstations; inside a mutation. */
  nextNumber(kind: 'mrn' | 'claim' | 'interchange'): string;
  pendingOps(): number;
}

export function createStore(sqlite: Database.Database, db: DrizzleDb): Store {
  const state = (key: string) => readState(sqlite, key);
  const setState = (key: string, value: string) => writeState(sqlite, key, value);

  let deviceId = state('device_id');
  if (!deviceId) {
    deviceId = uuidv7();
    setState('device_id', deviceId);
  }
  let prefix = state('workstation_prefix');
  if (!prefix) {
    prefix = newWorkstationPrefix();
    setState('workstation_prefix', prefix);
  }
  const savedClock = state('hlc');
  const clock = new HybridLogicalClock(deviceId, savedClock ? (JSON.parse(savedClock) as HlcState) : undefined);
  const capture = new ChangeCapture(sqlite, clock);
  return {
    sqlite,
    db,
    capture,
    // Read live: a fork (copied disk) gives this workstation a new id and prefix while running.
    get deviceId() {
      return capture.deviceId;
    },
    get workstationPrefix() {
      return state('workstation_prefix') ?? '';
    },
    nextMrn() {
      return this.nextNumber('mrn');
    },
    nextNumber(kind) {
      const next = Number(state(`${kind}_counter`) ?? '0') + 1;
      setState(`${kind}_counter`, String(next));
      return `${this.workstationPrefix}${String(next).padStart(6, '0')}`;
    },
    pendingOps() {
      return db.select({ n: count() }).from(syncOutbox).where(isNull(syncOutbox.pushedAt)).get()?.n ?? 0;
    },
  };
}
