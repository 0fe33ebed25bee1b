/**
 * Clinic wall clock <-> UTC instants. The schedule always speaks the clinic's
 * local time (dates "yyyy-MM-dd", times "HH:mm"), never the workstation's, and
 * converts with luxon (DST-aware) only at the API boundary.
 */
import { DateTime } from 'luxon';
import type { Slot, WeeklyHours } from '../../../../main/contract';
import { isValidTime } from '../../ui/time';

export const DATE = 'yyyy-MM-dd';
export const TIME = 'HH:mm';

export type ScheduleView = 'day' | 'week';

export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toFormat(DATE);
}

export function startOfDay(date: string, zone: string): DateTime {
  const day = DateTime.fromISO(date, { zone });
  return (day.isValid ? day : DateTime.now().setZone(zone)).startOf('day');
}

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid;
}

/** "HH:mm", 24-hour: the one rule, shared with the rest of the app. */
export { isValidTime };

/** A clinic-local date and time as a UTC ISO instant for the API, or null if either is not valid. */
export function toInstant(date: string, time: string, zone: string): string | null {
  if (!isValidDate(date) || !isValidTime(time)) return null;
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  return local.isValid ? local.toUTC().toISO() : null;
}

/** The clinic-local date and time of an instant. */
export function localParts(instant: string | Date, zone: string): { date: string; time: string } {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  return { date: dt.toFormat(DATE), time: dt.toFormat(TIME) };
}

/** Local time plus minutes, kept on the same date (an end time past midnight stays valid for the API check). */
export function addMinutes(date: string, time: string, minutes: number, zone: string): string {
  const start = DateTime.fromISO(`${date}T${time}`, { zone });
  return start.isValid ? start.plus({ minutes }).toFormat(TIME) : time;
}

export function minutesBetween(start: string, end: string): number {
  return minutesOfDay(end) - minutesOfDay(start);
}

export function minutesOfDay(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * A wall-clock time on a clinic day. Set, never added to midnight: on the
 * 23- and 25-hour days of a DST change, midnight plus 9 hours is not 09:00.
 */
export function atMinutes(day: DateTime, minutes: number): DateTime {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/** atMinutes for an "HH:mm" time. */
export function atTime(day: DateTime, hhmm: string): DateTime {
  return atMinutes(day, minutesOfDay(hhmm));
}

/** The days a view shows: one day, or the clinic's open weekdays of the week (Monday first). */
export function visibleDays(view: ScheduleView, date: string, zone: string, openWeekdays: number[]): DateTime[] {
  const day = startOfDay(date, zone);
  if (view === 'day') return [day];
  const monday = day.minus({ days: day.weekday - 1 });
  const week = Array.from({ length: 7 }, (_v, i) => monday.plus({ days: i }));
  const open = week.filter((d) => openWeekdays.includes(d.weekday));
  return open.length ? open : week;
}

export function shiftDate(view: ScheduleView, date: string, direction: 1 | -1, zone: string): string {
  return startOfDay(date, zone)
    .plus(view === 'day' ? { days: direction } : { weeks: direction })
    .toFormat(DATE);
}

/** ISO weekdays (1 = Monday) on which the hours have any open interval. */
export function openWeekdays(hours: WeeklyHours): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => (hours[String(d) as keyof WeeklyHours] ?? []).length > 0);
}

/** Earliest opening and latest closing over the week, in minutes from midnight (whole hours, for a tidy grid). */
export function dayWindow(hours: WeeklyHours[]): { min: number; max: number } {
  const intervals = hours.flatMap((h) => Object.values(h).flat());
  if (intervals.length === 0) return { min: 8 * 60, max: 18 * 60 };
  const min = Math.min(...intervals.map((i) => minutesOfDay(i.start)));
  const max = Math.max(...intervals.map((i) => minutesOfDay(i.end)));
  return { min: Math.floor(min / 60) * 60, max: Math.min(24 * 60 - 1, Math.ceil(max / 60) * 60) };
}

/** Whether a clinic-local moment falls inside the weekly hours. */
export function isWithin(hours: WeeklyHours, at: DateTime): boolean {
  const minute = at.hour * 60 + at.minute;
  const intervals = hours[String(at.weekday) as keyof WeeklyHours] ?? [];
  return intervals.some((i) => minutesOfDay(i.start) <= minute && minute < minutesOfDay(i.end));
}

/** "Tue 24 Nov 09:40 with Dr. X" */
export function slotLabel(slot: Slot, providerName: string, zone: string): string {
  return `${DateTime.fromISO(slot.startAt, { zone }).toFormat('ccc d LLL HH:mm')} with ${providerName}`;
}

export function longDate(date: string, zone: string): string {
  return startOfDay(date, zone).toFormat('cccc d LLLL yyyy');
}

export function rangeTitle(days: DateTime[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return '';
  if (days.length === 1) return first.toFormat('cccc d LLLL yyyy');
  const sameMonth = first.hasSame(last, 'month');
  return `${first.toFormat(sameMonth ? 'd' : 'd LLL')} – ${last.toFormat('d LLL yyyy')}`;
}

/** The next slot-aligned time from now (for a booking started with N), or the opening time on another day. */
export function suggestedStart(date: string, zone: string, slotMinutes: number, openingMinutes: number): string {
  const now = DateTime.now().setZone(zone);
  if (now.toFormat(DATE) !== date)
    return DateTime.fromObject({ hour: Math.floor(openingMinutes / 60), minute: openingMinutes % 60 }).toFormat(TIME);
  const minute = Math.max(openingMinutes, Math.ceil((now.hour * 60 + now.minute + 1) / slotMinutes) * slotMinutes);
  const clamped = Math.min(minute, 23 * 60 + 59);
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}
