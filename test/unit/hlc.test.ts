/**
 * The hybrid logical clock orders every change of the clinic (last writer
 * wins by stamp), so its stamps must strictly increase whatever the wall
 * clock does, and must sort after anything this device has seen.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc, HybridLogicalClock, MAX_FOLLOW_AHEAD_MS, parseHlc } from '../../main/sync/hlc';
import { announceSeed, seededRandom } from '../support/random';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

/** A clock whose wall time the test controls. */
function controlled(deviceId = 'device-a', start = T0) {
  let now = start;
  const clock = new HybridLogicalClock(deviceId, undefined, () => now);
  return {
    clock,
    set: (ms: number) => {
      now = ms;
    },
  };
}

describe('HLC stamps', () => {
  it('round-trip through format and parse, and sort as strings in (time, counter, device) order', () => {
    const a = { wallMs: T0, counter: 7, deviceId: 'dev-1' };
    expect(parseHlc(formatHlc(a))).toEqual(a);
    const stamps = [
      formatHlc({ wallMs: T0 + 1, counter: 0, deviceId: 'a' }),
      formatHlc({ wallMs: T0, counter: 10, deviceId: 'a' }),
      formatHlc({ wallMs: T0, counter: 9, deviceId: 'b' }),
      formatHlc({ wallMs: T0, counter: 9, deviceId: 'a' }),
      formatHlc({ wallMs: 999, counter: 999_999, deviceId: 'z' }),
    ];
    const byString = [...stamps].sort();
    const byTuple = [...stamps].sort((x, y) => {
      const p = parseHlc(x);
      const q = parseHlc(y);
      return p.wallMs - q.wallMs || p.counter - q.counter || p.deviceId.localeCompare(q.deviceId);
    });
    expect(byString).toEqual(byTuple);
  });

  it('rejects a malformed stamp', () => {
    expect(() => parseHlc('12-3-x')).toThrow(/Malformed/);
    expect(() => parseHlc('')).toThrow(/Malformed/);
  });
});

