/**
 * Booking and moving appointments. A clash with another appointment of the
 * provider or room, a block, or time outside working hours is refused with the
 * next free slots — unless a user allowed to overbook gives a reason.
 */
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import { appointments, appointmentSeries } from '../../../db/schema';
import { ApiError, can, type BookingConflict, type ParsedInput, type Provider } from '../../contract';
import { requireUser, type CallContext } from '../handler';
import { findById, getClinic, listAppointmentTypes, listProviders, listRooms } from '../settings/reference';
import { findPatientRow } from '../patients/records';
import { clashesFor, freeSlots, MAX_APPOINTMENT_MS, type AvailabilityQuery } from './availability';
import { findAppointmentRow, loadAppointment } from './views';
import { formatLocal, shiftWallClock, weeklyOccurrences, type Span } from './time';
import type { Appointment } from '../../contract';

interface Placement {
  provider: Provider;
  roomId: string | null;
  spans: Span[];
  ignoreIds: string[];
}

function availabilityQuery(ctx: CallContext, provider: Provider, roomId: string | null, ignoreIds: string[]): AvailabilityQuery {
  const room = roomId ? findById(listRooms(ctx.store), roomId, 'room') : null;
  return { provider, roomId, roomName: room?.name, zone: getClinic(ctx.store).timeZone, ignoreIds };
}

/** Refuse a placement that clashes, unless it is a deliberate, permitted overbooking. */
function assertPlaceable(ctx: CallContext, placement: Placement, overbookReason: string | null): void {
  const query = availabilityQuery(ctx, placement.provider, placement.roomId, placement.ignoreIds);
  const clashing = placement.spans
    .map((span) => ({ span, clashes: clashesFor(ctx.store, query, span) }))
    .filter((c) => c.clashes.length > 0);
  const [first] = clashing;
  if (!first) return;
  if (overbookReason) {
    if (can(requireUser(ctx).role, 'schedule.overbook')) return;
    throw new ApiError('FORBIDDEN', 'Your role cannot overbook. Pick a free slot, or ask a manager or the physician to overbook.');
  }
  const clinic = getClinic(ctx.store);
  const duration = first.span.end - first.span.start;
  const nextFree = freeSlots(ctx.store, query, first.span.start, duration, clinic.slotMinutes, 3);
  const details: BookingConflict = { clashes: first.clashes, nextFree };
  const dates = clashing.map((c) => formatLocal(c.span.start, query.zone, 'd LLL')).join(', ');
  const message =
    placement.spans.length > 1
      ? `${clashing.length} of ${placement.spans.length} dates of the series clash (${dates}). ${first.clashes[0]?.message ?? ''}`
      : `${first.clashes.map((c) => c.message).join(' ')} Choose one of the next free times${nextFree.length ? '' : ' (none in the next 30 days)'}.`;
  throw new ApiError('CONFLICT', message.trim(), undefined, details);
}

export function book(ctx: CallContext, input: ParsedInput<'appointments.book'>): Appointment[] {
  const { store } = ctx;
  findPatientRow(store, input.patientId);
  const provider = findById(listProviders(store), input.providerId, 'provider');
  if (!provider.active) throw new ApiError('CONFLICT', `${provider.displayName} is no longer active. Choose another provider.`);
  if (input.roomId) findById(listRooms(store), input.roomId, 'room');
  findById(listAppointmentTypes(store), input.typeId, 'appointment type');
  const start = Date.parse(input.startAt);
  const duration = Date.parse(input.endAt) - start;
  const zone = getClinic(store).timeZone;
  const spans = input.recurrence
    ? weeklyOccurrences(start, duration, zone, input.recurrence.interval, input.recurrence.count)
    : [{ start, end: start + duration }];
  assertPlaceable(ctx, { provider, roomId: input.roomId, spans, ignoreIds: [] }, input.overbookReason);

  const ids = store.capture.mutate((w) => {
    const seriesId = input.recurrence ? w.insert(appointmentSeries, { rule: JSON.stringify(input.recurrence) }) : null;
    return spans.map((span) =>
      w.insert(appointments, {
        patientId: input.patientId,
        providerId: provider.id,
        roomId: input.roomId,
        typeId: input.typeId,
        startAt: new Date(span.start).toISOString(),
        endAt: new Date(span.end).toISOString(),
        status: 'booked',
        notes: input.notes,
        overbookReason: input.overbookReason,
        seriesId,
      }),
    );
  });
  return ids.map((id) => loadAppointment(store, id));
}

