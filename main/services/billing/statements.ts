/**
 * Patient statements: what the patient is asked to pay, and why. A statement
 * covers a period (a month back from its date unless given): the balance
 * before it, every counted ledger row posted in it, and the balance at its
 * end — so the page adds up line by line. What the patient owes is their part
 * of the open balances at the statement date (insurance pending is shown
 * apart), read from `ledger_balances` minus what was posted after that date.
 */
import { DateTime } from 'luxon';
import { ApiError, type AgingBuckets, type Output, type ParsedInput } from '../../contract';
import { findPatientRow, patientOf, withMergedRecords } from '../patients/records';
import { linesOfAccount, type CountedLine } from '../reports/lines';
import { getClinic } from '../settings/reference';
import type { Store } from '../store';
import { addToBucket, daysBetween, emptyBuckets, PATIENT } from './balances';
import { clinicToday } from './postings';
import { renderStatements } from './statements-pdf';
import { loadProfile } from './profile';

/** Days the patient is given to pay, printed as a date. */
export const PAY_WITHIN_DAYS = 30;

export interface StatementData {
  patientId: string;
  /** `sortName` orders a batch the way a mail run is sorted: family name, then given name. */
  patient: { name: string; sortName: string; mrn: string; address: string[] };
  statementDate: string;
  from: string;
  to: string;
  payBy: string;
  previousBalanceCents: number;
  lines: CountedLine[];
  /** All payers, at the end of the period: previous balance plus the lines. */
  closingBalanceCents: number;
  patientDueCents: number;
  insurancePendingCents: number;
  /** The patient's part by age of service at the statement date; a credit counts as current. */
  aging: AgingBuckets;
}

const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;

function notAfterToday(store: Store, date: string, field: string): void {
  if (date > clinicToday(store)) {
    throw new ApiError('VALIDATION', 'A statement cannot cover days after today. Pick today or an earlier date.', {
      [field]: 'In the future',
    });
  }
}

/** Open balances of the account at the end of `asOf`, per charge and payer, with the charge's service date. */
function owedAt(store: Store, ids: string[], asOf: string) {
  const marks = ids.map(() => '?').join(',');
  return store.sqlite
    .prepare(
      `SELECT o.chargeKey, o.payerKey, o.cents, c.service_date AS serviceDate FROM (
         SELECT chargeKey, payerKey, sum(cents) AS cents FROM (
           SELECT charge_key AS chargeKey, payer_key AS payerKey, cents FROM ledger_balances WHERE patient_id IN (${marks})
           UNION ALL
           SELECT coalesce(charge_id, ''), coalesce(payer, ''), -amount_cents FROM ledger_counted
           WHERE patient_id IN (${marks}) AND posted_on > ?)
         GROUP BY 1, 2 HAVING sum(cents) <> 0) o
       LEFT JOIN charges c ON c.id = o.chargeKey`,
    )
    .all(...ids, ...ids, asOf) as { chargeKey: string; payerKey: string; cents: number; serviceDate: string | null }[];
}

