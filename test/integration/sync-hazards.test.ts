/**
 * Ops that cannot be applied when they arrive (ARCHITECTURE §4, "the part
 * that must never get stuck"): a row's update before its insert, a table or
 * columns from a newer Outpost, a row this version cannot store. Each is
 * parked in quarantine with its reason, kept intact, retried after every
 * pull, never blocks the writer's cursor, and what can be applied is.
 * Replicas are the engine's real pieces over real SQLite and a real folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appointments, patients, rooms } from '../../db/schema';
import type { RemoteOp } from '../../main/sync/segment';
import { appendSegments, craftedDevice, craftedOp, type CraftedLog } from '../support/sync-craft';
import { migratedTemplate, TestCloud, type Replica } from '../support/sync-replica';

let root: string;
let template: string;
let cloud: TestCloud;
let runs = 0;
const time = { now: Date.UTC(2031, 4, 6, 9) };
const now = () => time.now;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'outpost-hazards-'));
  template = migratedTemplate(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  runs += 1;
  cloud = new TestCloud(join(root, 'cloud'), `clinic-${runs}`, template, join(root, `dbs-${runs}`));
});
afterEach(() => cloud.close());

/** A device of a newer Outpost (in the roster, signing its segments), and appending to its log. */
const newDevice = (deviceId: string) => craftedDevice(cloud.objects, cloud.clinicId, cloud.keys, deviceId);
const append = (log: CraftedLog, segments: RemoteOp[][]) => appendSegments(cloud.objects, cloud.clinicId, cloud.keys, log, segments);

const row = (replica: Replica, table: string, id: string) =>
  replica.sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
const parked = (replica: Replica) =>
  replica.sqlite.prepare('SELECT op_id AS opId, device_id AS deviceId, reason, op FROM sync_quarantine ORDER BY hlc').all() as {
    opId: string;
    deviceId: string;
    reason: string;
    op: string;
  }[];
const cursor = (replica: Replica, deviceId: string) =>
  replica.sqlite.prepare('SELECT applied_seq AS seq FROM sync_devices WHERE device_id = ?').get(deviceId) as { seq: number } | undefined;

function addPatient(replica: Replica, id: string): void {
  replica.capture.mutate((w) =>
    w.insert(patients, { id, mrn: `MRN-${id}`, givenName: 'Ada', familyName: 'Quist', sex: 'female', dateOfBirth: '1971-07-07' }),
  );
}

/** A room insert as a writer of some other version would send it. */
function roomInsert(device: string, id: string, extra: Record<string, string | number | null>, counter = 0): RemoteOp {
  const stamp = new Date(time.now).toISOString();
  return craftedOp(device, time.now, counter, {
    table: 'rooms',
    row: id,
    kind: 'insert',
    data: { id, created_at: stamp, updated_at: stamp, deleted_at: null, origin_device: device, ...extra },
  });
}

describe('a child row that arrives before its parent', () => {
  it('parks the update of a row not seen yet, moves the cursor on, and applies it once the insert arrives', async () => {
    const [a, b, c] = ['device-a', 'device-b', 'device-c'].map((id) => cloud.replica(id, { now }));
    if (!a || !b || !c) throw new Error('replicas');
    addPatient(a, 'patient-1');
    await a.push();
    await b.pullAll();
    // B's next segment does not say it depends on A's (as from a re-bootstrapped or forked writer):
    // nothing but the quarantine stands between C and an update of a row it does not have.
    b.resetCursor(a.deviceId);
    time.now += 1000;
    b.capture.mutate((w) => {
      w.update(patients, 'patient-1', { city: 'Tromsø', notes: 'moved north' });
      w.insert(appointments, {
        id: 'appt-1',
        patientId: 'patient-1',
        providerId: 'provider-1',
        typeId: 'type-1',
        startAt: '2031-05-07T09:00:00.000Z',
        endAt: '2031-05-07T09:20:00.000Z',
        status: 'booked',
      });
    });
    await b.push();

    // C hears from B before A (A's head has not reached it).
    c.store.hidden.add(a.deviceId);
    const first = await c.pullAll();
    expect(first.alarms).toEqual([]);
    expect(first.quarantined).toBe(1);
    expect(parked(c).map((p) => [p.deviceId, p.reason])).toEqual([[b.deviceId, 'missing_row']]);
    expect(cursor(c, b.deviceId)?.seq).toBe(1);
    expect(row(c, 'patients', 'patient-1')).toBeUndefined();
    expect(row(c, 'appointments', 'appt-1')).toMatchObject({ patient_id: 'patient-1', status: 'booked' });

    // Retried after every pull, it waits as long as the parent is missing.
    expect((await c.pullAll()).quarantined).toBe(1);

    c.store.hidden.clear();
    const second = await c.pullAll();
    expect(second.quarantined).toBe(0);
    expect(parked(c)).toEqual([]);
    expect(row(c, 'patients', 'patient-1')).toMatchObject({ given_name: 'Ada', city: 'Tromsø', notes: 'moved north' });

    for (const replica of [a, b, c]) await replica.pullAll();
    expect(c.dump()).toEqual(a.dump());
    expect(b.dump()).toEqual(a.dump());
  });

  it('parks a tombstone of a row not seen yet, and the row arrives deleted', async () => {
    const [a, b, c] = ['device-a', 'device-b', 'device-c'].map((id) => cloud.replica(id, { now }));
    if (!a || !b || !c) throw new Error('replicas');
    addPatient(a, 'patient-2');
    await a.push();
    await b.pullAll();
    b.resetCursor(a.deviceId);
    time.now += 1000;
    b.capture.mutate((w) => w.remove(patients, 'patient-2'));
    await b.push();
    c.store.hidden.add(a.deviceId);
    await c.pullAll();
    expect(parked(c).map((p) => p.reason)).toEqual(['missing_row']);
    c.store.hidden.clear();
    await c.pullAll();
    expect(parked(c)).toEqual([]);
    expect(row(c, 'patients', 'patient-2')?.deleted_at).toEqual(row(b, 'patients', 'patient-2')?.deleted_at);
    expect(row(c, 'patients', 'patient-2')?.deleted_at).not.toBeNull();
    expect(c.sqlite.prepare('SELECT count(*) AS n FROM patient_search').get()).toEqual({ n: 0 });
  });
});

