/**
 * Pull: one LIST of heads/ per poll; a device's head is read only when its
 * ETag moved, and its log listed only when the head is ahead of what we
 * applied. Segments are verified (seal, shape, seq, hash chain) and applied
 * in causal order — a segment waits until every segment its writer had
 * applied is applied here — each in one transaction with the cursor, so a
 * crash re-applies at most a whole segment, which is idempotent.
 */
import type { RemoteApplier } from './apply';
import type { SyncContext } from './context';
import { sha256Hex } from './crypto';
import { deviceOfHead, layout, seqOfSegment } from './layout';
import { rosterKeyFor, verifyBytes } from './roster';
import { Head, Segment, openJson, openSigned } from './segment';

interface DeviceCursor {
  deviceId: string;
  appliedSeq: number;
  appliedHash: string | null;
  headSeq: number;
  headEtag: string | null;
}

interface Fetched {
  segment: Segment;
  hash: string;
}

export interface SegmentGap {
  deviceId: string;
  from: number;
  to: number;
}

/** A device's history in the cloud does not add up: deleted, replaced or reordered segments. */
export interface SyncAlarm {
  deviceId: string;
  message: string;
}

export interface PullResult {
  segments: number;
  ops: number;
  /** Ops waiting in quarantine after this pull. */
  quarantined: number;
  alarms: SyncAlarm[];
  /** Devices whose next segments are gone from the cloud: a snapshot may cover them. */
  gaps: SegmentGap[];
  /** table -> rows changed here by remote ops. */
  touched: Map<string, Set<string>>;
  /** Devices whose head is ahead of what is applied here (more to fetch). */
  behind: number;
}

export class Puller {
  private readonly sql;

  constructor(
    private readonly ctx: SyncContext,
    private readonly applier: RemoteApplier,
    /** Segments fetched per device per round: bounds memory during a long catch-up. */
    private readonly maxSegmentsPerDevice = 20,
  ) {
    const { sqlite } = ctx;
    this.sql = {
      cursors: sqlite.prepare(
        'SELECT device_id AS deviceId, applied_seq AS appliedSeq, applied_hash AS appliedHash, head_seq AS headSeq, head_etag AS headEtag FROM sync_devices',
      ),
      saveHead: sqlite.prepare(
        'INSERT INTO sync_devices (device_id, head_seq, head_etag) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET head_seq = excluded.head_seq, head_etag = excluded.head_etag',
      ),
      advance: sqlite.prepare('UPDATE sync_devices SET applied_seq = ?, applied_hash = ?, last_seen_at = ? WHERE device_id = ?'),
    };
  }

  async pull(): Promise<PullResult> {
    const { objects, clinicId, deviceId } = this.ctx;
    const cursors = this.cursors();
    const alarms: SyncAlarm[] = [];

    for (const listed of await objects.list(layout.headsPrefix(clinicId))) {
      const device = deviceOfHead(clinicId, listed.key);
      if (!device || device === deviceId) continue;
      const cursor = cursors.get(device);
      if (cursor?.headEtag === listed.etag) continue;
      const bytes = await objects.get(listed.key);
      if (!bytes) continue;
      try {
        const head = await openJson(Head, bytes, listed.key, (epoch) => this.ctx.keys.get(epoch));
        this.sql.saveHead.run(device, head.seq, listed.etag);
      } catch (error) {
        alarms.push({ deviceId: device, message: `Its status in the cloud cannot be read: ${messageOf(error)}` });
      }
    }

    const fetched = new Map<string, Fetched[]>();
    const gaps: SegmentGap[] = [];
    for (const cursor of this.cursors().values()) {
      if (cursor.headSeq <= cursor.appliedSeq) continue;
      const result = await this.fetchSegments(cursor);
      if ('alarm' in result) alarms.push(result.alarm);
      if ('gap' in result) gaps.push(result.gap);
      if (result.segments.length > 0) fetched.set(cursor.deviceId, result.segments);
    }

    const { segments, ops } = this.applyInCausalOrder(fetched);
    const quarantined = this.ctx.sqlite.transaction(() => {
      const waiting = this.applier.retryQuarantine();
      this.applier.saveClock(); // a released op may have moved the clock: persist it with the op
      return waiting;
    })();
    const behind = [...this.cursors().values()].filter(
      (c) => c.headSeq > c.appliedSeq && !alarms.some((a) => a.deviceId === c.deviceId),
    ).length;
    return { segments, ops, quarantined, alarms, gaps, touched: this.applier.take(), behind };
  }

