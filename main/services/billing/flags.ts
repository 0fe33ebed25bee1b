/**
 * Billing checks after a merge, over the ledger rows remote ops brought in.
 * Nothing is re-dated or removed (the ledger is append-only); each finding is
 * a conflict for a manager to review, with a deterministic id so every
 * workstation that finds it makes the same one:
 *  - a posting dated before the lock date that the books did not hold when a
 *    manager closed them (made on a workstation that had not heard of the lock);
 *  - the same charge posted, or the same posting reversed, on two workstations
 *    before they synced: only the first row counts (the `ledger_counted` view);
 *  - the same remittance posted on two workstations: both count until a
 *    manager reverses one.
 */
import { eq, inArray } from 'drizzle-orm';
import { ledgerEntries } from '../../../db/schema';
import type { Clash } from '../conflicts/detect';
import type { Store } from '../store';
import { lockRow } from './postings';
import { paymentMethodLabels, formatCents } from '../../contract';

type LedgerRow = typeof ledgerEntries.$inferSelect;

function postingAfterClose(store: Store, row: LedgerRow): Clash[] {
  const lock = lockRow(store);
  if (!lock || row.postedOn >= lock.lockDate) return [];
  const seen = JSON.parse(lock.seen) as Record<string, string>;
  const mark = seen[row.originDevice];
  if (mark !== undefined && row.hlc <= mark) return [];
  // One flag per posting (its group), not per row of a split payment.
  return [{ kind: 'posting_before_lock', subjects: [row.groupId], resourceId: lock.lockDate }];
}

function duplicatePosting(store: Store, row: LedgerRow): Clash[] {
  const column = row.kind === 'charge' ? 'charge_id' : row.kind === 'reversal' ? 'reverses_id' : undefined;
  const key = row.kind === 'charge' ? row.chargeId : row.reversesId;
  if (!column || !key) return [];
  const first = store.sqlite
    .prepare(`SELECT group_id AS groupId FROM ledger_entries WHERE ${column} = ? AND kind = ? ORDER BY id LIMIT 1`)
    .get(key, row.kind) as { groupId: string } | undefined;
  if (!first || first.groupId === row.groupId) return [];
  return [{ kind: 'duplicate_posting', subjects: [first.groupId, row.groupId], resourceId: null }];
}

/**
 * When a lock date arrives (or moves), the postings of this workstation's books
 * that the manager's did not hold: each device's rows above its mark. A rare
 * event, so one pass over the closed period is fine.
 */
export function lockFlags(store: Store): Clash[] {
  const lock = lockRow(store);
  if (!lock) return [];
  const seen = JSON.parse(lock.seen) as Record<string, string>;
  const rows = store.sqlite
    .prepare(
      'SELECT group_id AS groupId, origin_device AS device, max(hlc) AS hlc FROM ledger_entries WHERE posted_on < ? GROUP BY group_id',
    )
    .all(lock.lockDate) as { groupId: string; device: string; hlc: string }[];
  return rows
    .filter((row) => {
      const mark = seen[row.device];
      return mark === undefined || row.hlc > mark;
    })
    .map((row) => ({ kind: 'posting_before_lock', subjects: [row.groupId], resourceId: lock.lockDate }));
}

/**
 * The same insurer remittance (its trace number) posted to the same charge on
 * two workstations before they synced. Both count — they are ordinary
 * payments — so a manager must reverse one: flagged with both postings.
 */
function remittancePostedTwice(store: Store, row: LedgerRow): Clash[] {
  if (!row.reference?.startsWith('ERA ') || !row.chargeId) return [];
  const other = store.sqlite
    .prepare(
      `SELECT group_id AS groupId FROM ledger_entries WHERE reference = ? AND charge_id = ? AND group_id <> ? AND origin_device <> ?
       AND kind <> 'reversal' ORDER BY id LIMIT 1`,
    )
    .get(row.reference, row.chargeId, row.groupId, row.originDevice) as { groupId: string } | undefined;
  return other ? [{ kind: 'duplicate_posting', subjects: [other.groupId, row.groupId], resourceId: null }] : [];
}

export function ledgerFlags(store: Store, id: string): Clash[] {
  const row = store.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)).get();
  if (!row) return [];
  return [...postingAfterClose(store, row), ...duplicatePosting(store, row), ...remittancePostedTwice(store, row)];
}

function describePosting(rows: LedgerRow[]): string {
  const [first] = rows;
  if (!first) return 'A posting';
  const total = rows.reduce((sum, row) => sum + row.amountCents, 0);
  const how = first.method ? ` (${paymentMethodLabels[first.method as keyof typeof paymentMethodLabels] ?? first.method})` : '';
  return `A ${first.kind}${how} of ${formatCents(Math.abs(total))} dated ${first.postedOn}`;
}

function bothCount(store: Store, groupIds: string[]): boolean {
  const marks = groupIds.map(() => '?').join(',');
  const counted = store.sqlite
    .prepare(`SELECT count(DISTINCT group_id) AS n FROM ledger_counted WHERE group_id IN (${marks})`)
    .get(...groupIds) as {
    n: number;
  };
  return counted.n === groupIds.length;
}

/** Words and the patient for a ledger finding in the conflicts inbox. */
export function describeLedgerFlag(store: Store, kind: string, groupIds: string[], lockDate: string | null) {
  const rows = store.db.select().from(ledgerEntries).where(inArray(ledgerEntries.groupId, groupIds)).all();
  const group = (id: string | undefined) => rows.filter((row) => row.groupId === id);
  const patientIds = [...new Set(rows.map((row) => row.patientId))];
  const detail =
    kind === 'posting_before_lock'
      ? `${describePosting(group(groupIds[0]))} arrived from another workstation after the books were closed before ${lockDate ?? 'the lock date'}. It is kept as dated; check the closed period's reports.`
      : bothCount(store, groupIds)
        ? `${describePosting(group(groupIds[1]))} was posted from the same remittance on two workstations before they synced, and both count. Reverse one of them in the patient’s account.`
        : `${describePosting(group(groupIds[1]))} was made on two workstations before they synced. Only the first counts; the copy is kept in the account, marked as not counted.`;
  return { detail, patientIds, encounterId: null };
}
