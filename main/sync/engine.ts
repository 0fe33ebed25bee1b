/**
 * When and how often to sync, and what to tell the person at the desk. Local
 * writes never wait for the network: a commit only schedules a push a moment
 * later (debounced, so a burst of writes is one segment); the cloud is polled
 * on an interval; failures back off exponentially with jitter; a store that
 * cannot be reached means "offline since …", not an error dialog.
 */
import type Database from 'better-sqlite3';
import { clinicalConflictKinds } from '../contract/conflicts';
import type { SyncStatus } from '../contract/events';
import { RemoteApplier } from './apply';
import type { SyncContext } from './context';
import type { ChangeCapture } from './mutate';
import { StoreError } from './objects/types';
import { Puller, type SyncAlarm } from './pull';
import { SyncAlarms } from './alarms';
import { readState } from './state';
import { bootstrapIfNew, coverGaps, maybeWriteSnapshot } from './bootstrap';
import { forkIdentity } from './identity';
import { DEFAULT_RETENTION_MS } from './retention';
import { deviceKey, publishRosterEntry } from './roster';
import { DEFAULT_PUSH_LIMITS, ForkError, Pusher, type PushLimits } from './push';

export interface EngineOptions {
  pollMs?: number;
  pushDelayMs?: number;
  maxBackoffMs?: number;
  pushLimits?: PushLimits;
  random?: () => number;
  /** How old the newest snapshot may get before this workstation writes one (0: never write). */
  snapshotEveryMs?: number;
  /** How long a silent workstation holds back the pruning of segments it has not applied. */
  retentionMs?: number;
  /** How often to look at the age of the newest snapshot (hourly: idle polls stay one LIST). */
  snapshotCheckMs?: number;
}

export interface EngineHooks {
  status(status: SyncStatus): void;
  /** Tables changed by remote ops: open screens refetch. */
  changed(tables: string[]): void;
  /** Rows changed by remote ops, for the clinic's invariant checks (double bookings, duplicates). */
  merged?(touched: ReadonlyMap<string, ReadonlySet<string>>): void;
}

