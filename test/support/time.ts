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
