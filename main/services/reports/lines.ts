/**
 * The ledger rows that count, with what a person needs to read them (the
 * charge's code, what a reversal cancelled), shared by the day sheet and the
 * statements so both describe a posting the same way. Reads `ledger_counted`,
 * never the table: a second copy of a posting made offline is never summed.
 */
import { adjustmentReasons, paymentMethodLabels } from '../../contract';
import { survivorOf } from '../patients/records';
import type { Store } from '../store';

export interface CountedLine {
  id: string;
  patientId: string;
  kind: string;
  amountCents: number;
  postedOn: string;
  enteredAt: string;
  enteredBy: string;
  groupId: string;
  chargeId: string | null;
  payer: string | null;
  providerId: string | null;
  method: string | null;
  reasonCode: string | null;
  code: string | null;
  chargeDescription: string | null;
  serviceDate: string | null;
  reversedKind: string | null;
}

const SELECT_LINES = `SELECT l.id, l.patient_id AS patientId, l.kind, l.amount_cents AS amountCents, l.posted_on AS postedOn,
    l.entered_at AS enteredAt, l.entered_by AS enteredBy, l.group_id AS groupId, l.charge_id AS chargeId, l.payer, l.provider_id AS providerId,
    l.method, l.reason_code AS reasonCode, c.code, c.description AS chargeDescription, c.service_date AS serviceDate,
    o.kind AS reversedKind
  FROM ledger_counted l LEFT JOIN charges c ON c.id = l.charge_id LEFT JOIN ledger_entries o ON o.id = l.reverses_id`;

/** Rows posted on one day, optionally of one provider, in the order they were entered. */
export function linesOfDay(store: Store, date: string, providerId?: string): CountedLine[] {
  const provider = providerId ? 'AND l.provider_id = :providerId' : '';
  return store.sqlite
    .prepare(`${SELECT_LINES} WHERE l.posted_on = :date ${provider} ORDER BY l.entered_at, l.id`)
    .all({ date, ...(providerId ? { providerId } : {}) }) as CountedLine[];
}

/** Rows of an account (all its merged records) posted in [from, to], oldest first. */
export function linesOfAccount(store: Store, patientIds: string[], from: string, to: string): CountedLine[] {
  const marks = patientIds.map(() => '?').join(',');
  return store.sqlite
    .prepare(`${SELECT_LINES} WHERE l.patient_id IN (${marks}) AND l.posted_on BETWEEN ? AND ? ORDER BY l.posted_on, l.entered_at, l.id`)
    .all(...patientIds, from, to) as CountedLine[];
}

const methodLabel = (method: string | null) =>
  method && method in paymentMethodLabels ? paymentMethodLabels[method as keyof typeof paymentMethodLabels] : (method ?? 'no method');

const reasonLabel = (code: string | null) =>
  code && code in adjustmentReasons ? adjustmentReasons[code as keyof typeof adjustmentReasons] : (code ?? 'no reason given');

const whose = (payer: string | null) => payer ?? 'the patient';

const kindNames: Record<string, string> = {
  charge: 'charge',
  payment: 'payment',
  adjustment: 'adjustment',
  refund: 'refund',
  transfer: 'balance move',
};

/** One line of plain words for a posting, the same on the day sheet and the statement. */
export function describeLine(line: CountedLine): string {
  const service = line.code ? `${line.code} ${line.chargeDescription ?? ''}`.trim() : 'on account';
  switch (line.kind) {
    case 'charge':
      return service;
    case 'payment':
      return `Payment by ${methodLabel(line.method).toLowerCase()}${line.payer ? ` from ${line.payer}` : ''}${line.code ? ` for ${line.code}` : ''}`;
    case 'adjustment':
      return `Adjustment${line.code ? ` of ${line.code}` : ''}${line.payer ? ` (${line.payer})` : ''}: ${reasonLabel(line.reasonCode)}`;
    case 'refund':
      return `Refund by ${methodLabel(line.method).toLowerCase()}`;
    case 'transfer':
      return line.amountCents >= 0
        ? `${line.code ?? 'Balance'} now owed by ${whose(line.payer)}`
        : `${line.code ?? 'Balance'} no longer owed by ${whose(line.payer)}`;
    case 'reversal':
      return `Cancelled ${kindNames[line.reversedKind ?? ''] ?? 'posting'}${line.code ? ` of ${line.code}` : ''}`;
    default:
      return `${line.kind} (from a newer version of Outpost)`;
  }
}

export interface PatientLabel {
  survivorId: string;
  name: string;
  mrn: string;
}

/** Name and MRN of each patient record's surviving record (a merged record reads as the patient it joined). */
export function patientLabels(store: Store, ids: string[]): Map<string, PatientLabel> {
  const labels = new Map<string, PatientLabel>();
  const lookup = store.sqlite.prepare('SELECT given_name AS givenName, family_name AS familyName, mrn FROM patients WHERE id = ?');
  for (const id of new Set(ids)) {
    const survivorId = survivorOf(store, id);
    const row = lookup.get(survivorId) as { givenName: string; familyName: string; mrn: string } | undefined;
    labels.set(id, { survivorId, name: row ? `${row.givenName} ${row.familyName}` : 'Unknown patient', mrn: row?.mrn ?? '' });
  }
  return labels;
}

export function providerNames(store: Store): Map<string, string> {
  const rows = store.sqlite.prepare('SELECT id, display_name AS name FROM providers').all() as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

export const NO_PROVIDER = 'No provider (money on account)';