/** The counts every status shows, configured or not. */
export function localCounts(sqlite: Database.Database): { pendingOps: number; openConflicts: number; openClinicalConflicts: number } {
  const count = (sql: string, ...params: string[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n;
  const open = 'SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL AND deleted_at IS NULL';
  return {
    pendingOps: count('SELECT count(*) AS n FROM sync_outbox WHERE pushed_at IS NULL'),
    openConflicts: count(open),
    openClinicalConflicts: count(`${open} AND kind IN (SELECT value FROM json_each(?))`, JSON.stringify(clinicalConflictKinds)),
  };
}

const MAX_PULL_ROUNDS = 10_000;
const HISTORY_LENGTH = 20;
/** Pushed ops stay in the local outbox this long (for diagnosing a sync problem), then go. */
export const PUSHED_OPS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

type SyncRound = SyncStatus['history'][number];

export class SyncEngine {
  private pusher: Pusher;
  private puller: Puller;
  private readonly applier: RemoteApplier;
  private readonly alarms: SyncAlarms;
  private readonly options: Required<EngineOptions>;
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = 0;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private readonly history: SyncRound[] = [];
  private published = false;
  /** Set for the whole of a round, so every status emitted during it says "syncing". */
  private inRound = false;
  /** When the hourly upkeep (snapshot check, outbox pruning) last ran. */
  private maintainedAt = 0;
  private state = {
    online: true,
    lastSyncAt: null as string | null,
    lastError: null as string | null,
    offlineSince: null as string | null,
    progress: null as SyncStatus['progress'],
    quarantined: 0,
    paused: false,
  };

  constructor(
    private ctx: SyncContext,
    private readonly capture: ChangeCapture,
    private readonly hooks: EngineHooks,
    options: EngineOptions = {},
  ) {
    this.options = {
      pollMs: options.pollMs ?? 10_000,
      pushDelayMs: options.pushDelayMs ?? 300,
      maxBackoffMs: options.maxBackoffMs ?? 5 * 60_000,
      pushLimits: options.pushLimits ?? DEFAULT_PUSH_LIMITS,
      random: options.random ?? Math.random,
      snapshotEveryMs: options.snapshotEveryMs ?? 24 * 60 * 60 * 1000,
      retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
      snapshotCheckMs: options.snapshotCheckMs ?? 60 * 60 * 1000,
    };
    this.applier = new RemoteApplier(ctx.sqlite, capture.clock, () => capture.clock.wallNow());
    this.alarms = new SyncAlarms(ctx.sqlite);
    this.pusher = new Pusher(ctx, this.options.pushLimits);
    this.puller = new Puller(ctx, this.applier);
    this.unsubscribe = capture.onCommit(() => this.schedule(this.options.pushDelayMs));
  }

  start(): void {
    this.schedule(0);
  }

  /** Push and pull now: resolves after a round that started after this call. */
  async syncNow(): Promise<void> {
    while (this.running) await this.running;
    if (this.stopped) return;
    this.running = this.round().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  /** Cut this workstation off from the cloud (or reconnect it), as a lost internet line would. */
  setPaused(paused: boolean): void {
    this.state.paused = paused;
    if (paused) this.state.offlineSince ??= new Date().toISOString();
    this.emitStatus();
    if (!paused) this.schedule(0);
  }

  status(): SyncStatus {
    const { pendingOps, openConflicts, openClinicalConflicts } = localCounts(this.ctx.sqlite);
    const online = this.state.online && !this.state.paused;
    return {
      mode: online ? 'online' : 'offline',
      pendingOps,
      lastSyncAt: this.state.lastSyncAt,
      lastError: this.state.lastError,
      syncing: this.inRound,
      progress: this.state.progress,
      offlineSince: online ? null : this.state.offlineSince,
      quarantinedOps: this.state.quarantined,
      alarms: this.alarms.list(),
      history: [...this.history],
      target: this.ctx.objects.description,
      paused: this.state.paused,
      openConflicts,
      openClinicalConflicts,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Run a round in `delayMs`, unless one is due sooner: a steady stream of writes must not postpone sync forever. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const due = Date.now() + delayMs;
    if (this.timer) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().finally(() => this.schedule(this.nextDelay()));
    }, delayMs);
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.options.pollMs;
    const base = Math.min(this.options.maxBackoffMs, 1000 * 2 ** Math.min(this.failures, 20));
    return Math.round(base * (0.5 + this.options.random() / 2));
  }

  private async round(): Promise<void> {
    if (this.state.paused) return;
    let sent = 0;
    let applied = 0;
    this.inRound = true;
    this.emitStatus();
    try {
      sent = await this.push();
      const bootstrapping = (done: number, total: number) => this.progress({ done, total, phase: 'bootstrap' });
      if ((await bootstrapIfNew(this.ctx, this.applier, bootstrapping)) > 0) this.announceSnapshotMerge();
      const problems: SyncAlarm[] = [];
      for (let round = 0; round < MAX_PULL_ROUNDS; round += 1) {
        const result = await this.puller.pull();
        applied += result.ops;
        this.state.quarantined = result.quarantined;
        problems.push(...result.alarms);
        if (result.touched.size > 0) {
          this.hooks.merged?.(result.touched);
          this.hooks.changed([...result.touched.keys()].sort());
        }
        const uncovered = await coverGaps(this.ctx, this.applier, result.gaps, bootstrapping);
        if (uncovered.length < result.gaps.length) {
          this.announceSnapshotMerge();
          continue;
        }
        for (const gap of uncovered) {
          problems.push({ deviceId: gap.deviceId, message: `Segments ${gap.from}–${gap.to} of its history are missing from the cloud.` });
        }
        if (result.ops > 0) this.progress({ done: applied, total: null, phase: 'pull' });
        if (result.behind === 0 || result.segments === 0) break;
      }
      this.alarms.settle(problems);
      // What we applied moves our head's applied vector: others may now trim or order by it.
      if (applied > 0) await this.pusher.writeHead();
      // Looked at hourly, not every poll: an idle workstation should cost one LIST of heads and nothing else.
      if (Date.now() - this.maintainedAt >= this.options.snapshotCheckMs) {
        this.maintainedAt = Date.now();
        this.pusher.prunePushed(new Date(Date.now() - PUSHED_OPS_KEPT_MS).toISOString());
        if (this.options.snapshotEveryMs > 0) {
          await maybeWriteSnapshot(this.ctx, { everyMs: this.options.snapshotEveryMs, retentionMs: this.options.retentionMs });
        }
      }
      // Stamps follow the cloud's clock when ours is far off, so writes still order correctly against others'.
      this.capture.clock.correct(this.alarms.clockSkew(this.ctx.objects.clockSkewMs()));
      this.failures = 0;
      this.state.online = true;
      this.state.offlineSince = null;
      this.state.lastError = null;
      this.state.lastSyncAt = new Date().toISOString();
      this.remember({ outcome: 'ok', sent, received: applied, message: null });
    } catch (error) {
      this.failures += 1;
      if (error instanceof StoreError && error.failure === 'unreachable') {
        this.state.online = false;
        this.state.offlineSince ??= new Date().toISOString();
        this.state.lastError = null;
      } else {
        this.state.lastError = error instanceof Error ? error.message : 'Sync failed for an unknown reason.';
      }
      const offline = error instanceof StoreError && error.failure === 'unreachable';
      this.remember({ outcome: offline ? 'offline' : 'error', sent, received: applied, message: offline ? null : this.state.lastError });
    } finally {
      this.state.progress = null;
      this.inRound = false;
      this.emitStatus();
    }
  }

  /** Rows merged from a snapshot are the writer's already-checked state: refresh screens, skip the invariant checks. */
  private announceSnapshotMerge(): void {
    const tables = [...this.applier.take().keys()].sort();
    if (tables.length > 0) this.hooks.changed(tables);
  }

  /** Write a snapshot now (and prune what it makes redundant). */
  async writeSnapshot(): Promise<void> {
    await maybeWriteSnapshot(this.ctx, { everyMs: 0, retentionMs: this.options.retentionMs });
  }

  /** Put this workstation's public key in the clinic's roster, once per run (and after a fork). */
  private async publish(): Promise<void> {
    if (this.published) return;
    const label = readState(this.ctx.sqlite, 'workstation_prefix');
    await publishRosterEntry(this.ctx, this.ctx.deviceKey, label ?? '');
    this.published = true;
  }

  private async push(): Promise<number> {
    await this.publish();
    try {
      return await this.pusher.pushAll((done) => this.progress({ done, total: null, phase: 'push' }));
    } catch (error) {
      if (!(error instanceof ForkError)) throw error;
      const { newId } = forkIdentity(this.ctx.sqlite, this.capture.clock);
      this.ctx = { ...this.ctx, deviceId: newId, deviceKey: deviceKey(this.ctx.sqlite, newId) };
      this.published = false;
      await this.publish();
      this.pusher = new Pusher(this.ctx, this.options.pushLimits);
      this.puller = new Puller(this.ctx, this.applier);
      this.alarms.forked();
      return this.pusher.pushAll((done) => this.progress({ done, total: null, phase: 'push' }));
    }
  }

  /** The last rounds, newest first, for the sync panel: quiet rounds are not worth a line. */
  private remember(entry: Omit<SyncRound, 'at'>): void {
    const last = this.history[0];
    if (entry.outcome === 'ok' && entry.sent === 0 && entry.received === 0 && last?.outcome === 'ok') return;
    this.history.unshift({ at: new Date().toISOString(), ...entry });
    this.history.length = Math.min(this.history.length, HISTORY_LENGTH);
  }

  private progress(progress: SyncStatus['progress']): void {
    this.state.progress = progress;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.hooks.status(this.status());
  }
}
