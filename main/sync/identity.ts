/**
 * A workstation's identity in the clinic: its device id (whose log it writes)
 * and the short prefix of the human-facing numbers it hands out (MRNs), so
 * numbers never collide across offline workstations (ARCHITECTURE §3). A
 * copied disk or a restored backup shares both with the original; a fork gives
 * it new ones and re-sends what it had not pushed yet under the new id.
 */
import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { HybridLogicalClock } from './hlc';
import { pushedState } from './push';
import { readState, writeState } from './state';

// No 0/O or 1/I: prefixes are read aloud and typed from paper.
const PREFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newWorkstationPrefix(avoid?: string): string {
  for (;;) {
    const prefix = Array.from({ length: 3 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join('');
    if (prefix !== avoid) return prefix;
  }
}

/**
 * Take a new device id and number prefix. The history pushed under the old id
 * stays the copy's shared past: it is recorded as applied from the old id (now
 * another device), and the ops not pushed yet go out under the new id.
 */
export function forkIdentity(sqlite: Database.Database, clock: HybridLogicalClock): { oldId: string; newId: string } {
  const oldId = clock.deviceId;
  const newId = uuidv7();
  const pushed = pushedState(sqlite);
  sqlite.transaction(() => {
    writeState(sqlite, 'device_id', newId);
    writeState(sqlite, 'workstation_prefix', newWorkstationPrefix(readState(sqlite, 'workstation_prefix')));
    writeState(sqlite, 'sync_pushed', JSON.stringify({ seq: 0, hash: null }));
    sqlite
      .prepare(
        'INSERT INTO sync_devices (device_id, applied_seq, applied_hash, head_seq) VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET applied_seq = excluded.applied_seq, applied_hash = excluded.applied_hash',
      )
      .run(oldId, pushed.seq, pushed.hash, pushed.seq);
  })();
  clock.adopt(newId);
  return { oldId, newId };
}
