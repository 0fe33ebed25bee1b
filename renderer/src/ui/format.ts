/** Display formatting in the clinic's time zone, whatever the workstation's own zone. */
import { DateTime } from 'luxon';

export function formatTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
}

export function formatDateTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL yyyy, HH:mm');
}

export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).toFormat('d LLL yyyy');
}

export function ageOn(dateOfBirth: string, today = DateTime.now()): number {
  return Math.floor(today.diff(DateTime.fromISO(dateOfBirth), 'years').years);
}
