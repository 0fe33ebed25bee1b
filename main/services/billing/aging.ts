/**
 * A/R aging: what is owed at a date, by how old the service is, per payer or
 * per patient; a credit on account counts as current. It reads the open
 * balances (`ledger_balances`, a few thousand rows however long the ledger
 * is) and, for a past date, takes back what was posted after it — never a
 * pass over the whole ledger.
 */
import type { AgingBuckets, AgingRow, ParsedInput } from '../../contract';
import { patientDisplayName } from '../../contract';
import type { Store } from '../store';
import { addToBucket, daysBetween, emptyBuckets } from './balances';
import { clinicToday } from './postings';

interface Owed {
  patientId: string;
  payer: string | null;
  serviceDate: string | null;
  cents: number;
}

const COLUMNS = `b.patient_id AS patientId, nullif(b.payer_key, '') AS payer, c.service_date AS serviceDate`;

/** Open balances at the end of `asOf`: today's, minus what was posted after that day (read from the few rows posted since). */
function owedAt(store: Store, asOf: string, providerId: string | undefined, today: string): Owed[] {
  const provider = providerId ? 'AND b.provider_id = :provider' : '';
  const byProvider = providerId ? { provider: providerId } : {};
  if (asOf >= today) {
    return store.sqlite
      .prepare(
        `SELECT ${COLUMNS}, b.cents AS cents FROM ledger_balances b LEFT JOIN charges c ON c.id = b.charge_key
         WHERE b.cents <> 0 ${provider}`,
      )
      .all(byProvider) as Owed[];
  }
  return store.sqlite
    .prepare(
      `WITH a AS (
         SELECT coalesce(charge_id, '') AS ck, coalesce(payer, '') AS pk, patient_id AS pid, sum(amount_cents) AS cents
         FROM ledger_counted WHERE posted_on > :asOf GROUP BY 1, 2, 3)
       SELECT ${COLUMNS}, b.cents - coalesce(a.cents, 0) AS cents
       FROM ledger_balances b LEFT JOIN a ON a.ck = b.charge_key AND a.pk = b.payer_key AND a.pid = b.patient_id
         LEFT JOIN charges c ON c.id = b.charge_key
       WHERE b.cents <> 0 ${provider} AND b.cents - coalesce(a.cents, 0) <> 0
       UNION ALL
       SELECT ${COLUMNS}, -a.cents AS cents
       FROM a CROSS JOIN ledger_balances b ON b.charge_key = a.ck AND b.payer_key = a.pk AND b.patient_id = a.pid
         LEFT JOIN charges c ON c.id = b.charge_key
       WHERE b.cents = 0 ${provider} AND a.cents <> 0`,
    )
    .all({ asOf, ...byProvider }) as Owed[];
}

function addInto(target: AgingBuckets, source: AgingBuckets): void {
  target.current += source.current;
  target.days31to60 += source.days31to60;
  target.days61to90 += source.days61to90;
  target.over90 += source.over90;
  target.total += source.total;
}

/** Survivor id and display name of every patient record (a merged record ages with its survivor). */
function patientLabels(store: Store): Map<string, { survivor: string; label: string }> {
  const rows = store.sqlite
    .prepare(
      'SELECT id, merged_into AS mergedInto, given_name AS givenName, family_name AS familyName, preferred_name AS preferredName, mrn FROM patients',
    )
    .all() as { id: string; mergedInto: string | null; givenName: string; familyName: string; preferredName: string | null; mrn: string }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const labels = new Map<string, { survivor: string; label: string }>();
  for (const row of rows) {
    let survivor = row;
    for (let hops = 0; survivor.mergedInto && hops < 10; hops += 1) survivor = byId.get(survivor.mergedInto) ?? survivor;
    labels.set(row.id, { survivor: survivor.id, label: `${patientDisplayName(survivor)} (${survivor.mrn})` });
  }
  return labels;
}

export function arAging(store: Store, input: ParsedInput<'reports.arAging'>): { asOf: string; rows: AgingRow[]; totals: AgingBuckets } {
  const today = clinicToday(store);
  const asOf = input.asOf ?? today;
  const owed = owedAt(store, asOf, input.providerId, today);
  const labels = input.by === 'patient' ? patientLabels(store) : undefined;
  const groups = new Map<string, AgingRow>();
  const totals = emptyBuckets();
  for (const item of owed) {
    const patient = labels?.get(item.patientId);
    const key = labels ? (patient?.survivor ?? item.patientId) : (item.payer ?? '');
    const label = labels ? (patient?.label ?? 'Unknown patient') : (item.payer ?? 'Patients (self-pay and patient share)');
    const row = groups.get(key) ?? { key, label, ...emptyBuckets() };
    const buckets = emptyBuckets();
    addToBucket(buckets, item.serviceDate ? daysBetween(item.serviceDate, asOf) : 0, item.cents);
    addInto(row, buckets);
    addInto(totals, buckets);
    groups.set(key, row);
  }
  const rows = [...groups.values()]
    .filter((row) => row.total !== 0 || row.over90 !== 0)
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  return { asOf, rows, totals };
}
