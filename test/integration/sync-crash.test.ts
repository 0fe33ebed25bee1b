/**
 * Crash safety (ARCHITECTURE §3-4): a workstation process killed with SIGKILL
 * at random moments while it writes and syncs — and deliberately between
 * storing a segment and marking it pushed, between marking it and moving its
 * head, and in the middle of applying a backlog — loses nothing it reported
 * as committed, leaves a database that passes integrity_check, never applies
 * half a segment, never stores an op twice in its log, and syncs on after
 * every restart, so that a fresh workstation ends with every acknowledged row
 * and no alarm. The workstation is test/support/sync-crash-child.ts (the real
 * write path and the real SyncEngine over a FolderStore).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderStore } from '../../main/sync/objects/folder';
import { recover, readLog, insertedBy, startChild, type ChildRun } from '../support/crash-harness';
import { announceSeed, seededRandom } from '../support/random';
import { migratedTemplate, TestCloud, testKeys, type Replica } from '../support/sync-replica';

const SEED = Number(process.env.OUTPOST_CRASH_SEED ?? Date.now() % 100_000);
const RANDOM_KILLS = 8;
const random = seededRandom(SEED);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let root: string;
let cloudDir: string;
const clinicId = 'clinic-crash';
const keys = testKeys();
const writerDir = () => join(root, 'writer');
const readerDir = () => join(root, 'reader');
const acknowledged = new Set<string>();
let writerId = '';
let runs = 0;
/** Another workstation that keeps up with the writer between its crashes (in this process). */
let cloud: TestCloud;
let follower: Replica;

beforeAll(() => {
  announceSeed('sync-crash', SEED);
  root = mkdtempSync(join(tmpdir(), 'outpost-crash-'));
  cloudDir = join(root, 'cloud');
  for (const dir of [cloudDir, writerDir(), readerDir()]) mkdirSync(dir, { recursive: true });
  cloud = new TestCloud(cloudDir, clinicId, migratedTemplate(root), join(root, 'others'), keys);
  follower = cloud.replica('device-follower', { now: Date.now });
});
afterAll(() => {
  cloud.close();
  rmSync(root, { recursive: true, force: true });
});

const patientIdsOf = (replica: Replica) =>
  new Set((replica.sqlite.prepare('SELECT id FROM patients').all() as { id: string }[]).map((r) => r.id));

function child(mode: 'write' | 'drain' | 'read', dataDir: string, crashAt?: string, extra: Record<string, string> = {}): ChildRun {
  runs += 1;
  return startChild({
    CRASH_MODE: mode,
    CRASH_DATA: dataDir,
    CRASH_CLOUD: cloudDir,
    CRASH_CLINIC: clinicId,
    CRASH_KEY: keys.get(1)?.toString('base64') ?? '',
    CRASH_SEED: String(SEED * 100 + runs),
    ...(crashAt ? { CRASH_AT: crashAt } : {}),
    ...extra,
  });
}

/** Wait for a child to end on its own (a trap), killing it if it does not within `ms`. */
async function endOf(run: ChildRun, ms = 15_000) {
  const timer = setTimeout(() => void run.kill(), ms);
  const ended = await run.ended;
  clearTimeout(timer);
  return ended;
}

/** After every crash: the file is sound and holds every write the process reported as committed. */
function expectWriterIntact(context: string): void {
  const state = recover(writerDir());
  expect(state.integrity, context).toBe('ok');
  expect(
    [...acknowledged].filter((id) => !state.patientIds.has(id)),
    `${context}: acknowledged writes lost`,
  ).toEqual([]);
  expect(state.outboxIsPrefix, `${context}: outbox marked out of order`).toBe(true);
}

async function writerCrash(crashAt?: string, writes?: number): Promise<void> {
  const run = child('write', writerDir(), crashAt, writes === undefined ? {} : { CRASH_WRITES: String(writes) });
  const ready = await run.line('ready ');
  writerId ||= ready.split(' ')[1] ?? '';
  if (!crashAt) {
    await sleep(20 + Math.floor(random() * 280));
    await run.kill();
  }
  const { signal } = await endOf(run);
  for (const id of run.committed) acknowledged.add(id);
  expect(signal, `the child should have died ${crashAt ? `at ${crashAt}` : 'by our hand'}: ${run.stderr.join('')}`).toBe('SIGKILL');
  expectWriterIntact(`after a kill ${crashAt ?? 'at a random moment'}`);
  expect((await follower.pullAll()).alarms).toEqual([]);
}