describe('HybridLogicalClock.tick', () => {
  it('uses the wall clock when it moves forward and resets the counter', () => {
    const { clock, set } = controlled();
    expect(parseHlc(clock.tick())).toEqual({ wallMs: T0, counter: 0, deviceId: 'device-a' });
    set(T0 + 5);
    expect(parseHlc(clock.tick())).toEqual({ wallMs: T0 + 5, counter: 0, deviceId: 'device-a' });
  });

  it('counts up within one millisecond', () => {
    const { clock } = controlled();
    const stamps = Array.from({ length: 5 }, () => clock.tick());
    expect(stamps.map((s) => parseHlc(s).counter)).toEqual([0, 1, 2, 3, 4]);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('keeps increasing when the wall clock goes backwards', () => {
    const { clock, set } = controlled();
    const first = clock.tick();
    set(T0 - 60 * 60_000); // an hour back, e.g. an NTP correction
    const second = clock.tick();
    const third = clock.tick();
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
    expect(parseHlc(second).wallMs).toBe(T0);
  });

  it('borrows the next millisecond when the counter overflows, still increasing', () => {
    const clock = new HybridLogicalClock('device-a', { wallMs: T0, counter: 999_998 }, () => T0);
    const a = clock.tick();
    const b = clock.tick();
    const c = clock.tick();
    expect(parseHlc(a)).toMatchObject({ wallMs: T0, counter: 999_999 });
    expect(parseHlc(b)).toMatchObject({ wallMs: T0 + 1, counter: 0 });
    expect(parseHlc(c)).toMatchObject({ wallMs: T0 + 1, counter: 1 });
    expect(a < b && b < c).toBe(true);
    // The fixed-width format still holds after the overflow.
    expect(b).toMatch(/^\d{15}-\d{6}-device-a$/);
  });

  it('starts from a persisted state, so stamps after a restart sort after the ones before', () => {
    const { clock } = controlled();
    clock.tick();
    const last = clock.tick();
    // Restart with the saved state and a wall clock that is now behind it.
    const restarted = new HybridLogicalClock('device-a', clock.snapshot(), () => T0 - 1000);
    expect(restarted.tick() > last).toBe(true);
  });
});

describe('HybridLogicalClock.receive', () => {
  it('makes later local stamps sort after a remote stamp a little in the future', () => {
    const { clock } = controlled('device-a');
    const remote = formatHlc({ wallMs: T0 + 120_000, counter: 42, deviceId: 'device-b' });
    clock.receive(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toMatchObject({ wallMs: T0 + 120_000, counter: 44 });
  });

  it('does not follow a stamp far in the future (one wrong clock must not drag the others along)', () => {
    const { clock } = controlled('device-a');
    const remote = formatHlc({ wallMs: T0 + MAX_FOLLOW_AHEAD_MS + 3_600_000, counter: 42, deviceId: 'device-b' });
    clock.receive(remote);
    expect(parseHlc(clock.tick()).wallMs).toBe(T0);
  });

  it("stamps by the store-corrected time when this workstation's clock is off", () => {
    const { clock } = controlled('device-a');
    clock.correct(2 * 3_600_000);
    expect(parseHlc(clock.tick()).wallMs).toBe(T0 + 2 * 3_600_000);
    expect(clock.wallNow()).toBe(T0 + 2 * 3_600_000);
  });

  it('sorts after a remote stamp even when the device id would sort lower', () => {
    const { clock } = controlled('aaa');
    const remote = formatHlc({ wallMs: T0, counter: 5, deviceId: 'zzz' });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('ignores an old remote stamp except to move forward', () => {
    const { clock, set } = controlled();
    set(T0 + 10);
    clock.receive(formatHlc({ wallMs: T0 - 5000, counter: 3, deviceId: 'device-b' }));
    expect(parseHlc(clock.tick())).toMatchObject({ wallMs: T0 + 10 });
  });

  it('handles a remote stamp whose counter is at its maximum', () => {
    const { clock } = controlled();
    const remote = formatHlc({ wallMs: T0 + 50, counter: 999_999, deviceId: 'device-b' });
    clock.receive(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(next).toMatch(/^\d{15}-\d{6}-device-a$/);
  });

  it('throws on a malformed remote stamp and keeps its state', () => {
    const { clock } = controlled();
    const before = clock.snapshot();
    expect(() => clock.receive('not a stamp')).toThrow();
    expect(clock.snapshot()).toEqual(before);
  });
});

describe('HybridLogicalClock under random wall clocks and remote stamps', () => {
  it('always issues strictly increasing stamps that sort after everything received', () => {
    const seed = 20261123;
    announceSeed('hlc random walk', seed);
    const random = seededRandom(seed);
    let now = T0;
    const clock = new HybridLogicalClock('device-a', undefined, () => now);
    let last = '';
    let maxReceived = '';
    for (let step = 0; step < 5000; step++) {
      const r = random();
      // The wall clock mostly advances a little, sometimes stalls, sometimes jumps back.
      if (r < 0.5) now += Math.floor(random() * 3);
      else if (r < 0.55) now -= Math.floor(random() * 10_000);
      if (random() < 0.2) {
        const remote = formatHlc({
          wallMs: now + Math.floor((random() - 0.3) * 20_000),
          counter: random() < 0.05 ? 999_999 : Math.floor(random() * 100),
          deviceId: random() < 0.5 ? 'device-0' : 'device-z',
        });
        clock.receive(remote);
        if (remote > maxReceived) maxReceived = remote;
      }
      const stamp = clock.tick();
      expect(stamp > last, `step ${step} (seed ${seed}): ${stamp} after ${last}`).toBe(true);
      expect(stamp > maxReceived, `step ${step} (seed ${seed}): ${stamp} after received ${maxReceived}`).toBe(true);
      last = stamp;
    }
  });
});
