/**
 * Clinic wall-clock helpers for tests. Times are written the way a person at
 * the desk thinks of them (a local date and HH:mm in the clinic's zone) and
 * converted with luxon, independently of the process time zone.
 */
import { DateTime } from 'luxon';

export const CLINIC_ZONE = 'America/Chicago';

/** A local date + time in the zone as a UTC instant, in the form the core stores (toISOString). */
export function at(date: string, time: string, zone = CLINIC_ZONE): string {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) throw new Error(`Invalid local time ${date} ${time}`);
  return new Date(local.toMillis()).toISOString();
}

/** Minutes added to an instant, as an ISO instant. */
export function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** The local date and HH:mm of an instant in the zone. */
export function local(iso: string, zone = CLINIC_ZONE): { date: string; time: string; weekday: number } {
  const dt = DateTime.fromISO(iso, { zone });
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm'), weekday: dt.weekday };
}

/** The date of the given ISO weekday (1 = Monday) in the clinic zone, at least `minDays` days from today. */
export function upcoming(weekday: number, minDays = 14, zone = CLINIC_ZONE): string {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: minDays });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.toFormat('yyyy-MM-dd');
}

/** Plain date arithmetic on YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toFormat('yyyy-MM-dd');
}

/** Today's date in the zone. */
export function today(zone = CLINIC_ZONE): string {
  return DateTime.now().setZone(zone).toFormat('yyyy-MM-dd');
}

/**
 * The most recent weekday (Mon–Fri) at least `minDaysAgo` days before today in
 * the zone: a past clinic day on which statuses may change (late data entry)
 * and which any weekday provider works, whatever day the suite runs.
 */
export function pastWeekday(minDaysAgo = 7, zone = CLINIC_ZONE): string {
  let day = DateTime.now().setZone(zone).startOf('day').minus({ days: minDaysAgo });
  while (day.weekday > 5) day = day.minus({ days: 1 });
  return day.toFormat('yyyy-MM-dd');
}

/**
 * Tests about "later today" or "earlier today" need room on both sides of now
 * within the clinic day. If fewer than `minutes` are left before the clinic's
 * midnight, wait for the new day (at most `minutes`), so the test does not
 * depend on the hour it runs at. Returns the clinic's now afterwards.
 */
export async function awaitTimeLeftToday(minutes: number, zone = CLINIC_ZONE): Promise<DateTime> {
  const now = DateTime.now().setZone(zone);
  const left = now.endOf('day').toMillis() - now.toMillis();
  if (left < minutes * 60_000) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
  return DateTime.now().setZone(zone);
}
