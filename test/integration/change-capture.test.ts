/**
 * Change capture (main/sync/mutate.ts): the outbox must describe every local
 * write exactly — no missing op (a change would never reach the other
 * workstations) and no spurious op (it would overwrite their newer edits) —
 * and the per-column versions must carry the stamp of the op that wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { parseHlc } from '../../main/sync/hlc';
import { expandVersions } from '../../main/sync/versions';
import { editable, makeClinic, type Clinic } from '../support/clinic';
import { at, upcoming } from '../support/time';

interface Op {
  seq: number;
  op_id: string;
  table_name: string;
  row_id: string;
  kind: 'insert' | 'update' | 'delete';
  payload: string;
  hlc: string;
  pushed_at: string | null;
}

let clinic: Clinic;
const day = upcoming(2, 21); // a Tuesday three weeks out

beforeAll(async () => {
  clinic = await makeClinic();
});
afterAll(() => clinic.close());

const lastSeq = () => clinic.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM sync_outbox')[0]?.seq ?? 0;
// Every write also appends its audit row (audit-trail.test.ts covers those): these tests look at the record's own ops.
const opsSince = (seq: number) =>
  clinic.query<Op>("SELECT * FROM sync_outbox WHERE seq > ? AND table_name <> 'audit_events' ORDER BY seq", seq);
/** Every op, audit rows included: the clock stamps them all. */
const allOpsSince = (seq: number) => clinic.query<Op>('SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq', seq);
const payloadOf = (op: Op) => JSON.parse(op.payload) as Record<string, unknown>;
const storedRow = (table: string, id: string) => clinic.query(`SELECT * FROM "${table}" WHERE id = ?`, id)[0];
const versionsOf = (table: string, id: string) => {
  const row = clinic.query<{ versions: string }>(
    'SELECT versions FROM sync_row_versions WHERE table_name = ? AND row_id = ?',
    table,
    id,
  )[0];
  if (!row) return undefined;
  // Stored compactly ("*" = every column of the insert); compare the expanded form, as a reader would see it.
  return expandVersions(JSON.parse(row.versions) as Record<string, string>, Object.keys(storedRow(table, id) ?? {}));
};

/** Insert ops carry the whole stored row, and every column's version is the op's stamp. */
function expectInsertDescribesRow(op: Op): void {
  expect(op.kind).toBe('insert');
  const row = storedRow(op.table_name, op.row_id);
  expect(payloadOf(op)).toEqual(row);
  expect(row?.hlc).toBe(op.hlc);
  const versions = versionsOf(op.table_name, op.row_id);
  expect(Object.keys(versions ?? {}).sort()).toEqual(Object.keys(row ?? {}).sort());
  for (const stamp of Object.values(versions ?? {})) expect(stamp).toBe(op.hlc);
}

