/**
 * Hybrid logical clock (Kulkarni et al.). A stamp is a fixed-width string
 * "<wall ms, 15 digits>-<counter, 6 digits>-<device id>" so that plain string
 * comparison orders stamps by (time, counter, device), which is exactly the
 * last-writer-wins order of ARCHITECTURE §4.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
}

export interface ParsedHlc extends HlcState {
  deviceId: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export function formatHlc(stamp: ParsedHlc): string {
  return `${String(stamp.wallMs).padStart(WALL_DIGITS, '0')}-${String(stamp.counter).padStart(COUNTER_DIGITS, '0')}-${stamp.deviceId}`;
}

export function parseHlc(value: string): ParsedHlc {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(value);
  if (!match) throw new Error('Malformed HLC stamp');
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

/** A remote stamp further ahead than this is not followed: one wrong clock must not drag every workstation's stamps into the future. */
export const MAX_FOLLOW_AHEAD_MS = 5 * 60 * 1000;

export class HybridLogicalClock {
  private state: HlcState;
  /** Correction from the cloud store's clock when this workstation's own is far off (0 otherwise). */
  private offsetMs = 0;

  constructor(
    private id: string,
    initial: HlcState = { wallMs: 0, counter: 0 },
    private readonly now: () => number = Date.now,
  ) {
    this.state = { ...initial };
  }

  get deviceId(): string {
    return this.id;
  }

  /** Stamp with a new device id from now on (after a fork: a copied disk takes a new identity). */
  adopt(deviceId: string): void {
    this.id = deviceId;
  }

  /** Trust the store's clock over ours: `offsetMs` = store time - our time (0 to go back to ours). */
  correct(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  /** Wall-clock time as the clock uses it: ours, corrected by the store's when far off. */
  wallNow(): number {
    return this.now() + this.offsetMs;
  }

  /** Stamp a local event. */
  tick(): string {
    const wall = this.wallNow();
    if (wall > this.state.wallMs) {
      this.state = { wallMs: wall, counter: 0 };
    } else {
      this.bumpCounter();
    }
    return formatHlc({ ...this.state, deviceId: this.deviceId });
  }

  /**
   * Stamp a local write that overwrites values stamped `after`: the write must
   * sort after them or it would lose on every other workstation while showing
   * here. Follows `after` even when it is far ahead (unlike receive): a local
   * edit must win over what the person saw and changed.
   */
  tickAfter(after: string | undefined): string {
    const stamp = this.tick();
    if (after === undefined || stamp > after) return stamp;
    const other = parseHlc(after);
    this.state = { wallMs: other.wallMs, counter: other.counter };
    this.bumpCounter();
    return formatHlc({ ...this.state, deviceId: this.deviceId });
  }

  /** Fold in a stamp received from another device so later local stamps sort after it. */
  receive(remote: string): void {
    const other = parseHlc(remote);
    const wall = this.wallNow();
    if (other.wallMs > wall + MAX_FOLLOW_AHEAD_MS) return;
    const maxWall = Math.max(wall, this.state.wallMs, other.wallMs);
    if (maxWall === this.state.wallMs && maxWall === other.wallMs) {
      this.state = { wallMs: maxWall, counter: Math.max(this.state.counter, other.counter) };
      this.bumpCounter();
    } else if (maxWall === this.state.wallMs) {
      this.bumpCounter();
    } else if (maxWall === other.wallMs) {
      this.state = { wallMs: maxWall, counter: other.counter };
      this.bumpCounter();
    } else {
      this.state = { wallMs: maxWall, counter: 0 };
    }
  }

  snapshot(): HlcState {
    return { ...this.state };
  }

  private bumpCounter(): void {
    if (this.state.counter >= MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond.
      this.state = { wallMs: this.state.wallMs + 1, counter: 0 };
    } else {
      this.state = { ...this.state, counter: this.state.counter + 1 };
    }
  }
}
