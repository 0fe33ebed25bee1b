/**
 * Practice activity: new patients by month and appointment outcomes with
 * utilization. Ranges are calendar days in the clinic's time zone, turned
 * into UTC instants once (with luxon, so DST days are 23 or 25 hours) and
 * compared as ISO strings in SQL. Utilization is minutes kept (cancelled and
 * no-show appointments left out) over minutes open: a provider's working
 * hours minus breaks, a room's clinic hours.
 */
import { DateTime } from 'luxon';
import { inactiveStatuses, type AppointmentCounts, type Output, type ParsedInput } from '../../contract';
import { workingSpans } from '../scheduling/availability';
import { localDate, openSpans, type Span } from '../scheduling/time';
import { getClinic, listProviders, listRooms } from '../settings/reference';
import type { Store } from '../store';

interface Range {
  from: string;
  to: string;
  providerId?: string;
}

/** UTC instants of the start of `from` and the end of `to` in the clinic's zone. */
function instants(range: Range, zone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromISO(range.from, { zone }).startOf('day');
  const end = DateTime.fromISO(range.to, { zone }).plus({ days: 1 }).startOf('day');
  return { start, end };
}

const iso = (time: DateTime) => new Date(time.toMillis()).toISOString();

export function newPatients(store: Store, input: ParsedInput<'reports.newPatients'>): Output<'reports.newPatients'> {
  const { start, end } = instants(input, getClinic(store).timeZone);
  // The first appointment decides whose new patient it is; a record merged into another was not a new patient.
  const provider = input.providerId
    ? `AND (SELECT a.provider_id FROM appointments a WHERE a.patient_id = p.id AND a.deleted_at IS NULL ORDER BY a.start_at LIMIT 1) = :providerId`
    : '';
  const created = (
    store.sqlite
      .prepare(
        `SELECT p.created_at AS createdAt FROM patients p
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND p.created_at >= :start AND p.created_at < :end ${provider}`,
      )
      .all({ start: iso(start), end: iso(end), ...(input.providerId ? { providerId: input.providerId } : {}) }) as { createdAt: string }[]
  ).map((row) => row.createdAt);
  const months: { month: string; startsAt: string; patients: number }[] = [];
  for (let month = start.startOf('month'); month < end; month = month.plus({ months: 1 })) {
    months.push({ month: month.toFormat('yyyy-MM'), startsAt: iso(month), patients: 0 });
  }
  for (const at of created) {
    let index = months.length - 1;
    while (index > 0 && (months[index]?.startsAt ?? '') > at) index -= 1;
    const month = months[index];
    if (month) month.patients += 1;
  }
  return { months: months.map(({ month, patients }) => ({ month, patients })), total: created.length };
}

interface AppointmentRow {
  providerId: string;
  roomId: string | null;
  status: string;
  startAt: string;
  endAt: string;
}

function counts(key: string, label: string): AppointmentCounts {
  return {
    key,
    label,
    total: 0,
    open: 0,
    completed: 0,
    noShow: 0,
    cancelled: 0,
    completedRate: 0,
    noShowRate: 0,
    cancellationRate: 0,
    bookedMinutes: 0,
    availableMinutes: 0,
    utilization: 0,
  };
}

function add(row: AppointmentCounts, appointment: AppointmentRow): void {
  row.total += 1;
  if (appointment.status === 'completed') row.completed += 1;
  else if (appointment.status === 'no_show') row.noShow += 1;
  else if (appointment.status === 'cancelled') row.cancelled += 1;
  else row.open += 1;
  if (!inactiveStatuses.includes(appointment.status)) {
    row.bookedMinutes += Math.round((Date.parse(appointment.endAt) - Date.parse(appointment.startAt)) / 60_000);
  }
}

function finish(row: AppointmentCounts): AppointmentCounts {
  const share = (n: number) => (row.total === 0 ? 0 : Math.round((n / row.total) * 1000) / 1000);
  return {
    ...row,
    completedRate: share(row.completed),
    noShowRate: share(row.noShow),
    cancellationRate: share(row.cancelled),
    utilization: row.availableMinutes === 0 ? 0 : Math.round((row.bookedMinutes / row.availableMinutes) * 1000) / 1000,
  };
}

const minutesIn = (spans: Span[], window: Span) =>
  Math.round(spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, window.end) - Math.max(s.start, window.start)), 0) / 60_000);

export function appointmentReport(store: Store, input: ParsedInput<'reports.appointments'>): Output<'reports.appointments'> {
  const clinic = getClinic(store);
  const { start, end } = instants(input, clinic.timeZone);
  const window = { start: start.toMillis(), end: end.toMillis() };
  const rows = store.sqlite
    .prepare(
      `SELECT provider_id AS providerId, room_id AS roomId, status, start_at AS startAt, end_at AS endAt FROM appointments
       WHERE deleted_at IS NULL AND start_at >= :start AND start_at < :end ${input.providerId ? 'AND provider_id = :providerId' : ''}`,
    )
    .all({ start: iso(start), end: iso(end), ...(input.providerId ? { providerId: input.providerId } : {}) }) as AppointmentRow[];
  const providers = listProviders(store).filter((p) => (input.providerId ? p.id === input.providerId : p.active));
  const byProvider = new Map(providers.map((p) => [p.id, counts(p.id, p.displayName)]));
  const rooms = new Map(
    listRooms(store)
      .filter((r) => r.active)
      .map((r) => [r.id, counts(r.id, r.name)]),
  );
  const totals = counts('', 'All appointments');
  for (const row of rows) {
    add(totals, row);
    const provider = byProvider.get(row.providerId) ?? counts(row.providerId, 'Unknown provider');
    add(provider, row);
    byProvider.set(row.providerId, provider);
    const roomKey = row.roomId ?? '';
    const room = rooms.get(roomKey) ?? counts(roomKey, row.roomId ? 'Unknown room' : 'No room assigned');
    add(room, row);
    rooms.set(roomKey, room);
  }
  for (const provider of providers) {
    const row = byProvider.get(provider.id);
    if (row) row.availableMinutes = minutesIn(workingSpans(provider, clinic.timeZone, window), window);
  }
  const clinicOpen: Span[] = [];
  for (let day = localDate(window.start, clinic.timeZone); day.toMillis() < window.end; day = day.plus({ days: 1 })) {
    clinicOpen.push(...openSpans(day, clinic.hours));
  }
  const roomMinutes = minutesIn(clinicOpen, window);
  for (const [key, room] of rooms) if (key !== '') room.availableMinutes = roomMinutes;
  totals.availableMinutes = [...byProvider.values()].reduce((sum, p) => sum + p.availableMinutes, 0);
  const keep = (row: AppointmentCounts) => row.total > 0 || row.availableMinutes > 0;
  return {
    providers: [...byProvider.values()].filter(keep).map(finish),
    // A room nobody used is still open: it shows as 0% used rather than vanishing (unless a provider filter is set).
    rooms: [...rooms.values()].filter((r) => (input.providerId ? r.total > 0 : keep(r))).map(finish),
    totals: finish(totals),
  };
}
