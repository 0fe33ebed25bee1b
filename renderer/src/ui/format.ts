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

/** Integer cents as "$1,234.56": the contract's, so screens say amounts as the core's messages and PDFs do. */
export { formatCents } from '../../../main/contract';

/**
 * What a person typed as an amount ("45", "45.5", "$1,200.00") in integer
 * cents; null when it is not an amount (more than two decimals, letters).
 * Parsed from the digits, never through floating point, so 0.29 stays 29.
 */
export function parseMoney(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^\$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$|^\.(\d{1,2})$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? match[3] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a person would type them back into a field: "1200.00". */
export function moneyInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