describe('ops from a newer Outpost', () => {
  it('parks an op for an unknown table, keeps it intact across pulls, and still applies the rest of the log', async () => {
    const reader = cloud.replica('device-reader', { now });
    const newer = 'device-newer';
    // A table this version does not have (named so no migration of ours will ever add it).
    const lab: RemoteOp = craftedOp(newer, time.now, 0, {
      table: 'future_referral_letters',
      row: 'letter-1',
      kind: 'insert',
      data: { id: 'letter-1', patient_id: 'patient-1', specialty: 'cardiology' },
    });
    const log = await append(await newDevice(newer), [[lab, roomInsert(newer, 'room-1', { name: 'Exam 1', active: 1 }, 1)]]);
    const first = await reader.pullAll();
    expect(first.alarms).toEqual([]);
    expect(first.quarantined).toBe(1);
    expect(row(reader, 'rooms', 'room-1')).toMatchObject({ name: 'Exam 1' });

    // The cursor moves on: later segments of the same writer apply.
    time.now += 1000;
    const rename = craftedOp(newer, time.now, 0, {
      table: 'rooms',
      row: 'room-1',
      kind: 'update',
      data: { name: 'Exam 1 (east)', updated_at: new Date(time.now).toISOString() },
    });
    await append(log, [[rename]]);
    const second = await reader.pullAll();
    expect(second.alarms).toEqual([]);
    expect(cursor(reader, newer)?.seq).toBe(2);
    expect(row(reader, 'rooms', 'room-1')).toMatchObject({ name: 'Exam 1 (east)', hlc: rename.hlc });

    // Kept, not dropped, not altered: a later Outpost that knows the table applies it as sent.
    for (let i = 0; i < 3; i += 1) await reader.pullAll();
    const kept = parked(reader);
    expect(kept.map((p) => [p.opId, p.deviceId, p.reason])).toEqual([[lab.id, newer, 'unknown_table']]);
    expect(JSON.parse(kept[0]?.op ?? '{}')).toEqual(lab);
  });

  it('applies the known columns of an op with unknown ones and keeps it parked, without ever undoing a newer write', async () => {
    const reader = cloud.replica('device-reader', { now });
    const local = cloud.replica('device-local', { now });
    const newer = 'device-newer';
    const insert = roomInsert(newer, 'room-2', { name: 'Lab', active: 1, floor_plan: 'B2-14' });
    time.now += 1000;
    const update = craftedOp(newer, time.now, 0, {
      table: 'rooms',
      row: 'room-2',
      kind: 'update',
      data: { name: 'Lab 2', colour_code: 'teal', updated_at: new Date(time.now).toISOString() },
    });
    await append(await newDevice(newer), [[insert], [update]]);

    const first = await reader.pullAll();
    expect(first.alarms).toEqual([]);
    expect(row(reader, 'rooms', 'room-2')).toMatchObject({ name: 'Lab 2', active: 1, hlc: update.hlc });
    expect(parked(reader).map((p) => [p.opId, p.reason])).toEqual([
      [insert.id, 'unknown_columns'],
      [update.id, 'unknown_columns'],
    ]);
    expect(cursor(reader, newer)?.seq).toBe(2);

    // A newer local edit elsewhere wins; retrying the parked ops after every pull never brings 'Lab 2' back.
    await local.pullAll();
    time.now += 1000;
    local.capture.mutate((w) => w.update(rooms, 'room-2', { name: 'Phlebotomy' }));
    await local.push();
    await reader.pullAll();
    await reader.pullAll();
    expect(row(reader, 'rooms', 'room-2')).toMatchObject({ name: 'Phlebotomy' });
    expect(parked(reader).map((p) => p.reason)).toEqual(['unknown_columns', 'unknown_columns']);
    expect(reader.dump().rooms).toEqual(local.dump().rooms);
    // Waiting for an update, they are not re-applied on every poll (no screen refresh, no search-index churn).
    const idle = await reader.pullOnce();
    expect(idle.touched.size).toBe(0);
  });

  it('parks an insert this version cannot store (a required column missing) as rejected, and moves on', async () => {
    const reader = cloud.replica('device-reader', { now });
    const broken = roomInsert('device-newer', 'room-3', { active: 1 }); // no name: NOT NULL here
    const fine = roomInsert('device-newer', 'room-4', { name: 'Exam 4' }, 1);
    await append(await newDevice('device-newer'), [[broken], [fine]]);
    const result = await reader.pullAll();
    expect(result.alarms).toEqual([]);
    expect(parked(reader).map((p) => [p.opId, p.reason])).toEqual([[broken.id, 'rejected']]);
    expect(row(reader, 'rooms', 'room-3')).toBeUndefined();
    expect(row(reader, 'rooms', 'room-4')).toMatchObject({ name: 'Exam 4', active: 1 });
    expect(cursor(reader, 'device-newer')?.seq).toBe(2);
  });
});