describe('change capture', () => {
  let patientId = '';

  it('patients.create with two policies writes exactly 1 patient insert and 2 policy inserts equal to the stored rows', async () => {
    const since = lastSeq();
    const fd = await clinic.as('front_desk');
    const changed: string[][] = [];
    const off = clinic.core.on('data.changed', (e) => changed.push(e.tables));
    const patient = await fd.ok('patients.create', {
      ...clinic.patientFields(1),
      insurance: [
        { rank: 1, payerName: 'Acme Health', memberId: 'M-100', subscriberRelationship: 'self' },
        {
          rank: 2,
          payerName: 'Beta Mutual',
          memberId: 'B-200',
          groupNumber: 'G7',
          subscriberRelationship: 'spouse',
          subscriberName: 'Sam Spouse',
        },
      ],
    });
    off();
    patientId = patient.id;
    const ops = opsSince(since);
    expect(ops.map((o) => `${o.kind} ${o.table_name}`)).toEqual([
      'insert patients',
      'insert insurance_policies',
      'insert insurance_policies',
    ]);
    expect(ops[0]?.row_id).toBe(patient.id);
    expect(new Set(ops.slice(1).map((o) => o.row_id))).toEqual(new Set(patient.insurance.map((p) => p.id)));
    for (const op of ops) expectInsertDescribesRow(op);
    for (const op of ops.slice(1)) expect(payloadOf(op).patient_id).toBe(patient.id);
    const device = clinic.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'device_id'")[0]?.value;
    for (const op of ops) expect(payloadOf(op).origin_device).toBe(device);
    expect(new Set(ops.map((o) => o.op_id)).size).toBe(3);
    expect(ops.every((o) => o.pushed_at === null)).toBe(true);
    // One event for the record; its audit row is not announced (screens would refetch in a loop, see core.ts).
    expect(changed).toEqual([['insurance_policies', 'patients']]);
  });

  it('patients.update changing only the mobile phone writes one update op with phone_mobile and updated_at', async () => {
    const fd = await clinic.as('front_desk');
    const before = await fd.ok('patients.get', { id: patientId });
    const versionsBefore = versionsOf('patients', patientId) ?? {};
    const since = lastSeq();
    await fd.ok('patients.update', { ...editable(before), phoneMobile: '(312) 555-9876' });
    const ops = opsSince(since);
    expect(ops).toHaveLength(1);
    const [op] = ops;
    if (!op) throw new Error('no op');
    expect(op).toMatchObject({ kind: 'update', table_name: 'patients', row_id: patientId });
    const row = storedRow('patients', patientId);
    expect(payloadOf(op)).toEqual({ phone_mobile: '(312) 555-9876', updated_at: row?.updated_at });
    expect(row?.hlc).toBe(op.hlc);
    const versions = versionsOf('patients', patientId) ?? {};
    expect(versions.phone_mobile).toBe(op.hlc);
    expect(versions.updated_at).toBe(op.hlc);
    // Columns not written keep the stamp of the insert.
    for (const column of Object.keys(versionsBefore).filter((c) => c !== 'phone_mobile' && c !== 'updated_at')) {
      expect(versions[column], column).toBe(versionsBefore[column]);
    }
  });

  it('an update that changes nothing writes no op and leaves the database as it was', async () => {
    const fd = await clinic.as('front_desk');
    const current = await fd.ok('patients.get', { id: patientId });
    const snapshot = clinic.snapshot();
    const since = lastSeq();
    const saved = await fd.ok('patients.update', editable(current));
    expect(opsSince(since)).toEqual([]);
    expect(saved.updatedAt).toBe(current.updatedAt);
    expect(clinic.snapshot()).toEqual(snapshot);
  });

  it('removing one policy tombstones it with a delete op and keeps the other untouched', async () => {
    const fd = await clinic.as('front_desk');
    const current = await fd.ok('patients.get', { id: patientId });
    const [primary, secondary] = editable(current).insurance ?? [];
    if (!primary || !secondary?.id) throw new Error('fixture has two stored policies');
    const since = lastSeq();
    await fd.ok('patients.update', { ...editable(current), insurance: [primary] });
    const ops = opsSince(since);
    expect(ops.map((o) => `${o.kind} ${o.table_name} ${o.row_id}`)).toEqual([`delete insurance_policies ${secondary.id}`]);
    const row = storedRow('insurance_policies', secondary.id);
    expect(row?.deleted_at).toBeTruthy();
    expect(payloadOf(ops[0] as Op)).toEqual({ deleted_at: row?.deleted_at, updated_at: row?.updated_at });
  });

  it('appointments.cancel writes one update op with status and status_reason', async () => {
    const fd = await clinic.as('front_desk');
    const [appointment] = await fd.ok('appointments.book', {
      patientId,
      providerId: clinic.providers.lane,
      typeId: clinic.types.followUp,
      startAt: at(day, '09:00'),
      endAt: at(day, '09:20'),
    });
    if (!appointment) throw new Error('no appointment');
    const since = lastSeq();
    await fd.ok('appointments.cancel', { id: appointment.id, reason: 'Patient request' });
    const ops = opsSince(since);
    expect(ops).toHaveLength(1);
    const row = storedRow('appointments', appointment.id);
    expect(ops[0]).toMatchObject({ kind: 'update', table_name: 'appointments', row_id: appointment.id });
    expect(payloadOf(ops[0] as Op)).toEqual({ status: 'cancelled', status_reason: 'Patient request', updated_at: row?.updated_at });
    const versions = versionsOf('appointments', appointment.id) ?? {};
    expect(versions.status).toBe(ops[0]?.hlc);
    expect(versions.status_reason).toBe(ops[0]?.hlc);
  });

  it('a weekly series writes one series insert and one insert per appointment', async () => {
    const fd = await clinic.as('front_desk');
    const since = lastSeq();
    const booked = await fd.ok('appointments.book', {
      patientId,
      providerId: clinic.providers.moss,
      typeId: clinic.types.followUp,
      startAt: at(day, '10:00'),
      endAt: at(day, '10:20'),
      recurrence: { frequency: 'weekly', interval: 1, count: 3 },
    });
    const ops = opsSince(since);
    expect(ops.map((o) => `${o.kind} ${o.table_name}`)).toEqual(['insert appointment_series', ...booked.map(() => 'insert appointments')]);
    expect(ops.slice(1).map((o) => o.row_id)).toEqual(booked.map((a) => a.id));
    for (const op of ops) expectInsertDescribesRow(op);
  });

  it('blocks.remove writes one delete op; the row stays as a tombstone', async () => {
    const manager = await clinic.as('manager');
    const block = await manager.ok('blocks.create', {
      providerId: clinic.providers.lane,
      startAt: at(day, '14:00'),
      endAt: at(day, '15:00'),
      reason: 'Meeting',
    });
    const since = lastSeq();
    expect(await manager.ok('blocks.remove', { id: block.id })).toEqual({ ok: true });
    const ops = opsSince(since);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: 'delete', table_name: 'schedule_blocks', row_id: block.id });
    const row = storedRow('schedule_blocks', block.id);
    expect(row).toBeDefined();
    expect(row?.deleted_at).toBeTruthy();
    expect(row?.reason).toBe('Meeting');
    expect(payloadOf(ops[0] as Op)).toEqual({ deleted_at: row?.deleted_at, updated_at: row?.updated_at });
    expect(versionsOf('schedule_blocks', block.id)?.deleted_at).toBe(ops[0]?.hlc);
    // Removing it again is refused and writes nothing.
    await manager.refuses('blocks.remove', { id: block.id }, 'NOT_FOUND');
    expect(opsSince(since)).toHaveLength(1);
  });

  it('a refused call writes no op', async () => {
    const fd = await clinic.as('front_desk');
    const since = lastSeq();
    await fd.refuses('patients.create', { ...clinic.patientFields(1), acknowledgeDuplicates: false }, 'CONFLICT');
    await fd.refuses('appointments.cancel', { id: 'no-such-appointment', reason: 'x' }, 'NOT_FOUND');
    await (await clinic.as('physician')).refuses('patients.create', clinic.patientFields(99), 'FORBIDDEN');
    expect(opsSince(since)).toEqual([]);
  });
});

