/**
 * The report filters as data: the dates and provider every report shares, the
 * quick ranges, and each report's input (undefined while a date is incomplete,
 * so nothing half-typed is sent to the core).
 */
import { DateTime } from 'luxon';

export interface Filters {
  from: string;
  to: string;
  day: string;
  providerId: string;
}

export type FilterMode = 'range' | 'day' | 'asOf';

export const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The filters as the report's input: undefined while a date is incomplete. */
export function rangeInput(filters: Filters): { from: string; to: string; providerId?: string } | undefined {
  if (!isDate(filters.from) || !isDate(filters.to)) return undefined;
  return { from: filters.from, to: filters.to, ...(filters.providerId ? { providerId: filters.providerId } : {}) };
}

export function dayInput(filters: Filters): { date: string; providerId?: string } | undefined {
  if (!isDate(filters.day)) return undefined;
  return { date: filters.day, ...(filters.providerId ? { providerId: filters.providerId } : {}) };
}

export function quickRanges(today: string): { label: string; from: string; to: string }[] {
  const day = DateTime.fromISO(today, { zone: 'utc' });
  const lastMonth = day.minus({ months: 1 });
  const iso = (d: DateTime) => d.toISODate() ?? '';
  return [
    { label: 'This month', from: iso(day.startOf('month')), to: iso(day.endOf('month')) },
    { label: 'Last month', from: iso(lastMonth.startOf('month')), to: iso(lastMonth.endOf('month')) },
    { label: 'This year', from: iso(day.startOf('year')), to: iso(day.endOf('year')) },
  ];
}