/** One sync round by the writer after its crashes: all pushed, no alarm, no error. */
async function drain(): Promise<void> {
  const run = child('drain', writerDir());
  const status = statusOf(run, await run.line('status '));
  expect(await endOf(run)).toEqual({ code: 0, signal: null });
  expect(status).toMatchObject({ mode: 'online', alarms: [], lastError: null, pendingOps: 0 });
}

function statusOf(run: ChildRun, line: string): { alarms: string[]; lastError: string | null; pendingOps: number; mode: string } {
  expect(run.stderr.join('')).toBe('');
  return JSON.parse(line.slice('status '.length)) as { alarms: string[]; lastError: string | null; pendingOps: number; mode: string };
}

describe('a workstation killed while it writes and syncs', () => {
  it('keeps every acknowledged write across random kills and kills between store, mark and head', async () => {
    for (let i = 0; i < RANDOM_KILLS; i += 1) {
      await writerCrash();
      // Every third restart dies right after storing a segment, before marking its ops pushed.
      if (i % 3 === 1) await writerCrash(`after-create:${1 + (i % 2)}`);
    }
    expect(acknowledged.size).toBeGreaterThan(20);
    await drain();
    // Everything is pushed and the follower is up to date; the next run writes three patients and dies
    // after storing and marking their segment, before its head announces it. Nothing is pending after
    // that, yet the head must move, or the follower (caught up with the old head) never fetches them.
    await follower.pullAll();
    await writerCrash('before-head:1', 3);
    await drain();

    // The log: one chain, every op once (a crash between store and mark re-sends under the same seq,
    // adopting the stored segment, never under the next one), every acknowledged row in it.
    const log = await readLog(new FolderStore(cloudDir), clinicId, keys, writerId);
    expect(log.map((s) => s.seq)).toEqual(log.map((_s, i) => i + 1));
    const opIds = log.flatMap((s) => s.ops.map((op) => op.id));
    expect(opIds.length - new Set(opIds).size, 'ops stored twice').toBe(0);
    const inLog = insertedBy(log, log.length);
    expect([...acknowledged].filter((id) => !inLog.has(id))).toEqual([]);

    // The workstation that kept up, and a fresh one, get every acknowledged row, with no alarm.
    const fresh = cloud.replica('device-fresh', { now: Date.now });
    for (const other of [follower, fresh]) {
      expect((await other.pullAll()).alarms).toEqual([]);
      const ids = patientIdsOf(other);
      expect(
        [...acknowledged].filter((id) => !ids.has(id)),
        `acknowledged rows missing on ${other.deviceId}`,
      ).toEqual([]);
    }
  }, 120_000);

  it('never applies half a segment when killed in the middle of applying a backlog, and finishes after restarts', async () => {
    const log = await readLog(new FolderStore(cloudDir), clinicId, keys, writerId);
    expect(log.length).toBeGreaterThan(3);
    let finished: ChildRun | null = null;
    for (let attempt = 0; attempt < 4 && !finished; attempt += 1) {
      // The reader dies at the N-th patient row it applies, inside the segment's transaction.
      const run = child('read', readerDir(), attempt < 3 ? `mid-apply:${10 + Math.floor(random() * 40)}` : undefined);
      const { signal } = await endOf(run);
      const state = recover(readerDir());
      expect(state.integrity).toBe('ok');
      const applied = state.cursors.get(writerId) ?? 0;
      // Exactly the rows of the segments its cursor says it applied: nothing of the one it died in.
      expect([...state.patientIds].sort(), `after applying ${applied} segments`).toEqual([...insertedBy(log, applied)].sort());
      if (signal === null) finished = run;
    }
    if (!finished) throw new Error('the reader never finished');
    const status = statusOf(finished, await finished.line('status '));
    expect(status).toMatchObject({ alarms: [], lastError: null });
    const final = recover(readerDir());
    expect(final.cursors.get(writerId)).toBe(log.length);
    expect([...acknowledged].filter((id) => !final.patientIds.has(id))).toEqual([]);
  }, 60_000);
});
