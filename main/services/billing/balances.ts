/**
 * Balances are never typed in or edited: every figure here is a sum of the
 * ledger rows that count, read from `ledger_balances`, which SQLite keeps in
 * step with the ledger on every insert. A patient's records merged into
 * another count as one account (the ledger keeps the id each row was posted
 * under).
 */
import { and, desc, inArray, isNull } from 'drizzle-orm';
import { charges, ledgerEntries } from '../../../db/schema';
import type { AgingBuckets, Charge, LedgerEntry, PatientAccount } from '../../contract';
import { namesOf } from '../charting/notes';
import { patientOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';
import { clinicToday } from './postings';

type ChargeRow = typeof charges.$inferSelect;

/** Payer key of a balance: the insurer's name, or '' for the patient's part. */
export const PATIENT = '';

export function accountIds(store: Store, patientId: string): string[] {
  return withMergedRecords(store, patientOf(store, patientId));
}

/** chargeId ('' for rows on account) -> payer key -> cents owed. */
export function balancesByCharge(store: Store, patientIds: string[]): Map<string, Map<string, number>> {
  const marks = patientIds.map(() => '?').join(',');
  const rows = store.sqlite
    .prepare(
      `SELECT charge_key AS chargeId, payer_key AS payer, sum(cents) AS cents FROM ledger_balances WHERE patient_id IN (${marks}) GROUP BY 1, 2`,
    )
    .all(...patientIds) as { chargeId: string; payer: string; cents: number }[];
  const balances = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const byPayer = balances.get(row.chargeId) ?? new Map<string, number>();
    byPayer.set(row.payer, row.cents);
    balances.set(row.chargeId, byPayer);
  }
  return balances;
}

export function owedBy(balances: Map<string, Map<string, number>>, chargeId: string, payer: string): number {
  return balances.get(chargeId)?.get(payer) ?? 0;
}

function sumOf(byPayer: Map<string, number> | undefined): number {
  let total = 0;
  for (const cents of byPayer?.values() ?? []) total += cents;
  return total;
}

export function toCharge(row: ChargeRow, balances: Map<string, Map<string, number>>): Charge {
  return {
    id: row.id,
    patientId: row.patientId,
    encounterId: row.encounterId,
    providerId: row.providerId,
    serviceDate: row.serviceDate,
    code: row.code,
    description: row.description,
    modifiers: JSON.parse(row.modifiers) as string[],
    units: row.units,
    unitPriceCents: row.unitPriceCents,
    totalCents: row.units * row.unitPriceCents,
    diagnosisCodes: JSON.parse(row.diagnosisCodes) as string[],
    status: row.status,
    balanceCents: sumOf(balances.get(row.id)),
  };
}

export function emptyBuckets(): AgingBuckets {
  return { current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 };
}

/** Add `cents` to the bucket of a service `days` old (30 days or less is current). */
export function addToBucket(buckets: AgingBuckets, days: number, cents: number): void {
  if (days <= 30) buckets.current += cents;
  else if (days <= 60) buckets.days31to60 += cents;
  else if (days <= 90) buckets.days61to90 += cents;
  else buckets.over90 += cents;
  buckets.total += cents;
}

/** Whole days between two plain dates (both read as UTC midnights, so no time zone or DST shifts them). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function patientAccount(store: Store, patientId: string): PatientAccount {
  const survivor = patientOf(store, patientId);
  const ids = withMergedRecords(store, survivor);
  const balances = balancesByCharge(store, ids);
  const chargeRows = store.db
    .select()
    .from(charges)
    .where(and(inArray(charges.patientId, ids), isNull(charges.deletedAt)))
    .orderBy(desc(charges.serviceDate), desc(charges.id))
    .all();
  const today = clinicToday(store);
  const aging = emptyBuckets();
  let patientDue = 0;
  let insuranceDue = 0;
  for (const row of chargeRows) {
    for (const [payer, cents] of balances.get(row.id) ?? []) {
      if (payer === PATIENT) patientDue += cents;
      else insuranceDue += cents;
      addToBucket(aging, daysBetween(row.serviceDate, today), cents);
    }
  }
  const unapplied = 0 - sumOf(balances.get(''));
  // A credit on account lowers what is owed now.
  addToBucket(aging, 0, -unapplied);
  return {
    patientId: survivor,
    balanceCents: patientDue + insuranceDue - unapplied,
    patientDueCents: patientDue,
    insuranceDueCents: insuranceDue,
    unappliedCents: unapplied,
    aging,
    charges: chargeRows.map((row) => toCharge(row, balances)),
    entries: ledgerOf(store, ids),
  };
}

/** Every row of the account, newest first, each with the balance after it (in posting order). */
function ledgerOf(store: Store, ids: string[]): LedgerEntry[] {
  const rows = store.db
    .select()
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.patientId, ids), isNull(ledgerEntries.deletedAt)))
    .all()
    .sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.enteredAt.localeCompare(b.enteredAt) || a.id.localeCompare(b.id));
  const marks = ids.map(() => '?').join(',');
  const counted = new Set(
    (store.sqlite.prepare(`SELECT id FROM ledger_counted WHERE patient_id IN (${marks})`).all(...ids) as { id: string }[]).map(
      (row) => row.id,
    ),
  );
  const reversed = new Set(
    rows
      .filter((row) => counted.has(row.id))
      .map((row) => row.reversesId)
      .filter((id): id is string => id !== null),
  );
  const names = namesOf(
    store,
    rows.map((row) => row.enteredBy),
  );
  let running = 0;
  return rows
    .map((row) => {
      if (counted.has(row.id)) running += row.amountCents;
      return {
        id: row.id,
        kind: row.kind,
        amountCents: row.amountCents,
        postedOn: row.postedOn,
        enteredAt: row.enteredAt,
        enteredByName: names.get(row.enteredBy) ?? 'Unknown user',
        chargeId: row.chargeId,
        payer: row.payer,
        groupId: row.groupId,
        method: row.method,
        reference: row.reference,
        reasonCode: row.reasonCode,
        reversesId: row.reversesId,
        reversed: reversed.has(row.id),
        counted: counted.has(row.id),
        note: row.note,
        runningCents: running,
      };
    })
    .reverse();
}
