/** Providers (the people patients are booked with) and their weekly hours. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const providers = sqliteTable('providers', {
  ...syncColumns,
  displayName: text('display_name').notNull(),
  credentials: text('credentials'),
  specialty: text('specialty'),
  npi: text('npi'),
  colour: text('colour').notNull().default('#2563eb'),
  /** JSON WeeklyHours: ISO weekday -> working intervals; breaks are the gaps plus `breaks`. */
  weeklyHours: text('weekly_hours').notNull(),
  /** JSON list of recurring breaks: { weekday, start, end, label }. */
  breaks: text('breaks').notNull().default('[]'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});