describe('HLC of local writes', () => {
  it('strictly increases across all ops in commit order and matches the persisted clock', () => {
    const ops = allOpsSince(0);
    expect(ops.length).toBeGreaterThan(10);
    const stamps = ops.map((o) => o.hlc);
    for (let i = 1; i < stamps.length; i++) expect((stamps[i] ?? '') > (stamps[i - 1] ?? ''), `op ${i}`).toBe(true);
    const saved = JSON.parse(
      clinic.query<{ value: string }>("SELECT value FROM sync_state WHERE key = 'hlc'")[0]?.value ?? '{}',
    ) as unknown;
    const last = parseHlc(ops.at(-1)?.hlc ?? '');
    expect(saved).toEqual({ wallMs: last.wallMs, counter: last.counter });
  });

  it('survives reopening the core: a persisted clock ahead of the wall clock is honoured', async () => {
    const previous = allOpsSince(0).at(-1)?.hlc ?? '';
    await clinic.core.close();
    // Pretend this workstation had stamped a change a day ahead (e.g. from a remote op): the next local stamp must follow it.
    const ahead = { wallMs: Date.now() + 86_400_000, counter: 7 };
    const sqlite = new Database(join(clinic.dataDir, 'outpost.db'));
    sqlite.prepare("UPDATE sync_state SET value = ? WHERE key = 'hlc'").run(JSON.stringify(ahead));
    sqlite.close();
    await clinic.reopen();
    const since = lastSeq();
    const admin = await clinic.login('ada.admin', 'synthetic-pass-01');
    await admin.ok('rooms.save', { name: 'Exam 3' });
    // The first stamp after reopening (the sign-in's audit row) follows the persisted clock.
    const [op] = allOpsSince(since);
    if (!op) throw new Error('no op');
    expect(op.hlc > previous).toBe(true);
    expect(parseHlc(op.hlc)).toMatchObject({ wallMs: ahead.wallMs, counter: ahead.counter + 1 });
  });
});