export function statementData(store: Store, patientId: string, range: { from?: string; to?: string }): StatementData {
  const survivor = patientOf(store, patientId);
  const ids = withMergedRecords(store, survivor);
  const row = findPatientRow(store, survivor);
  const to = range.to ?? clinicToday(store);
  const from = range.from ?? plusDays(DateTime.fromISO(to, { zone: 'utc' }).minus({ months: 1 }).toISODate() ?? to, 1);
  const marks = ids.map(() => '?').join(',');
  const previous = store.sqlite
    .prepare(`SELECT coalesce(sum(amount_cents), 0) AS cents FROM ledger_counted WHERE patient_id IN (${marks}) AND posted_on < ?`)
    .get(...ids, from) as { cents: number };
  const lines = linesOfAccount(store, ids, from, to);
  const aging = emptyBuckets();
  let insurance = 0;
  for (const owed of owedAt(store, ids, to)) {
    if (owed.payerKey !== PATIENT) insurance += owed.cents;
    else addToBucket(aging, owed.serviceDate ? daysBetween(owed.serviceDate, to) : 0, owed.cents);
  }
  const cityLine = [row.city, [row.region, row.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return {
    patientId: survivor,
    patient: {
      name: [row.givenName, row.middleName, row.familyName].filter(Boolean).join(' '),
      sortName: `${row.familyName}, ${row.givenName}`,
      mrn: row.mrn,
      address: [row.addressLine1, row.addressLine2, cityLine].filter((line): line is string => !!line),
    },
    statementDate: to,
    from,
    to,
    payBy: plusDays(to, PAY_WITHIN_DAYS),
    previousBalanceCents: previous.cents,
    lines,
    closingBalanceCents: previous.cents + lines.reduce((sum, line) => sum + line.amountCents, 0),
    patientDueCents: aging.total,
    insurancePendingCents: insurance,
    aging,
  };
}

/** The clinic's postal address for the header: the billing profile's (where patients send payments), else nothing. */
function clinicAddress(store: Store): string[] {
  const profile = loadProfile(store);
  const cityLine = [profile.city, [profile.region, profile.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [profile.addressLine1, cityLine, profile.phone ? `Phone ${profile.phone}` : null].filter((line): line is string => !!line);
}

export async function patientStatement(store: Store, input: ParsedInput<'statements.patient'>): Promise<Output<'statements.patient'>> {
  if (input.to) notAfterToday(store, input.to, 'to');
  if (input.from && !input.to) notAfterToday(store, input.from, 'from');
  const data = statementData(store, input.patientId, input);
  const bytes = await renderStatements(getClinic(store).name, clinicAddress(store), [data]);
  return {
    fileName: `statement-${data.statementDate}.pdf`,
    pdfBase64: bytes.toString('base64'),
    patientId: data.patientId,
    statementDate: data.statementDate,
    from: data.from,
    to: data.to,
    patientDueCents: data.patientDueCents,
    insurancePendingCents: data.insurancePendingCents,
    aging: data.aging,
  };
}

/** Surviving patient ids whose own part (less any credit) at the end of `asOf` is at least `minimumCents`. */
export function patientsOwing(store: Store, asOf: string, minimumCents: number): string[] {
  const rows = store.sqlite
    .prepare(
      `SELECT patientId, sum(cents) AS cents FROM (
         SELECT patient_id AS patientId, cents FROM ledger_balances WHERE payer_key = '' AND cents <> 0
         UNION ALL
         SELECT patient_id, -amount_cents FROM ledger_counted WHERE payer IS NULL AND posted_on > ?)
       GROUP BY 1`,
    )
    .all(asOf) as { patientId: string; cents: number }[];
  const bySurvivor = new Map<string, number>();
  const merged = new Map(
    (store.sqlite.prepare('SELECT id FROM patients WHERE merged_into IS NOT NULL').all() as { id: string }[]).map((r) => [r.id, true]),
  );
  for (const row of rows) {
    const survivor = merged.has(row.patientId) ? patientOf(store, row.patientId) : row.patientId;
    bySurvivor.set(survivor, (bySurvivor.get(survivor) ?? 0) + row.cents);
  }
  return [...bySurvivor].filter(([, cents]) => cents >= minimumCents).map(([id]) => id);
}

export async function batchStatements(store: Store, input: ParsedInput<'statements.batch'>): Promise<Output<'statements.batch'>> {
  if (input.asOf) notAfterToday(store, input.asOf, 'asOf');
  const asOf = input.asOf ?? clinicToday(store);
  const statements = patientsOwing(store, asOf, input.minimumCents)
    .map((id) => statementData(store, id, { to: asOf }))
    .sort((a, b) => a.patient.sortName.localeCompare(b.patient.sortName) || a.patient.mrn.localeCompare(b.patient.mrn));
  if (statements.length === 0) {
    throw new ApiError(
      'NOT_FOUND',
      'No patient owes that much, so there are no statements to print. Lower the smallest balance or check the date.',
    );
  }
  const bytes = await renderStatements(getClinic(store).name, clinicAddress(store), statements);
  return {
    fileName: `statements-${asOf}.pdf`,
    pdfBase64: bytes.toString('base64'),
    statements: statements.length,
    totalDueCents: statements.reduce((sum, s) => sum + s.patientDueCents, 0),
  };
}
