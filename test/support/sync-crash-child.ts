/**
 * A workstation process for sync-crash.test.ts, killed (SIGKILL) by the test
 * or by itself at a chosen point. Run as `node --import tsx <this file>`.
 *
 *   CRASH_MODE=write  keep registering patients through the real write path
 *                     (store.capture.mutate) while the real SyncEngine pushes
 *                     and pulls through a FolderStore; prints "committed <id>"
 *                     after each committed write; CRASH_WRITES=N stops
 *                     after N writes, syncs once and exits.
 *   CRASH_MODE=drain  one sync round (push what is pending, pull), print the
 *                     engine status as "status <json>", exit.
 *   CRASH_MODE=read   pull everything into this (empty) workstation, print the
 *                     status, exit.
 *   CRASH_AT=after-create:N   SIGKILL itself right after the N-th segment is
 *                     stored, before the push is marked in the database.
 *   CRASH_AT=before-head:N    ... when about to rewrite its head the N-th time
 *                     (segment stored and marked, head not yet moved).
 *   CRASH_AT=mid-apply:N      ... inside the apply transaction, at the N-th
 *                     patient row applied (a TEMP trigger: nothing in the schema).
 *
 * Other settings: CRASH_DATA (workstation folder), CRASH_CLOUD (sync folder),
 * CRASH_CLINIC, CRASH_KEY (base64 data key), CRASH_SEED.
 */
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { patients } from '../../db/schema';
import { createStore } from '../../main/services/store';
import { SyncEngine } from '../../main/sync/engine';
import { layout } from '../../main/sync/layout';
import { FolderStore } from '../../main/sync/objects/folder';
import { deviceKey } from '../../main/sync/roster';
import type { ListedObject, ObjectStore } from '../../main/sync/objects/types';
import { seededRandom } from './random';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const mode = setting('CRASH_MODE');
const clinicId = setting('CRASH_CLINIC');
const [crashPoint, crashCount] = (process.env.CRASH_AT ?? '').split(':');
const crashAfter = Number(crashCount ?? '1');
const random = seededRandom(Number(process.env.CRASH_SEED ?? '1'));
const maxWrites = Number(process.env.CRASH_WRITES ?? Infinity);
const say = (line: string) => process.stdout.write(`${line}\n`); // synchronous on a pipe: said means said
const die = () => process.kill(process.pid, 'SIGKILL');

/** The sync folder, with a trap at the chosen point. */
class TrappedStore implements ObjectStore {
  readonly description: string;
  private count = 0;
  constructor(private readonly inner: ObjectStore) {
    this.description = inner.description;
  }
  async create(key: string, body: Uint8Array): Promise<'created' | 'exists'> {
    const outcome = await this.inner.create(key, body);
    if (crashPoint === 'after-create' && key.includes('/log/') && ++this.count >= crashAfter) die();
    return outcome;
  }
  async put(key: string, body: Uint8Array): Promise<void> {
    if (crashPoint === 'before-head' && key.startsWith(layout.headsPrefix(clinicId)) && ++this.count >= crashAfter) die();
    await this.inner.put(key, body);
  }
  get(key: string): Promise<Uint8Array | null> {
    return this.inner.get(key);
  }
  list(prefix: string, startAfter?: string): Promise<ListedObject[]> {
    return this.inner.list(prefix, startAfter);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  clockSkewMs(): number | null {
    return this.inner.clockSkewMs();
  }
}

const { sqlite, db, schemaVersion } = openDatabase(join(setting('CRASH_DATA'), 'outpost.db'));
const store = createStore(sqlite, db);
if (crashPoint === 'mid-apply') {
  let applied = 0;
  sqlite.function('crash_point', () => {
    if (++applied >= crashAfter) die();
    return null;
  });
  sqlite.exec('CREATE TEMP TRIGGER crash_mid_apply AFTER INSERT ON main.patients BEGIN SELECT crash_point(); END');
}
const engine = new SyncEngine(
  {
    sqlite,
    objects: new TrappedStore(new FolderStore(setting('CRASH_CLOUD'))),
    clinicId,
    deviceId: store.deviceId,
    keys: new Map([[1, Buffer.from(setting('CRASH_KEY'), 'base64')]]),
    schemaVersion,
    deviceKey: deviceKey(sqlite, store.deviceId),
  },
  store.capture,
  { status: () => undefined, changed: () => undefined },
  // No snapshots: this is about the log; a snapshot merge would blur what each segment applied.
  { pollMs: 30, pushDelayMs: 5, pushLimits: { maxOps: 7, maxBytes: 64 * 1024 }, snapshotEveryMs: 0 },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function write(): Promise<void> {
  engine.start();
  say(`ready ${store.deviceId}`);
  const started = Date.now();
  let previous: string | null = null;
  let written = 0;
  // Bursts of writes with pauses between, so the engine's debounced push gets to run; stop after 10 s if not killed.
  while (Date.now() - started < 10_000 && written < maxWrites) {
    const burst = Math.min(1 + Math.floor(random() * 8), maxWrites - written);
    written += burst;
    for (let i = 0; i < burst; i += 1) {
      const n = Math.floor(random() * 1_000_000);
      const edit: string | null = previous;
      const id = store.capture.mutate((w) => {
        const created = w.insert(patients, {
          mrn: store.nextMrn(),
          givenName: `Given${n}`,
          familyName: `Family${n % 97}`,
          sex: n % 2 === 0 ? 'female' : 'male',
          dateOfBirth: '1990-01-01',
        });
        if (edit) w.update(patients, edit, { notes: `seen ${n}` });
        return created;
      });
      say(`committed ${id}`);
      previous = id;
    }
    if (random() < 0.3) await engine.syncNow();
    await sleep(Math.floor(random() * 20));
  }
  await engine.syncNow();
  await engine.stop();
}

async function syncOnce(): Promise<void> {
  await engine.syncNow();
  say(`status ${JSON.stringify(engine.status())}`);
  await engine.stop();
}

await (mode === 'write' ? write() : syncOnce());
sqlite.close();