  private async fetchSegments(
    cursor: DeviceCursor,
  ): Promise<{ segments: Fetched[] } | { segments: Fetched[]; alarm: SyncAlarm } | { segments: Fetched[]; gap: SegmentGap }> {
    const { objects, clinicId } = this.ctx;
    const after = cursor.appliedSeq > 0 ? layout.segment(clinicId, cursor.deviceId, cursor.appliedSeq) : undefined;
    const listed = await objects.list(layout.logPrefix(clinicId, cursor.deviceId), after);
    const segments: Fetched[] = [];
    let expectedSeq = cursor.appliedSeq + 1;
    let prev = cursor.appliedHash;
    let signer: Awaited<ReturnType<typeof rosterKeyFor>> | undefined;
    const alarm = (message: string) => ({ segments, alarm: { deviceId: cursor.deviceId, message } });
    for (const object of listed.slice(0, this.maxSegmentsPerDevice)) {
      const seq = seqOfSegment(clinicId, cursor.deviceId, object.key);
      if (seq === undefined) continue;
      if (seq !== expectedSeq) {
        // Missing right after what we applied: retired by retention (a snapshot covers it) or deleted; the engine decides.
        if (segments.length === 0) return { segments, gap: { deviceId: cursor.deviceId, from: expectedSeq, to: seq - 1 } };
        return alarm(`Segment ${expectedSeq} of its history is missing from the cloud.`);
      }
      const bytes = await objects.get(object.key);
      if (!bytes) return alarm(`Segment ${seq} of its history disappeared from the cloud.`);
      let segment: Segment;
      let signed: { body: Buffer; sig: string | null };
      try {
        const opened = await openSigned(Segment, bytes, object.key, (epoch) => this.ctx.keys.get(epoch));
        segment = opened.value;
        signed = opened;
      } catch (error) {
        return alarm(`Segment ${seq} of its history cannot be opened: ${messageOf(error)}`);
      }
      signer ??= await rosterKeyFor(this.ctx, cursor.deviceId);
      if ('problem' in signer) return alarm(signer.problem);
      if (!signed.sig || !verifyBytes(signer.publicKey, signed.body, signed.sig)) {
        return alarm(`Segment ${seq} is not signed by that workstation's key: it was forged or altered.`);
      }
      if (segment.seq !== seq || segment.deviceId !== cursor.deviceId || segment.clinicId !== clinicId)
        return alarm(`Segment ${seq} of its history does not belong where it is stored.`);
      if (segment.prev !== prev)
        return alarm(`Segment ${seq} does not follow the segment applied before it: its history was replaced or rolled back.`);
      const hash = sha256Hex(bytes);
      segments.push({ segment, hash });
      prev = hash;
      expectedSeq += 1;
    }
    // The head is ahead but nothing follows our cursor: retired by retention, or deleted (the engine decides).
    if (segments.length === 0 && listed.length === 0 && cursor.headSeq > cursor.appliedSeq)
      return { segments, gap: { deviceId: cursor.deviceId, from: cursor.appliedSeq + 1, to: cursor.headSeq } };
    return { segments };
  }

  /** Apply fetched segments, each once every segment its writer had applied is applied here. */
  private applyInCausalOrder(fetched: Map<string, Fetched[]>): { segments: number; ops: number } {
    const applied = new Map([...this.cursors().values()].map((c) => [c.deviceId, c.appliedSeq]));
    let segments = 0;
    let ops = 0;
    for (let progress = true; progress;) {
      progress = false;
      for (const [device, queue] of fetched) {
        while (queue.length > 0) {
          const next = queue[0];
          if (!next || !this.ready(next.segment, applied)) break;
          this.applySegment(next);
          queue.shift();
          applied.set(device, next.segment.seq);
          segments += 1;
          ops += next.segment.ops.length;
          progress = true;
        }
      }
    }
    return { segments, ops };
  }

  private ready(segment: Segment, applied: Map<string, number>): boolean {
    return Object.entries(segment.applied).every(
      ([device, seq]) => device === this.ctx.deviceId || device === segment.deviceId || (applied.get(device) ?? 0) >= seq,
    );
  }

  private applySegment({ segment, hash }: Fetched): void {
    const { sqlite } = this.ctx;
    sqlite.transaction(() => {
      for (const op of segment.ops) this.applier.apply(op, segment.deviceId);
      // The stamps received are persisted with the ops, or a restart would stamp local edits before them.
      this.applier.saveClock();
      this.sql.advance.run(segment.seq, hash, new Date().toISOString(), segment.deviceId);
    })();
  }

  private cursors(): Map<string, DeviceCursor> {
    return new Map((this.sql.cursors.all() as DeviceCursor[]).map((c) => [c.deviceId, c]));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
