/**
 * How the audit trail reads to a practice manager: actions and outcomes in
 * words (an unknown value from a newer workstation is shown as it is, never
 * hidden), short workstation ids, the clinic-day range as instants, and the
 * CSV of what the screen shows. Pure functions, so the wording is shared by
 * the table and the export.
 */
import { DateTime } from 'luxon';
import { spreadsheetSafe, type AuditEvent } from '../../../../main/contract';
import { isValidDate, startOfDay } from '../schedule/clinicTime';

/** The actions the core writes (main/services/audit/record.ts), in the order the filter offers them. */
export const actionLabels: Record<string, string> = {
  login: 'Signed in',
  logout: 'Signed out',
  'chart.open': 'Opened the chart',
  'chart.read': 'Read part of the chart',
  'record.open': 'Opened the patient record',
  'account.open': 'Opened the patient’s account',
  report: 'Ran a report',
  write: 'Changed a record',
  sign: 'Signed a note',
  emergency: 'Emergency access to a chart',
  print: 'Printed',
  export: 'Exported',
  import: 'Imported',
  'import.preview': 'Previewed an import',
  permission: 'Changed a user account',
  read: 'Tried to read',
};

export const outcomeLabels: Record<string, string> = { success: 'Success', denied: 'Denied', failure: 'Failed' };

export type Outcome = 'success' | 'denied' | 'failure';
export const OUTCOMES: Outcome[] = ['success', 'denied', 'failure'];

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

export function outcomeLabel(outcome: string): string {
  return outcomeLabels[outcome] ?? outcome;
}

/** Denied and failed calls are what a manager looks for; an unknown outcome is flagged too rather than passed as fine. */
export function isAlarming(outcome: string): boolean {
  return outcome !== 'success';
}

/** Workstation ids are long random strings: the first characters tell them apart on one clinic's screen. */
export function shortWorkstation(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

export const problemLabels: Record<string, string> = { altered: 'altered', missing: 'missing', out_of_order: 'out of order' };

export function problemText(p: { workstation: string; seq: number; problem: string }): string {
  return `Workstation ${shortWorkstation(p.workstation)}, entry ${p.seq}: ${problemLabels[p.problem] ?? p.problem}`;
}

/**
 * A clinic-local date range (yyyy-MM-dd, either end optional) as the instants
 * the API filters on: from the start of the first day to the last millisecond
 * of the last, in the clinic's zone (DST-aware), whatever the workstation's zone.
 */
export function dayRange(fromDate: string, toDate: string, zone: string): { from?: string; to?: string; error?: string } {
  const range: { from?: string; to?: string; error?: string } = {};
  if (fromDate && isValidDate(fromDate)) range.from = startOfDay(fromDate, zone).toUTC().toISO() ?? undefined;
  if (toDate && isValidDate(toDate))
    range.to = startOfDay(toDate, zone).plus({ days: 1 }).minus({ milliseconds: 1 }).toUTC().toISO() ?? undefined;
  if (range.from && range.to && range.from > range.to) return { error: 'The end date is before the start date' };
  return range;
}

/** "Mon 23 Nov 2026, 10:33:07": the clinic's wall clock to the second, since several entries often share a minute. */
export function auditTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL yyyy, HH:mm:ss');
}

/** "2026-03-14 09:41:07", the clinic's wall clock: sortable text for a spreadsheet. */
export function clinicTimestamp(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/**
 * One CSV field (RFC 4180): always quoted, quotes doubled. A field that a
 * spreadsheet would run as a formula (a name typed as "=HYPERLINK(…)") gets a
 * leading apostrophe, so opening the export never executes what someone typed.
 */
export function csvField(value: string): string {
  return `"${spreadsheetSafe(value).replace(/"/g, '""')}"`;
}

export function auditCsv(events: AuditEvent[], zone: string, patientName: (id: string) => string): string {
  const header = [`Time (${zone})`, 'Time (UTC)', 'User', 'Action', 'Method', 'Patient', 'Patient id', 'Workstation', 'Outcome'];
  const rows = events.map((e) => [
    clinicTimestamp(e.at, zone),
    e.at,
    e.userName ?? '',
    actionLabel(e.action),
    e.method,
    e.patientId ? patientName(e.patientId) : '',
    e.patientId ?? '',
    e.workstation,
    outcomeLabel(e.outcome),
  ]);
  // CRLF line ends, as RFC 4180 and spreadsheet programs expect.
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
