/**
 * Invariant checks after a merge (ARCHITECTURE §4), incremental over the rows
 * that remote ops touched: a provider or room double-booked by two
 * workstations, the same patient registered on two, the same login name
 * created on two. Each clash becomes one conflict row whose id is a hash of
 * what clashed, so every workstation that finds it makes the same row.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { conflicts, patients, users } from '../../../db/schema';
import { inactiveStatuses } from '../../contract';
import type { Writer } from '../../sync/mutate';
import { nameKey, survivorOf } from '../patients/records';
import type { Store } from '../store';
import { editsAfterSign, keepLateEdits, touchedNotes } from '../charting/late-edits';
import { ledgerFlags, lockFlags } from '../billing/flags';
import { duplicateEncounters } from '../charting/duplicate-visits';

export interface Clash {
  kind: string;
  subjects: string[];
  resourceId: string | null;
}

export function conflictId(clash: Clash): string {
  const subjects = [...clash.subjects].sort().join(',');
  return `conflict-${createHash('sha256')
    .update(`${clash.kind}|${clash.resourceId ?? ''}|${subjects}`)
    .digest('hex')
    .slice(0, 32)}`;
}

const INACTIVE = inactiveStatuses.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ');

/** Active appointments overlapping `id` on the same provider or room, neither booked over on purpose. */
function doubleBookings(store: Store, id: string): Clash[] {
  const rows = store.sqlite
    .prepare(
      `SELECT b.id AS other, CASE WHEN b.provider_id = a.provider_id THEN 'provider' ELSE 'room' END AS via,
              CASE WHEN b.provider_id = a.provider_id THEN a.provider_id ELSE a.room_id END AS resource
       FROM appointments a JOIN appointments b
         ON b.id <> a.id AND (b.provider_id = a.provider_id OR (a.room_id IS NOT NULL AND b.room_id = a.room_id))
        AND b.start_at < a.end_at AND a.start_at < b.end_at
       WHERE a.id = ? AND a.deleted_at IS NULL AND b.deleted_at IS NULL
         AND a.status NOT IN (${INACTIVE}) AND b.status NOT IN (${INACTIVE})
         AND a.overbook_reason IS NULL AND b.overbook_reason IS NULL`,
    )
    .all(id) as { other: string; via: 'provider' | 'room'; resource: string }[];
  return rows.map((row) => ({ kind: `double_booking_${row.via}`, subjects: [id, row.other], resourceId: row.resource }));
}

/** Another patient with the same name and date of birth registered on another workstation. */
function duplicatePatients(store: Store, id: string): Clash[] {
  const row = store.db.select().from(patients).where(eq(patients.id, id)).get();
  if (!row?.dateOfBirth || row.deletedAt || row.mergedInto) return [];
  const sameDob = store.db
    .select()
    .from(patients)
    .where(and(eq(patients.dateOfBirth, row.dateOfBirth), isNull(patients.deletedAt)))
    .all();
  const given = nameKey(row.givenName);
  const family = nameKey(row.familyName);
  return sameDob
    .filter(
      (other) =>
        other.id !== id &&
        !other.mergedInto &&
        // One workstation registering both saw its own duplicate warning and went on: not a sync clash.
        other.originDevice !== row.originDevice &&
        nameKey(other.givenName) === given &&
        nameKey(other.familyName) === family,
    )
    .map((other) => ({ kind: 'duplicate_patient', subjects: [id, other.id], resourceId: null }));
}

/**
 * Two workstations merged two records into each other (A into B here, B into
 * A there): a cycle, so neither is retired (survivorOf) until a person undoes
 * one of the merges.
 */
function oppositeMerges(store: Store, id: string): Clash[] {
  const row = store.db.select().from(patients).where(eq(patients.id, id)).get();
  if (!row?.mergedInto || survivorOf(store, id) !== id) return [];
  return [{ kind: 'opposite_merges', subjects: [id, row.mergedInto], resourceId: null }];
}

/** Another active user with the same login name, created on another workstation. */
function duplicateLogins(store: Store, id: string): Clash[] {
  const row = store.db.select().from(users).where(eq(users.id, id)).get();
  if (!row || row.deletedAt || row.disabled) return [];
  return store.db
    .select()
    .from(users)
    .where(and(eq(users.username, row.username), isNull(users.deletedAt), eq(users.disabled, false)))
    .all()
    .filter((other) => other.id !== id)
    .map((other) => ({ kind: 'duplicate_login', subjects: [id, other.id], resourceId: null }));
}

/** Tables whose rows people delete (the rest are cancelled or disabled, never deleted). */
export const DELETABLE_TABLES = ['insurance_policies', 'schedule_blocks'] as const;

