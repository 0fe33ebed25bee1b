/**
 * Driving a crash child (sync-crash-child.ts by default): spawn it (node --import tsx, as the app's own
 * scripts run TypeScript), collect what it reports, kill it, and inspect what
 * it left behind — the database file after recovery and the log in the sync
 * folder, opened with the clinic key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { DataKeys } from '../../main/sync/keyring';
import { layout, seqOfSegment } from '../../main/sync/layout';
import type { ObjectStore } from '../../main/sync/objects/types';
import { openJson, Segment } from '../../main/sync/segment';

const CHILD = fileURLToPath(new URL('./sync-crash-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildRun {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Ids the child reported as committed. */
  readonly committed: string[];
  readonly stderr: string[];
  /** Resolves, once its output is all read, with the signal that ended it (null for a normal exit) and the exit code. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line starting with `prefix`. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  kill(): Promise<void>;
}

export function startChild(env: Record<string, string>, script = CHILD): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const committed: string[] = [];
  const stderr: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  if (!child.stdout || !child.stderr) throw new Error('child without pipes');
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
    for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  // 'close', not 'exit': only then has everything the child wrote to its stdout been read.
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    committed,
    stderr,
    ended,
    line(prefix, timeoutMs = 20_000) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${prefix}" line from the child: ${stderr.join('')}`)), timeoutMs);
        void ended.then(() => setTimeout(() => reject(new Error(`child ended before "${prefix}": ${stderr.join('')}`)), 50));
        waiters.push({
          prefix,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended;
    },
  };
}

export interface Recovered {
  integrity: string;
  patientIds: Set<string>;
  /** device -> last applied seq. */
  cursors: Map<string, number>;
  /** Pushed ops all come before unpushed ones (the outbox is marked as a prefix). */
  outboxIsPrefix: boolean;
}

/** Open a workstation database left by a killed process (WAL recovery happens here) and read what matters. */
export function recover(dataDir: string): Recovered {
  const sqlite = new Database(join(dataDir, 'outpost.db'));
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const ids = sqlite.prepare('SELECT id FROM patients').all() as { id: string }[];
    const cursors = sqlite.prepare('SELECT device_id AS deviceId, applied_seq AS seq FROM sync_devices').all() as {
      deviceId: string;
      seq: number;
    }[];
    const bounds = sqlite
      .prepare(
        'SELECT (SELECT max(seq) FROM sync_outbox WHERE pushed_at IS NOT NULL) AS lastPushed, (SELECT min(seq) FROM sync_outbox WHERE pushed_at IS NULL) AS firstPending',
      )
      .get() as { lastPushed: number | null; firstPending: number | null };
    return {
      integrity,
      patientIds: new Set(ids.map((r) => r.id)),
      cursors: new Map(cursors.map((c) => [c.deviceId, c.seq])),
      outboxIsPrefix: bounds.lastPushed === null || bounds.firstPending === null || bounds.lastPushed < bounds.firstPending,
    };
  } finally {
    sqlite.close();
  }
}

/** A device's log as stored: every segment opened and verified to follow the one before it. */
export async function readLog(objects: ObjectStore, clinicId: string, keys: DataKeys, deviceId: string): Promise<Segment[]> {
  const segments: Segment[] = [];
  for (const object of await objects.list(layout.logPrefix(clinicId, deviceId))) {
    const seq = seqOfSegment(clinicId, deviceId, object.key);
    const bytes = await objects.get(object.key);
    if (seq === undefined || !bytes) throw new Error(`unexpected object ${object.key}`);
    segments.push(await openJson(Segment, bytes, object.key, (epoch) => keys.get(epoch)));
  }
  return segments;
}

/** Patient ids inserted by the first `count` segments of a log. */
export function insertedBy(segments: Segment[], count: number): Set<string> {
  const ids = new Set<string>();
  for (const segment of segments.slice(0, count))
    for (const op of segment.ops) if (op.table === 'patients' && op.kind === 'insert') ids.add(op.row);
  return ids;
}
