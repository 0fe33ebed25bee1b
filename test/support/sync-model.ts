/**
 * Random writes to synced tables for the convergence property, and the model
 * they are checked against. Values come from small domains so that replicas
 * often write the same column of the same row (the interesting case), and
 * sometimes the same value. The model is the specification of the merge
 * (ARCHITECTURE §4): of all ops ever written by any replica, each column of
 * each row holds the value of the op with the highest stamp that wrote it,
 * and the row's `hlc` is the highest stamp of any op on it.
 */
import fc from 'fast-check';
import { appointments, patients, providers, rooms } from '../../db/schema';
import type { RemoteOp } from '../../main/sync/segment';
import type { Replica } from './sync-replica';

const one = <T>(...values: T[]) => fc.constantFrom(...values);

const patientFields = {
  givenName: one('Ana', 'Bo', 'Chidi'),
  familyName: one('Lind', 'Moe', 'Okafor'),
  city: one(null, 'Oslo', 'Lima'),
  notes: one(null, 'note a', 'note b', 'note c'),
  phoneMobile: one(null, '(312) 555-0101', '(312) 555-0102'),
  active: fc.boolean(),
};
const appointmentFields = {
  status: one('booked', 'arrived', 'cancelled', 'future_status'),
  roomId: one(null, 'room-1', 'room-2'),
  notes: one(null, 'bring x-ray', 'late'),
  startAt: one('2031-03-04T09:00:00.000Z', '2031-03-04T10:00:00.000Z'),
  endAt: one('2031-03-04T09:20:00.000Z', '2031-03-04T10:20:00.000Z'),
};
const roomFields = { name: one('Exam 1', 'Exam 2', 'Lab'), active: fc.boolean(), locationId: one(null, 'loc-1') };
const providerFields = {
  displayName: one('Dr. Lane', 'Dr. Moss'),
  colour: one('#2563eb', '#16a34a'),
  specialty: one(null, 'GP', 'Paediatrics'),
  weeklyHours: one('{}', '{"1":[{"start":"08:00","end":"12:00"}]}'),
};
const partial = { requiredKeys: [] as [] };

export const writeArbitrary = fc.oneof(
  fc.record({ table: fc.constant('patients' as const), patch: fc.record(patientFields, partial) }),
  fc.record({ table: fc.constant('appointments' as const), patch: fc.record(appointmentFields, partial) }),
  fc.record({ table: fc.constant('rooms' as const), patch: fc.record(roomFields, partial) }),
  fc.record({ table: fc.constant('providers' as const), patch: fc.record(providerFields, partial) }),
);
export type WriteSpec = typeof writeArbitrary extends fc.Arbitrary<infer W> ? W : never;
export type WriteKind = 'insert' | 'update' | 'delete';

/**
 * Perform one write on a replica through its change capture. Updates and
 * deletes pick the `pick`-th row the replica can see (a write can only touch
 * what the workstation has); with none, they insert instead. Checks the HLC
 * promise: the write is stamped after every stamp the replica holds for the
 * row, or it would win here and lose everywhere else.
 */
export function performWrite(replica: Replica, spec: WriteSpec, kind: WriteKind, pick: number, newId: () => string): void {
  const ids = (replica.sqlite.prepare(`SELECT id FROM "${spec.table}" ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const target = ids.length > 0 && kind !== 'insert' ? ids[pick % ids.length] : undefined;
  const stampBefore = target ? replica.newestStamp(spec.table, target) : '';
  const outboxBefore = replica.outbox().length;
  replica.capture.mutate((w) => {
    if (!target) {
      const id = newId();
      if (spec.table === 'patients')
        w.insert(patients, {
          id,
          mrn: `MRN-${id}`,
          givenName: 'New',
          familyName: 'Person',
          sex: 'other',
          dateOfBirth: '1980-02-29',
          ...spec.patch,
        });
      else if (spec.table === 'appointments')
        w.insert(appointments, {
          id,
          patientId: 'patient-1',
          providerId: 'provider-1',
          typeId: 'type-1',
          startAt: '2031-03-04T09:00:00.000Z',
          endAt: '2031-03-04T09:20:00.000Z',
          status: 'booked',
          ...spec.patch,
        });
      else if (spec.table === 'rooms') w.insert(rooms, { id, name: 'Room', ...spec.patch });
      else w.insert(providers, { id, displayName: 'Dr. New', weeklyHours: '{}', ...spec.patch });
    } else if (kind === 'delete') {
      const table = { patients, appointments, rooms, providers }[spec.table];
      w.remove(table, target);
    } else if (spec.table === 'patients') w.update(patients, target, spec.patch);
    else if (spec.table === 'appointments') w.update(appointments, target, spec.patch);
    else if (spec.table === 'rooms') w.update(rooms, target, spec.patch);
    else w.update(providers, target, spec.patch);
  });
  // The HLC promise: a write made after seeing a value is stamped after it, so it wins over it everywhere.
  const written = replica.outbox().slice(outboxBefore);
  for (const op of written) {
    if (!(op.hlc > stampBefore))
      throw new Error(`${replica.deviceId} stamped ${op.hlc} on ${op.table}/${op.row}, not after the ${stampBefore} it had seen`);
  }
}

export interface ModelRow {
  values: Record<string, RemoteOp['data'][string]>;
  hlc: string;
}

/** table -> row id -> the row every replica must end with. */
export function expectedRows(ops: RemoteOp[]): Map<string, Map<string, ModelRow>> {
  const model = new Map<string, Map<string, ModelRow>>();
  const ordered = [...ops].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  for (const op of ordered) {
    let rows = model.get(op.table);
    if (!rows) model.set(op.table, (rows = new Map<string, ModelRow>()));
    const row = rows.get(op.row) ?? { values: {}, hlc: '' };
    // Equal stamps mean the same op (apply.ts relies on it): two ops on one row must never share one.
    if (row.hlc === op.hlc) throw new Error(`Two ops on ${op.table}/${op.row} share the stamp ${op.hlc}`);
    for (const [column, value] of Object.entries(op.data)) if (column !== 'hlc') row.values[column] = value;
    row.values.id = op.row;
    row.hlc = op.hlc; // ascending order: the last is the highest
    rows.set(op.row, row);
  }
  return model;
}

/** Differences between a replica's dump of some tables and the model (empty when it matches). */
export function differencesFromModel(dump: Record<string, Record<string, unknown>[]>, model: Map<string, Map<string, ModelRow>>): string[] {
  const problems: string[] = [];
  for (const [table, stored] of Object.entries(dump)) {
    const expected = model.get(table) ?? new Map<string, ModelRow>();
    const seen = new Set<string>();
    for (const row of stored) {
      const id = String(row.id);
      seen.add(id);
      const want = expected.get(id);
      if (!want) {
        problems.push(`${table}/${id} exists but no op wrote it`);
        continue;
      }
      if (row.hlc !== want.hlc) problems.push(`${table}/${id}.hlc is ${String(row.hlc)}, expected ${want.hlc}`);
      for (const [column, value] of Object.entries(row)) {
        if (column === 'hlc') continue;
        if (!(column in want.values)) problems.push(`${table}/${id}.${column}: no op wrote it`);
        else if (want.values[column] !== value)
          problems.push(
            `${table}/${id}.${column} is ${JSON.stringify(value)}, the newest write was ${JSON.stringify(want.values[column])}`,
          );
      }
    }
    for (const id of expected.keys()) if (!seen.has(id)) problems.push(`${table}/${id} was written but is missing`);
  }
  return problems;
}
