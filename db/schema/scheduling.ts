/** Appointment types, appointments, recurring series and provider unavailability. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const appointmentTypes = sqliteTable('appointment_types', {
  ...syncColumns,
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  colour: text('colour').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const appointments = sqliteTable(
  'appointments',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    providerId: text('provider_id').notNull(),
    roomId: text('room_id'),
    typeId: text('type_id').notNull(),
    /** ISO-8601 UTC instants. */
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    /** booked | arrived | in_room | completed | no_show | cancelled (open enum). */
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    arrivedAt: text('arrived_at'),
    roomedAt: text('roomed_at'),
    completedAt: text('completed_at'),
    notes: text('notes'),
    /** Set when a user with the permission booked over another appointment on purpose. */
    overbookReason: text('overbook_reason'),
    seriesId: text('series_id'),
  },
  (t) => [
    index('appointments_provider_start').on(t.providerId, t.startAt),
    index('appointments_room_start').on(t.roomId, t.startAt),
    index('appointments_patient_start').on(t.patientId, t.startAt),
    index('appointments_start').on(t.startAt),
    index('appointments_series').on(t.seriesId),
  ],
);

/** A recurring series: the rule that generated its appointments. */
export const appointmentSeries = sqliteTable('appointment_series', {
  ...syncColumns,
  /** JSON { frequency: 'weekly', interval, count }. */
  rule: text('rule').notNull(),
});

export const scheduleBlocks = sqliteTable(
  'schedule_blocks',
  {
    ...syncColumns,
    providerId: text('provider_id').notNull(),
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('schedule_blocks_provider_start').on(t.providerId, t.startAt)],
);
