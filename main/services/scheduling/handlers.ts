/** The calendar's API: reads, booking, status changes, cancellation, free slots, blocks and the day's queue. */
import { and, asc, eq, gte, gt, isNull, lt } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { appointments, scheduleBlocks } from '../../../db/schema';
import { ApiError, statusLabels, type AppointmentStatus, type Slot } from '../../contract';
import type { Handlers } from '../handler';
import type { Store } from '../store';
import { findById, getClinic, listAppointmentTypes, listProviders, listRooms } from '../settings/reference';
import { findPatientRow } from '../patients/records';
import { freeSlots } from './availability';
import { assertSlotStillFree, book, update } from './booking';
import { dayBounds } from './time';
import { appointmentsInRange, appointmentsOfPatient, findAppointmentRow, loadAppointment } from './views';

/** Which status each status may be reached from. "booked" from arrived/no_show undoes a mistaken click. */
const ALLOWED_FROM: Record<'booked' | 'arrived' | 'in_room' | 'completed' | 'no_show', string[]> = {
  booked: ['arrived', 'no_show'],
  arrived: ['booked'],
  in_room: ['booked', 'arrived'],
  completed: ['arrived', 'in_room'],
  no_show: ['booked'],
};

/**
 * Arrivals and no-shows happen on the day: nobody checks in for next week, and
 * a patient is not a no-show before their time. Past days stay editable for
 * late data entry.
 */
function assertStatusTiming(store: Store, row: { startAt: string }, status: string): void {
  if (status === 'booked') return;
  const zone = getClinic(store).timeZone;
  const start = DateTime.fromISO(row.startAt, { zone });
  const now = DateTime.now().setZone(zone);
  if (start.startOf('day') > now.startOf('day')) {
    throw new ApiError('CONFLICT', `This appointment is on ${start.toFormat('ccc d LLL')}; its status can change on the day.`);
  }
  if (status === 'no_show' && start > now) {
    throw new ApiError('CONFLICT', `The appointment starts at ${start.toFormat('HH:mm')}; mark a no-show after that time.`);
  }
}

function label(status: string): string {
  return statusLabels[status as AppointmentStatus] ?? status;
}

export const schedulingHandlers: Handlers<
  | 'appointments.range'
  | 'appointments.get'
  | 'appointments.forPatient'
  | 'appointments.book'
  | 'appointments.update'
  | 'appointments.setStatus'
  | 'appointments.cancel'
  | 'appointments.findNextAvailable'
  | 'queue.today'
  | 'blocks.create'
  | 'blocks.remove'
