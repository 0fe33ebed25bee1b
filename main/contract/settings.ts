/** Clinic settings and the reference lists every screen needs (providers, rooms, appointment types). */
import { z } from 'zod';
import { Colour, Empty, Id, LocalTime, Npi, optionalText, requiredText, StoredWeeklyHours, WeeklyHours } from './common';
import { method } from './method';

export const Clinic = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  hours: StoredWeeklyHours,
  slotMinutes: z.number().int(),
  idleLockMinutes: z.number().int().default(10),
});
export type Clinic = z.infer<typeof Clinic>;

export const ProviderBreak = z.object({
  weekday: z.number().int().min(1).max(7),
  start: LocalTime,
  end: LocalTime,
  label: z.string().max(60),
});

export const Provider = z.object({
  id: Id,
  displayName: z.string(),
  credentials: z.string().nullable(),
  specialty: z.string().nullable(),
  colour: z.string(),
  /** National Provider Identifier (individual), needed on claims. */
  npi: z.string().nullable().default(null),
  weeklyHours: StoredWeeklyHours,
  breaks: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string(), label: z.string() })),
  active: z.boolean(),
});
export type Provider = z.infer<typeof Provider>;

export const Room = z.object({ id: Id, name: z.string(), locationId: z.string().nullable(), active: z.boolean() });
export type Room = z.infer<typeof Room>;

export const AppointmentType = z.object({
  id: Id,
  name: z.string(),
  durationMinutes: z.number().int(),
  colour: z.string(),
  active: z.boolean(),
});
export type AppointmentType = z.infer<typeof AppointmentType>;

export const Reference = z.object({
  clinic: Clinic,
  providers: z.array(Provider),
  rooms: z.array(Room),
  appointmentTypes: z.array(AppointmentType),
});
export type Reference = z.infer<typeof Reference>;

export const settings = {
  /** Clinic, providers, rooms and appointment types in one read (they change rarely). */
  'reference.get': method({ input: Empty, output: Reference, access: 'session' }),
  /** Change the clinic's name, time zone, opening hours or slot size. */
  'clinic.update': method({
    input: z.object({
      name: requiredText(120, 'Clinic name').optional(),
      timeZone: z.string().min(1).optional(),
      hours: WeeklyHours.optional(),
      slotMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30)]).optional(),
      idleLockMinutes: z
        .number({ message: 'Enter the minutes' })
        .int('Whole minutes')
        .min(1, 'At least 1 minute')
        .max(60, 'At most 60 minutes: a workstation left open longer is a risk')
        .optional(),
    }),
    output: Clinic,
    access: 'settings.manage',
  }),
  /** Add (no id) or change a provider. */
  'providers.save': method({
    input: z.object({
      id: Id.optional(),
      displayName: requiredText(120, 'Name'),
      credentials: optionalText(40, 'Credentials'),
      specialty: optionalText(80, 'Specialty'),
      npi: Npi,
      colour: Colour.default('#2563eb'),
      weeklyHours: WeeklyHours,
      breaks: z.array(ProviderBreak).default([]),
      active: z.boolean().default(true),
    }),
    output: Provider,
    access: 'settings.manage',
  }),
  /** Add (no id) or change a room. */
  'rooms.save': method({
    input: z.object({ id: Id.optional(), name: requiredText(60, 'Room name'), active: z.boolean().default(true) }),
    output: Room,
    access: 'settings.manage',
  }),
  /** Add (no id) or change an appointment type. */
  'appointmentTypes.save': method({
    input: z.object({
      id: Id.optional(),
      name: requiredText(60, 'Type name'),
      durationMinutes: z.number().int().min(5, 'At least 5 minutes').max(480, 'At most 8 hours'),
      colour: Colour,
      active: z.boolean().default(true),
    }),
    output: AppointmentType,
    access: 'settings.manage',
  }),
};
