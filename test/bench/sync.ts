/**
 * Sync benchmarks through s3rver on loopback (ARCHITECTURE §4 goals):
 * sync.ops — 100,000 ops from A to B: push time, pull+apply time, S3 requests, bytes;
 * sync.latency — one booking on A until it is on B, at the default poll interval;
 * sync.idle — S3 requests and CPU of a workstation with nothing to sync.
 */
import { v7 as uuidv7 } from 'uuid';
import { patients } from '../../db/schema';
import { S3Store } from '../../main/sync/objects/s3';
import { Rng, emit, latency, note, round, timeAsync } from './stats';
import { CLINIC_ID, PASSPHRASE, syncRig, type SyncRig, type Workstation } from './sync-rig';

const OPS = Number(process.env.OUTPOST_BENCH_SYNC_OPS ?? 100_000);

/** `count` patient inserts through the real write path, 1,000 per transaction. */
function writePatients(workstation: Workstation, count: number, tag: string): string[] {
  const ids: string[] = [];
  for (let done = 0; done < count; done += 1000) {
    workstation.store.capture.mutate((w) => {
      for (let i = done; i < Math.min(count, done + 1000); i += 1) {
        const id = uuidv7();
        ids.push(id);
        w.insert(patients, {
          id,
          mrn: `${tag}${String(i).padStart(7, '0')}`,
          givenName: `Given${i % 997}`,
          familyName: `Family${i % 1009}`,
          sex: i % 2 ? 'female' : 'male',
          dateOfBirth: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
        });
      }
    });
  }
  return ids;
}

async function withRig(work: (rig: SyncRig) => Promise<void>): Promise<void> {
  const rig = await syncRig();
  try {
    await work(rig);
  } finally {
    await rig.close();
  }
}

export function syncOps(): Promise<void> {
  return withRig(async (rig) => {
    const a = rig.workstation();
    const b = rig.workstation();
    try {
      await a.sync.configure(rig.target, PASSPHRASE, CLINIC_ID);
      note(`writing ${OPS} ops on A`);
      writePatients(a, OPS, 'BNA');
      const before = rig.requests();
      const push = await timeAsync(() => a.sync.syncNow());
      const pushRequests = rig.requests() - before;
      const pullStart = rig.requests();
      // Joining pulls and applies everything before it returns.
      const pull = await timeAsync(() => b.sync.join(rig.target, PASSPHRASE));
      const pullRequests = rig.requests() - pullStart;
      const stored = await new S3Store(rig.s3.config()).list('clinics/');
      const applied = (b.store.sqlite.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
      emit({
        bench: 'sync.ops',
        n: OPS,
        push_s: round(push.ms / 1000),
        pull_s: round(pull.ms / 1000),
        requests: pushRequests + pullRequests,
        push_requests: pushRequests,
        pull_requests: pullRequests,
        requests_per_1000_ops: round(((pushRequests + pullRequests) / OPS) * 1000, 2),
        bytes: stored.reduce((sum, object) => sum + object.size, 0),
        segments: stored.filter((object) => object.key.includes('/log/')).length,
        applied_on_b: applied,
      });
    } finally {
      await a.close();
      await b.close();
    }
  });
}

export function syncLatency(): Promise<void> {
  return withRig(async (rig) => {
    // Default engine timings: what a clinic gets.
    const a = rig.workstation({});
    const b = rig.workstation({});
    try {
      await a.sync.configure(rig.target, PASSPHRASE, CLINIC_ID);
      await b.sync.join(rig.target, PASSPHRASE);
      const samples: number[] = [];
      const rng = new Rng(20261123);
      for (let i = 0; i < 6; i += 1) {
        // Writes land at random moments of B's poll cycle, as a booking at the desk would.
        await new Promise((resolve) => setTimeout(resolve, rng.next() * 10_000));
        const [id] = writePatients(a, 1, `LAT${i}`);
        const start = performance.now();
        const seen = b.store.sqlite.prepare('SELECT 1 FROM patients WHERE id = ?');
        while (!seen.get(id)) await new Promise((resolve) => setTimeout(resolve, 20));
        samples.push(performance.now() - start);
      }
      emit({ bench: 'sync.latency', n: samples.length, poll_ms: 10_000, ...latency(samples) });
    } finally {
      await a.close();
      await b.close();
    }
  });
}

export function syncIdle(): Promise<void> {
  return withRig(async (rig) => {
    const a = rig.workstation({});
    try {
      await a.sync.configure(rig.target, PASSPHRASE, CLINIC_ID);
      await a.sync.syncNow();
      const seconds = Number(process.env.OUTPOST_BENCH_IDLE_S ?? 60);
      note(`idling ${seconds} s`);
      const requests = rig.requests();
      const byKind = { ...rig.proxy.requests };
      const cpu = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const used = process.cpuUsage(cpu);
      const kinds = Object.fromEntries(
        Object.entries(rig.proxy.requests).map(([kind, n]) => [`${kind.toLowerCase()}_requests`, n - (byKind[kind] ?? 0)]),
      );
      emit({
        bench: 'sync.idle',
        seconds,
        requests: rig.requests() - requests,
        ...kinds,
        cpu_ms: round((used.user + used.system) / 1000, 1),
      });
    } finally {
      await a.close();
    }
  });
}
