/** Clinic-wide settings, locations and rooms. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const clinicSettings = sqliteTable('clinic_settings', {
  ...syncColumns,
  name: text('name').notNull(),
  /** IANA zone; every wall-clock time in the UI is shown in it. */
  timeZone: text('time_zone').notNull(),
  /** JSON WeeklyHours: ISO weekday (1-7) -> open intervals "HH:mm". */
  hours: text('hours').notNull(),
  /** Slot granularity of the calendar, minutes. */
  slotMinutes: integer('slot_minutes').notNull().default(15),
  /** Minutes without keyboard or mouse before a workstation locks its session (HIPAA automatic logoff). */
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(10),
});

export const locations = sqliteTable('locations', {
  ...syncColumns,
  name: text('name').notNull(),
  address: text('address'),
});

export const rooms = sqliteTable('rooms', {
  ...syncColumns,
  locationId: text('location_id'),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});