const MOVABLE = ['booked', 'arrived'];

export function update(ctx: CallContext, input: ParsedInput<'appointments.update'>): Appointment[] {
  const { store } = ctx;
  const row = findAppointmentRow(store, input.id);
  if (!MOVABLE.includes(row.status)) {
    throw new ApiError(
      'CONFLICT',
      `This appointment is ${row.status.replace('_', ' ')} and can no longer be changed. Book a new one instead.`,
    );
  }
  const provider = findById(listProviders(store), input.providerId ?? row.providerId, 'provider');
  const roomId = input.roomId === undefined ? row.roomId : input.roomId;
  if (roomId) findById(listRooms(store), roomId, 'room');
  if (input.typeId) findById(listAppointmentTypes(store), input.typeId, 'appointment type');
  const oldStart = Date.parse(row.startAt);
  const newStart = input.startAt ? Date.parse(input.startAt) : oldStart;
  const newEnd = input.endAt ? Date.parse(input.endAt) : newStart + (Date.parse(row.endAt) - oldStart);
  if (newEnd <= newStart)
    throw new ApiError('VALIDATION', 'The end must be after the start.', { endAt: 'The end must be after the start' });
  // Same limit as booking: the overlap scans rely on no appointment lasting longer.
  if (newEnd - newStart > MAX_APPOINTMENT_MS) {
    throw new ApiError('VALIDATION', 'An appointment can last at most 12 hours.', { endAt: 'An appointment can last at most 12 hours' });
  }

  const targets =
    input.scope === 'following' && row.seriesId
      ? store.db
          .select()
          .from(appointments)
          .where(and(eq(appointments.seriesId, row.seriesId), isNull(appointments.deletedAt), gte(appointments.startAt, row.startAt)))
          .orderBy(asc(appointments.startAt))
          .all()
          .filter((r) => r.status === 'booked' || r.id === row.id)
      : [row];
  const zone = getClinic(store).timeZone;
  const planned = targets.map((t) => {
    const start = shiftWallClock(Date.parse(t.startAt), oldStart, newStart, zone);
    return { id: t.id, span: { start, end: start + (newEnd - newStart) } };
  });
  const overbookReason = input.overbookReason ?? null;
  // Editing notes or the type of an appointment that already clashes (an earlier overbooking) must not need a new overbooking.
  const moved = provider.id !== row.providerId || roomId !== row.roomId || newStart !== oldStart || newEnd !== Date.parse(row.endAt);
  if (moved) {
    assertPlaceable(ctx, { provider, roomId, spans: planned.map((p) => p.span), ignoreIds: targets.map((t) => t.id) }, overbookReason);
  }

  store.capture.mutate((w) => {
    for (const p of planned) {
      w.update(appointments, p.id, {
        providerId: provider.id,
        roomId,
        startAt: new Date(p.span.start).toISOString(),
        endAt: new Date(p.span.end).toISOString(),
        ...(input.typeId !== undefined && { typeId: input.typeId }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(overbookReason !== null && { overbookReason }),
      });
    }
  });
  return planned.map((p) => loadAppointment(store, p.id));
}

/**
 * Undoing a no-show puts the appointment back on the calendar: refuse if its slot was rebooked meanwhile.
 * Rooming checks the room only (`roomOnly`): an overbooked appointment still clashes with its provider, by design.
 */
export function assertSlotStillFree(
  ctx: CallContext,
  row: { id: string; providerId: string; roomId: string | null; startAt: string; endAt: string },
  roomOnly = false,
): void {
  const provider = findById(listProviders(ctx.store), row.providerId, 'provider');
  const query = availabilityQuery(ctx, provider, row.roomId, [row.id]);
  const clashes = clashesFor(ctx.store, query, { start: Date.parse(row.startAt), end: Date.parse(row.endAt) }).filter(
    (c) => c.kind === 'room' || (!roomOnly && c.kind === 'provider'),
  );
  if (clashes.length > 0) {
    const details: BookingConflict = { clashes, nextFree: [] };
    const advice = roomOnly ? 'Choose another room.' : 'The slot was rebooked meanwhile: book this patient at another time.';
    throw new ApiError('CONFLICT', `${clashes.map((c) => c.message).join(' ')} ${advice}`, undefined, details);
  }
}