> = {
  'appointments.range': (input, { store }) => ({
    appointments: appointmentsInRange(store, input.from, input.to, input.providerIds, input.roomIds),
    blocks: store.db
      .select({
        id: scheduleBlocks.id,
        providerId: scheduleBlocks.providerId,
        startAt: scheduleBlocks.startAt,
        endAt: scheduleBlocks.endAt,
        reason: scheduleBlocks.reason,
      })
      .from(scheduleBlocks)
      .where(and(isNull(scheduleBlocks.deletedAt), lt(scheduleBlocks.startAt, input.to), gt(scheduleBlocks.endAt, input.from)))
      .orderBy(asc(scheduleBlocks.startAt))
      .all()
      .filter((b) => !input.providerIds?.length || input.providerIds.includes(b.providerId)),
  }),

  'appointments.get': (input, { store }) => loadAppointment(store, input.id),

  'appointments.forPatient': (input, { store }) => {
    findPatientRow(store, input.patientId);
    return appointmentsOfPatient(store, input.patientId);
  },

  'appointments.book': (input, ctx) => book(ctx, input),

  'appointments.update': (input, ctx) => update(ctx, input),

  'appointments.setStatus': (input, ctx) => {
    const { store } = ctx;
    const row = findAppointmentRow(store, input.id);
    if (input.roomId) findById(listRooms(store), input.roomId, 'room');
    if (row.status === input.status) return loadAppointment(store, row.id);
    if (!ALLOWED_FROM[input.status].includes(row.status)) {
      throw new ApiError(
        'CONFLICT',
        `A ${label(row.status).toLowerCase()} appointment cannot be marked ${label(input.status).toLowerCase()}.`,
      );
    }
    if (input.status === 'no_show' && !input.reason) {
      throw new ApiError('VALIDATION', 'Give a reason for the no-show (e.g. "no answer when called").', { reason: 'A reason is required' });
    }
    assertStatusTiming(store, row, input.status);
    if (input.status === 'booked' && row.status === 'no_show') assertSlotStillFree(ctx, row);
    if (input.roomId && input.roomId !== row.roomId) assertSlotStillFree(ctx, { ...row, roomId: input.roomId }, true);
    const now = new Date().toISOString();
    store.capture.mutate((w) =>
      w.update(appointments, row.id, {
        status: input.status,
        statusReason: input.status === 'no_show' ? input.reason : null,
        ...(input.status === 'arrived' && { arrivedAt: now }),
        ...(input.status === 'in_room' && { roomedAt: now, arrivedAt: row.arrivedAt ?? now }),
        ...(input.status === 'completed' && { completedAt: now }),
        ...(input.status === 'booked' && { arrivedAt: null, roomedAt: null }),
        ...(input.roomId !== undefined && input.roomId !== null && { roomId: input.roomId }),
      }),
    );
    return loadAppointment(store, row.id);
  },

  'appointments.cancel': (input, { store }) => {
    const row = findAppointmentRow(store, input.id);
    if (!['booked', 'arrived'].includes(row.status)) {
      throw new ApiError('CONFLICT', `A ${label(row.status).toLowerCase()} appointment cannot be cancelled.`);
    }
    const targets =
      input.scope === 'following' && row.seriesId
        ? store.db
            .select()
            .from(appointments)
            .where(
              and(
                eq(appointments.seriesId, row.seriesId),
                isNull(appointments.deletedAt),
                gte(appointments.startAt, row.startAt),
                eq(appointments.status, 'booked'),
              ),
            )
            .all()
            .concat(row.status === 'arrived' ? [row] : [])
        : [row];
    store.capture.mutate((w) => {
      for (const t of targets) w.update(appointments, t.id, { status: 'cancelled', statusReason: input.reason });
    });
    return targets.map((t) => loadAppointment(store, t.id));
  },

  'appointments.findNextAvailable': (input, { store }) => {
    const clinic = getClinic(store);
    const type = findById(listAppointmentTypes(store), input.typeId, 'appointment type');
    if (input.roomId) findById(listRooms(store), input.roomId, 'room');
    const providers = listProviders(store).filter((p) => p.active && (!input.providerIds?.length || input.providerIds.includes(p.id)));
    if (input.providerIds?.length && providers.length === 0) throw new ApiError('NOT_FOUND', 'None of the chosen providers is active.');
    const from = Math.max(Date.parse(input.after), Date.now() - 60_000);
    const slots: Slot[] = providers.flatMap((provider) =>
      freeSlots(
        store,
        { provider, roomId: input.roomId ?? null, zone: clinic.timeZone },
        from,
        type.durationMinutes * 60_000,
        clinic.slotMinutes,
        input.count,
        60,
      ),
    );
    return slots.sort((a, b) => a.startAt.localeCompare(b.startAt) || a.providerId.localeCompare(b.providerId)).slice(0, input.count);
  },

  'queue.today': (_input, { store }) => {
    const zone = getClinic(store).timeZone;
    const today = dayBounds(DateTime.now().setZone(zone));
    return appointmentsInRange(store, new Date(today.start).toISOString(), new Date(today.end).toISOString()).filter(
      (a) => a.status !== 'cancelled',
    );
  },

  'blocks.create': (input, { store }) => {
    findById(listProviders(store), input.providerId, 'provider');
    const id = store.capture.mutate((w) => w.insert(scheduleBlocks, input));
    const row = store.db.select().from(scheduleBlocks).where(eq(scheduleBlocks.id, id)).get();
    if (!row) throw new Error('Block vanished after insert');
    return { id: row.id, providerId: row.providerId, startAt: row.startAt, endAt: row.endAt, reason: row.reason };
  },

  'blocks.remove': (input, { store }) => {
    const row = store.db
      .select()
      .from(scheduleBlocks)
      .where(and(eq(scheduleBlocks.id, input.id), isNull(scheduleBlocks.deletedAt)))
      .get();
    if (!row) throw new ApiError('NOT_FOUND', 'That unavailability was already removed.');
    store.capture.mutate((w) => w.remove(scheduleBlocks, row.id));
    return { ok: true };
  },
};