function hlcDevice(stamp: string): string {
  return stamp.split('-').slice(2).join('-');
}

/**
 * A row deleted on one workstation and edited on another that had not seen the
 * delete: the edit is kept (its column versions) but hidden under the
 * tombstone, so a person decides whether it comes back.
 */
function editsAfterDelete(store: Store, table: string, id: string): Clash[] {
  const row = store.sqlite.prepare(`SELECT deleted_at AS deletedAt FROM "${table}" WHERE id = ?`).get(id) as
    { deletedAt: string | null } | undefined;
  if (!row?.deletedAt) return [];
  const stored = store.sqlite.prepare('SELECT versions FROM sync_row_versions WHERE table_name = ? AND row_id = ?').get(table, id) as
    { versions: string } | undefined;
  const versions = stored ? (JSON.parse(stored.versions) as Record<string, string>) : {};
  const deleted = versions.deleted_at;
  if (!deleted) return [];
  const bookkeeping = new Set(['*', 'deleted_at', 'updated_at', 'hlc', 'id']);
  const raced = Object.entries(versions).some(
    ([column, stamp]) => !bookkeeping.has(column) && stamp > deleted && hlcDevice(stamp) !== hlcDevice(deleted),
  );
  return raced ? [{ kind: 'edit_after_delete', subjects: [id], resourceId: table }] : [];
}

/** Check the rows remote ops touched; records new conflicts; returns how many were new. */
export function detectConflicts(store: Store, touched: ReadonlyMap<string, ReadonlySet<string>>): number {
  // A signed note stays as signed: edits made elsewhere after the signature become addenda first, then a conflict.
  keepLateEdits(store, touched);
  const clashes = new Map<string, Clash>();
  const check = (table: string, find: (id: string) => Clash[]) => {
    for (const id of touched.get(table) ?? []) for (const clash of find(id)) clashes.set(conflictId(clash), clash);
  };
  check('appointments', (id) => doubleBookings(store, id));
  check('patients', (id) => duplicatePatients(store, id));
  check('patients', (id) => oppositeMerges(store, id));
  check('users', (id) => duplicateLogins(store, id));
  check('ledger_entries', (id) => ledgerFlags(store, id));
  check('billing_locks', () => lockFlags(store));
  check('encounters', (id) => duplicateEncounters(store, id));
  for (const table of DELETABLE_TABLES) check(table, (id) => editsAfterDelete(store, table, id));
  for (const id of touchedNotes(store, touched)) for (const clash of editsAfterSign(store, id)) clashes.set(conflictId(clash), clash);
  if (clashes.size === 0) return 0;
  const known = new Map(
    store.db
      .select({ id: conflicts.id, resolution: conflicts.resolution })
      .from(conflicts)
      .where(inArray(conflicts.id, [...clashes.keys()]))
      .all()
      .map((row) => [row.id, row.resolution]),
  );
  const fresh = [...clashes].filter(([id]) => !known.has(id));
  // Said to be sorted out (moved, renamed) yet clashing again: it goes back to the inbox. "Keep both" stays kept.
  const back = [...known].filter(([, resolution]) => resolution === 'rebooked' || resolution === 'renamed').map(([id]) => id);
  if (fresh.length === 0 && back.length === 0) return 0;
  const now = new Date().toISOString();
  store.capture.mutate((w: Writer) => {
    for (const [id, clash] of fresh) {
      w.insert(conflicts, {
        id,
        kind: clash.kind,
        subjects: JSON.stringify(clash.subjects),
        resourceId: clash.resourceId,
        detectedAt: now,
      });
    }
    for (const id of back) w.update(conflicts, id, { resolvedAt: null, resolvedBy: null, resolution: null, detectedAt: now });
  });
  return fresh.length + back.length;
}

/** Is the clash still there (for the inbox: someone may have moved an appointment already)? */
export function stillClashing(store: Store, clash: Clash): boolean {
  const [first] = clash.subjects;
  if (!first) return false;
  if (clash.kind.startsWith('double_booking_')) return doubleBookings(store, first).some((c) => conflictId(c) === conflictId(clash));
  if (clash.kind === 'duplicate_patient') return duplicatePatients(store, first).some((c) => conflictId(c) === conflictId(clash));
  if (clash.kind === 'opposite_merges') return clash.subjects.some((id) => oppositeMerges(store, id).length > 0);
  if (clash.kind === 'duplicate_login') return duplicateLogins(store, first).some((c) => conflictId(c) === conflictId(clash));
  if (clash.kind === 'edit_after_delete' && clash.resourceId) return editsAfterDelete(store, clash.resourceId, first).length > 0;
  return true;
}
