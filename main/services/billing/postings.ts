/**
 * Writing the ledger. Every posting is a group of append-only rows written in
 * one mutation; nothing here updates or deletes a ledger row (the migration's
 * triggers would abort it). Amounts are checked against balances derived from
 * the ledger at the moment of posting, so a payment can never be applied to
 * more than is owed on a charge.
 */
import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { billingLocks, ledgerEntries } from '../../../db/schema';
import { ApiError } from '../../contract';
import type { NewRow, Writer } from '../../sync/mutate';
import { getClinic } from '../settings/reference';
import type { Store } from '../store';

export const LOCK_ID = 'lock';

export type EntryValues = Omit<NewRow<typeof ledgerEntries>, 'groupId' | 'enteredAt' | 'enteredBy' | 'postedOn' | 'patientId'>;

export function clinicToday(store: Store): string {
  return DateTime.now().setZone(getClinic(store).timeZone).toISODate() ?? new Date().toISOString().slice(0, 10);
}

export function lockRow(store: Store) {
  const row = store.db.select().from(billingLocks).where(eq(billingLocks.id, LOCK_ID)).get();
  return row && !row.deletedAt ? row : undefined;
}

/** The accounting date of a new posting: given or today, and never inside a closed period. */
export function postingDate(store: Store, postedOn: string | undefined): string {
  const date = postedOn ?? clinicToday(store);
  const lock = lockRow(store);
  if (lock && date < lock.lockDate) {
    throw new ApiError(
      'LOCKED',
      `The books are closed before ${lock.lockDate}. Date this posting ${lock.lockDate} or later, or ask a practice manager to move the lock date.`,
      { postedOn: `Closed before ${lock.lockDate}` },
    );
  }
  if (date > clinicToday(store)) {
    throw new ApiError('VALIDATION', 'A posting cannot be dated in the future. Check the date.', { postedOn: 'In the future' });
  }
  return date;
}

export interface PostingHeader {
  patientId: string;
  postedOn: string;
  userId: string;
  note?: string | null;
}

/** Append one group of rows; returns the group id. */
export function appendGroup(w: Writer, header: PostingHeader, rows: EntryValues[]): string {
  const groupId = uuidv7();
  const enteredAt = new Date().toISOString();
  for (const row of rows) {
    w.insert(ledgerEntries, {
      note: header.note ?? null,
      ...row,
      patientId: header.patientId,
      postedOn: header.postedOn,
      enteredAt,
      enteredBy: header.userId,
      groupId,
    });
  }
  return groupId;
}
