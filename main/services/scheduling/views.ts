/** Reading appointments as the calendar shows them: with the patient's name and an overbooked flag. */
import { and, asc, desc, eq, gt, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { appointments } from '../../../db/schema';
import { ApiError, inactiveStatuses, patientDisplayName, type Appointment } from '../../contract';
import type { Store } from '../store';
import { withMergedRecords } from '../patients/records';
import { MAX_APPOINTMENT_MS } from './availability';

type AppointmentRow = typeof appointments.$inferSelect;

function isActive(row: AppointmentRow): boolean {
  return !inactiveStatuses.includes(row.status);
}

/** Display names of the rows' patients, in one statement whatever their number (a JSON list, not one parameter each). */
function patientNames(store: Store, rows: AppointmentRow[]): Map<string, string> {
  const patientIds = [...new Set(rows.map((r) => r.patientId))];
  const names = new Map<string, string>();
  if (patientIds.length === 0) return names;
  const found = store.db.all<{ id: string; givenName: string; familyName: string; preferredName: string | null }>(
    sql`SELECT id, given_name AS givenName, family_name AS familyName, preferred_name AS preferredName
        FROM patients WHERE id IN (SELECT value FROM json_each(${JSON.stringify(patientIds)}))`,
  );
  for (const p of found) names.set(p.id, patientDisplayName(p));
  return names;
}

/**
 * Ids of the active rows overlapping another active appointment of the same
 * provider or room. Neighbours are grouped by provider and room with their
 * times parsed once, so a day of hundreds of appointments costs a few
 * comparisons per row, not one per pair.
 */
function overbookedIds(rows: AppointmentRow[], neighbours: AppointmentRow[]): Set<string> {
  interface Timed {
    id: string;
    start: number;
    end: number;
  }
  const byResource = new Map<string, Timed[]>();
  const add = (key: string, timed: Timed) => {
    const list = byResource.get(key);
    if (list) list.push(timed);
    else byResource.set(key, [timed]);
  };
  for (const other of neighbours) {
    if (!isActive(other)) continue;
    const timed = { id: other.id, start: Date.parse(other.startAt), end: Date.parse(other.endAt) };
    add(`provider:${other.providerId}`, timed);
    if (other.roomId !== null) add(`room:${other.roomId}`, timed);
  }
  const overbooked = new Set<string>();
  for (const row of rows) {
    if (!isActive(row)) continue;
    const start = Date.parse(row.startAt);
    const end = Date.parse(row.endAt);
    const clashes = (others: Timed[] | undefined) => others?.some((o) => o.id !== row.id && o.start < end && start < o.end) ?? false;
    if (clashes(byResource.get(`provider:${row.providerId}`)) || (row.roomId !== null && clashes(byResource.get(`room:${row.roomId}`)))) {
      overbooked.add(row.id);
    }
  }
  return overbooked;
}

/** Rows -> API shape, given the neighbours needed to compute the overbooked flag. */
export function toAppointments(store: Store, rows: AppointmentRow[], neighbours: AppointmentRow[] = rows): Appointment[] {
  const names = patientNames(store, rows);
  const overbooked = overbookedIds(rows, neighbours);
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patientId,
    patientName: names.get(row.patientId) ?? 'Unknown patient',
    providerId: row.providerId,
    roomId: row.roomId,
    typeId: row.typeId,
    startAt: row.startAt,
    endAt: row.endAt,
    status: row.status,
    statusReason: row.statusReason,
    arrivedAt: row.arrivedAt,
    roomedAt: row.roomedAt,
    completedAt: row.completedAt,
    notes: row.notes,
    overbookReason: row.overbookReason,
    seriesId: row.seriesId,
    overbooked: overbooked.has(row.id),
  }));
}

/** Appointments starting in [from, to), optionally restricted to providers or rooms. */
export function appointmentsInRange(store: Store, from: string, to: string, providerIds?: string[], roomIds?: string[]): Appointment[] {
  const resource: SQL[] = [];
  if (providerIds?.length) resource.push(inArray(appointments.providerId, providerIds));
  if (roomIds?.length) resource.push(inArray(appointments.roomId, roomIds));
  const widenedFrom = new Date(Date.parse(from) - MAX_APPOINTMENT_MS).toISOString();
  const rows = store.db
    .select()
    .from(appointments)
    .where(
      and(
        isNull(appointments.deletedAt),
        gt(appointments.startAt, widenedFrom),
        lt(appointments.startAt, to),
        resource.length ? or(...resource) : undefined,
      ),
    )
    .orderBy(asc(appointments.startAt))
    .all();
  const neighbours = rows.filter((r) => isActive(r));
  const visible = rows.filter((r) => Date.parse(r.endAt) > Date.parse(from));
  return toAppointments(store, visible, neighbours);
}

export function findAppointmentRow(store: Store, id: string): AppointmentRow {
  const row = store.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), isNull(appointments.deletedAt)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', 'That appointment no longer exists. Refresh the calendar.', { id: 'Unknown appointment' });
  return row;
}

/** One appointment with its overbooked flag computed against its neighbours. */
export function loadAppointment(store: Store, id: string): Appointment {
  const row = findAppointmentRow(store, id);
  const neighbours = store.db
    .select()
    .from(appointments)
    .where(
      and(
        isNull(appointments.deletedAt),
        notInArray(appointments.status, [...inactiveStatuses]),
        or(eq(appointments.providerId, row.providerId), row.roomId ? eq(appointments.roomId, row.roomId) : undefined),
        gt(appointments.startAt, new Date(Date.parse(row.startAt) - MAX_APPOINTMENT_MS).toISOString()),
        lt(appointments.startAt, row.endAt),
      ),
    )
    .all();
  const [appointment] = toAppointments(store, [row], [row, ...neighbours]);
  if (!appointment) throw new Error('unreachable: one row in, one appointment out');
  return appointment;
}

export function appointmentsOfPatient(store: Store, patientId: string): Appointment[] {
  const rows = store.db
    .select()
    .from(appointments)
    // A merged duplicate's appointments belong to the surviving record.
    .where(and(inArray(appointments.patientId, withMergedRecords(store, patientId)), isNull(appointments.deletedAt)))
    .orderBy(desc(appointments.startAt))
    .limit(200)
    .all();
  return rows.map((r) => loadAppointment(store, r.id));
}
