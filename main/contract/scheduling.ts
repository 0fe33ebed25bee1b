/** The calendar: appointments, recurring series, unavailability and the day's queue. */
import { z } from 'zod';
import { Empty, Id, IsoInstant, optionalText } from './common';
import { method } from './method';

export const appointmentStatuses = ['booked', 'arrived', 'in_room', 'completed', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses that free the slot: such appointments never clash. */
export const inactiveStatuses: readonly string[] = ['cancelled', 'no_show'];

export const statusLabels: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  arrived: 'Arrived',
  in_room: 'In room',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const Appointment = z.object({
  id: Id,
  patientId: Id,
  patientName: z.string(),
  providerId: Id,
  roomId: z.string().nullable(),
  typeId: Id,
  startAt: z.string(),
  endAt: z.string(),
  /** Open enum: a newer workstation may send a status this one does not know. */
  status: z.string(),
  statusReason: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  roomedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  notes: z.string().nullable(),
  overbookReason: z.string().nullable(),
  seriesId: z.string().nullable(),
  /** True when it overlaps another active appointment of the same provider or room. */
  overbooked: z.boolean(),
});
export type Appointment = z.infer<typeof Appointment>;

export const ScheduleBlock = z.object({ id: Id, providerId: Id, startAt: z.string(), endAt: z.string(), reason: z.string() });
export type ScheduleBlock = z.infer<typeof ScheduleBlock>;

export const Slot = z.object({ providerId: Id, roomId: z.string().nullable(), startAt: z.string(), endAt: z.string() });
export type Slot = z.infer<typeof Slot>;

/** Detail of a CONFLICT refusal: what clashed and the next free slots to offer instead. */
export const BookingConflict = z.object({
  clashes: z.array(z.object({ kind: z.enum(['provider', 'room', 'unavailable', 'outside_hours']), message: z.string() })),
  nextFree: z.array(Slot),
});
export type BookingConflict = z.infer<typeof BookingConflict>;

const Timing = z
  .object({ startAt: IsoInstant, endAt: IsoInstant })
  .refine((t) => Date.parse(t.endAt) > Date.parse(t.startAt), { message: 'The end must be after the start', path: ['endAt'] })
  .refine((t) => Date.parse(t.endAt) - Date.parse(t.startAt) <= 12 * 3600_000, {
    message: 'An appointment can last at most 12 hours',
    path: ['endAt'],
  });

export const Recurrence = z.object({
  frequency: z.literal('weekly'),
  /** Every N weeks. */
  interval: z.number().int().min(1, 'Repeat at least every week').max(8, 'Repeat at most every 8 weeks'),
  count: z.number().int().min(2, 'A series has at least 2 appointments').max(52, 'A series has at most 52 appointments'),
});

const OverbookReason = optionalText(200, 'Overbooking reason');

export const BookInput = z
  .object({
    patientId: Id,
    providerId: Id,
    roomId: Id.nullish().transform((v) => v ?? null),
    typeId: Id,
    notes: optionalText(1000, 'Notes'),
    /** Given only by a user allowed to overbook, to book over a clash on purpose. */
    overbookReason: OverbookReason,
    recurrence: Recurrence.nullish(),
  })
  .and(Timing);

export const UpdateInput = z
  .object({
    id: Id,
    providerId: Id.optional(),
    roomId: Id.nullish(),
    typeId: Id.optional(),
    startAt: IsoInstant.optional(),
    endAt: IsoInstant.optional(),
    notes: optionalText(1000, 'Notes').optional(),
    overbookReason: OverbookReason,
    /** For an appointment of a series: change only this one, or this and the following ones. */
    scope: z.enum(['one', 'following']).default('one'),
  })
  .refine((u) => !u.startAt || !u.endAt || Date.parse(u.endAt) > Date.parse(u.startAt), {
    message: 'The end must be after the start',
    path: ['endAt'],
  });

export const scheduling = {
  /** Appointments and unavailability between two instants, optionally for some providers or rooms. */
  'appointments.range': method({
    input: z
      .object({ from: IsoInstant, to: IsoInstant, providerIds: z.array(Id).optional(), roomIds: z.array(Id).optional() })
      .refine((r) => Date.parse(r.to) > Date.parse(r.from), { message: 'The end must be after the start', path: ['to'] })
      .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 43 * 86400_000, { message: 'Show at most six weeks at once', path: ['to'] }),
    output: z.object({ appointments: z.array(Appointment), blocks: z.array(ScheduleBlock) }),
    access: 'schedule.read',
  }),
  /** One appointment. */
  'appointments.get': method({ input: z.object({ id: Id }), output: Appointment, access: 'schedule.read' }),
  /** A patient's appointments, most recent first. */
  'appointments.forPatient': method({ input: z.object({ patientId: Id }), output: z.array(Appointment), access: 'schedule.read' }),
  /** Book (or a weekly series). Refused with CONFLICT and the next free slots on a clash, unless overbooked with a reason. */
  'appointments.book': method({ input: BookInput, output: z.array(Appointment), access: 'schedule.write' }),
  /** Move, resize or edit; for a series, this one or this and the following ones. */
  'appointments.update': method({ input: UpdateInput, output: z.array(Appointment), access: 'schedule.write' }),
  /** Check in, room, complete, mark no-show (reason required) or undo a check-in. */
  'appointments.setStatus': method({
    input: z.object({
      id: Id,
      status: z.enum(['booked', 'arrived', 'in_room', 'completed', 'no_show'], { message: 'Choose a status' }),
      reason: optionalText(200, 'Reason'),
      roomId: Id.nullish(),
    }),
    output: Appointment,
    access: 'schedule.status',
  }),
  /** Cancel with a reason; for a series, this one or this and the following ones. */
  'appointments.cancel': method({
    input: z.object({
      id: Id,
      reason: z.string({ message: 'Give a reason for the cancellation' }).trim().min(1, 'Give a reason for the cancellation').max(200),
      scope: z.enum(['one', 'following']).default('one'),
    }),
    output: z.array(Appointment),
    access: 'schedule.write',
  }),
  /** Free slots for an appointment type, across providers, from a time on. */
  'appointments.findNextAvailable': method({
    input: z.object({
      typeId: Id,
      after: IsoInstant,
      providerIds: z.array(Id).optional(),
      roomId: Id.nullish(),
      count: z.number().int().min(1).max(20).default(5),
    }),
    output: z.array(Slot),
    access: 'schedule.read',
  }),
  /** Today's appointments in the clinic's time zone, for the front desk queue. */
  'queue.today': method({ input: Empty, output: z.array(Appointment), access: 'schedule.read' }),
  /** Mark a provider unavailable for a while (leave, meeting). */
  'blocks.create': method({
    input: z
      .object({ providerId: Id, startAt: IsoInstant, endAt: IsoInstant, reason: z.string().trim().min(1, 'Give a reason').max(120) })
      .refine((b) => Date.parse(b.endAt) > Date.parse(b.startAt), { message: 'The end must be after the start', path: ['endAt'] }),
    output: ScheduleBlock,
    access: 'schedule.write',
  }),
  /** Remove an unavailability block. */
  'blocks.remove': method({ input: z.object({ id: Id }), output: z.object({ ok: z.literal(true) }), access: 'schedule.write' }),
};
