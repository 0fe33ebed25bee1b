/**
 * The lock date closes the books before it. Locally, postingDate refuses any
 * posting dated before it; a posting that arrives later by sync is flagged
 * (flags.ts). Locking records which postings the books held at that moment.
 */
import { billingLocks } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../handler';
import { namesOf } from '../charting/notes';
import type { Store } from '../store';
import { DateTime } from 'luxon';
import { ApiError } from '../../contract';
import { clinicToday, LOCK_ID, lockRow } from './postings';

export function currentLock(store: Store) {
  const row = lockRow(store);
  if (!row) return { lockDate: null, setByName: null };
  return { lockDate: row.lockDate, setByName: namesOf(store, [row.setBy]).get(row.setBy) ?? 'Unknown user' };
}

/** Highest ledger HLC per writing device: the books as this workstation holds them now. */
function ledgerMarks(store: Store): Record<string, string> {
  const rows = store.sqlite.prepare('SELECT origin_device AS device, max(hlc) AS hlc FROM ledger_entries GROUP BY origin_device').all() as {
    device: string;
    hlc: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.device, row.hlc]));
}

export function setLockDate(store: Store, user: SessionUser, lockDate: string) {
  const tomorrow = DateTime.fromISO(clinicToday(store)).plus({ days: 1 }).toISODate() ?? '';
  if (lockDate > tomorrow) {
    throw new ApiError('VALIDATION', 'The lock date closes the days before it, so it can be at most tomorrow.', {
      lockDate: 'Too far ahead',
    });
  }
  const values = { lockDate, setBy: user.id, seen: JSON.stringify(ledgerMarks(store)) };
  store.capture.mutate((w) => {
    if (store.db.select({ id: billingLocks.id }).from(billingLocks).where(eq(billingLocks.id, LOCK_ID)).get())
      w.update(billingLocks, LOCK_ID, values);
    else w.insert(billingLocks, { id: LOCK_ID, ...values });
  });
  return { lockDate, setByName: user.displayName };
}
