/**
 * Wrong clocks (ARCHITECTURE §4 "Clocks"): a workstation whose clock runs
 * hours ahead still merges the same way on every workstation (its stamps
 * decide, consistently); once the engine corrects it from the store's clock
 * its writes order by real time; ops stamped more than a day ahead wait in
 * quarantine until time catches up; a restarted workstation still stamps its
 * writes after what it had received. Replicas are the engine's real pieces on
 * a virtual clock, each with its own offset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patients } from '../../db/schema';
import { MAX_FUTURE_MS } from '../../main/sync/apply';
import { parseHlc } from '../../main/sync/hlc';
import { migratedTemplate, TestCloud, type Replica } from '../support/sync-replica';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let root: string;
let template: string;
let cloud: TestCloud;
let runs = 0;
const time = { now: 0 };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'outpost-clocks-'));
  template = migratedTemplate(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  runs += 1;
  time.now = Date.UTC(2031, 9, 1, 9);
  cloud = new TestCloud(join(root, 'cloud'), `clinic-${runs}`, template, join(root, `dbs-${runs}`));
});
afterEach(() => cloud.close());

/** Replicas whose clocks are off by the given milliseconds. */
function replicas(...offsets: number[]): Replica[] {
  return offsets.map((offset, i) => cloud.replica(`device-${'abc'[i] ?? i}`, { now: () => time.now + offset }));
}

async function syncAll(all: Replica[]): Promise<void> {
  for (let pass = 0; pass < 2; pass += 1) {
    for (const replica of all) await replica.push();
    for (const replica of all) await replica.pullAll();
  }
}

function addPatient(replica: Replica, id: string): void {
  replica.capture.mutate((w) =>
    w.insert(patients, { id, mrn: `MRN-${id}`, givenName: 'Ola', familyName: 'Nordmann', sex: 'male', dateOfBirth: '1966-06-06' }),
  );
}
const setCity = (replica: Replica, id: string, city: string) => replica.capture.mutate((w) => w.update(patients, id, { city }));
const cityOn = (replica: Replica, id: string) =>
  (replica.sqlite.prepare('SELECT city FROM patients WHERE id = ?').get(id) as { city: string | null } | undefined)?.city;

describe('a workstation whose clock runs hours ahead', () => {
  it('wins concurrent edits on every workstation, consistently, while its clock is not corrected', async () => {
    const [fast, b, c] = replicas(3 * HOUR, 0, 0);
    if (!fast || !b || !c) throw new Error('replicas');
    addPatient(b, 'p1');
    await syncAll([fast, b, c]);
    // Both offline; B's edit is 10 minutes later in real time, but the fast clock stamps its own 3 h ahead.
    setCity(fast, 'p1', 'Bergen');
    time.now += 10 * MINUTE;
    setCity(b, 'p1', 'Bodø');
    await syncAll([fast, b, c]);
    for (const replica of [fast, b, c]) expect(cityOn(replica, 'p1')).toBe('Bergen');
    expect(b.dump()).toEqual(fast.dump());
    expect(c.dump()).toEqual(fast.dump());
    expect(b.quarantined()).toEqual([]);
  });

  it('orders by real time once corrected from the store clock, as the engine does when the store disagrees', async () => {
    const [fast, b] = replicas(3 * HOUR, 0);
    if (!fast || !b) throw new Error('replicas');
    // engine.ts checkClock: the store's Date is 3 h behind this workstation's clock.
    fast.capture.clock.correct(-3 * HOUR);
    addPatient(b, 'p2');
    await syncAll([fast, b]);
    setCity(fast, 'p2', 'Bergen');
    time.now += 10 * MINUTE;
    setCity(b, 'p2', 'Bodø');
    await syncAll([fast, b]);
    expect(cityOn(fast, 'p2')).toBe('Bodø');
    expect(fast.dump()).toEqual(b.dump());
    const [stamp] = fast.outbox().map((op) => parseHlc(op.hlc).wallMs);
    expect(Math.abs((stamp ?? 0) - (time.now - 10 * MINUTE))).toBeLessThan(MINUTE);
  });

  it('has ops stamped more than a day ahead wait in quarantine, without holding up the log, until time catches up', async () => {
    const [fast, b] = replicas(30 * HOUR, 0);
    if (!fast || !b) throw new Error('replicas');
    addPatient(fast, 'p3');
    await fast.push();
    addPatient(b, 'p4');
    await b.push();
    const first = await b.pullAll();
    expect(first.alarms).toEqual([]);
    expect(b.quarantined().map((q) => q.reason)).toEqual(['clock_ahead']);
    expect(b.sqlite.prepare('SELECT applied_seq AS seq FROM sync_devices WHERE device_id = ?').get(fast.deviceId)).toEqual({ seq: 1 });
    expect(cityOn(b, 'p3')).toBeUndefined();

    // Five hours later its stamps are still more than a day ahead of B's clock; seven hours later they are not.
    time.now += 5 * HOUR;
    await b.pullAll();
    expect(b.quarantined().map((q) => q.reason)).toEqual(['clock_ahead']);
    time.now += 2 * HOUR;
    expect(parseHlc(fast.outbox()[0]?.hlc ?? '').wallMs - time.now).toBeLessThan(MAX_FUTURE_MS);
    await b.pullAll();
    expect(b.quarantined()).toEqual([]);
    expect(cityOn(b, 'p3')).toBeNull();
    await syncAll([fast, b]);
    expect(b.dump()).toEqual(fast.dump());
  });
});

describe('stamps after a restart', () => {
  it('a restarted workstation stamps its next edit after the ones it had received, so its edit wins everywhere', async () => {
    // A's clock is 3 minutes ahead: within what the HLC follows (hlc.ts MAX_FOLLOW_AHEAD_MS).
    const [a, b] = replicas(3 * MINUTE, 0);
    if (!a || !b) throw new Error('replicas');
    addPatient(a, 'p5');
    setCity(a, 'p5', 'Alta');
    await syncAll([a, b]);
    // B closes before writing anything: only what it persisted survives.
    const restarted = cloud.restart(b);
    time.now += 1000;
    setCity(restarted, 'p5', 'Narvik');
    await syncAll([a, restarted]);
    expect(cityOn(restarted, 'p5')).toBe('Narvik');
    expect(cityOn(a, 'p5')).toBe('Narvik');
    expect(a.dump()).toEqual(restarted.dump());
  });
});

describe('clocks within the engine tolerance but further apart than the HLC follows', () => {
  // Each clock is within the engine's 5-minute warning of the store (no correction), yet they are 8 minutes
  // apart, beyond MAX_FOLLOW_AHEAD_MS. B's edit, made after it received A's row, must still be stamped after
  // A's insert (mutate.ts stamps after the row's newest version), or it would win on B and lose elsewhere.
  it('an edit made after receiving a row ends the same on every workstation', async () => {
    const [a, b] = replicas(4 * MINUTE, -4 * MINUTE);
    if (!a || !b) throw new Error('replicas');
    addPatient(a, 'p6');
    await syncAll([a, b]);
    setCity(b, 'p6', 'Hammerfest');
    await syncAll([a, b]);
    expect(cityOn(b, 'p6')).toBe(cityOn(a, 'p6'));
    expect(a.dump()).toEqual(b.dump());
  });
});
