/**
 * One appointment, two encounters: opening the chart from an appointment is
 * idempotent on one workstation, but two workstations offline each open
 * their own. Both are kept (each may hold a note someone typed); one
 * conflict, for clinical staff, says so and links the visit.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { encounters } from '../../../db/schema';
import type { Clash } from '../conflicts/detect';
import type { Store } from '../store';
import { namesOf } from './notes';

export function duplicateEncounters(store: Store, id: string): Clash[] {
  const row = store.db.select().from(encounters).where(eq(encounters.id, id)).get();
  if (!row?.appointmentId || row.deletedAt) return [];
  return store.db
    .select({ id: encounters.id, originDevice: encounters.originDevice })
    .from(encounters)
    .where(and(eq(encounters.appointmentId, row.appointmentId), isNull(encounters.deletedAt), ne(encounters.id, id)))
    .all()
    .filter((other) => other.originDevice !== row.originDevice)
    .map((other) => ({ kind: 'duplicate_encounter', subjects: [id, other.id], resourceId: row.appointmentId }));
}

/** For the conflicts inbox: who opened the two encounters, in words. */
export function describeDuplicateEncounters(store: Store, subjects: string[]) {
  const rows = subjects
    .map((id) => store.db.select().from(encounters).where(eq(encounters.id, id)).get())
    .filter((row) => row !== undefined)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const [first] = rows;
  if (!first) return { detail: null, patientIds: [], encounterId: null };
  const names = namesOf(
    store,
    rows.map((row) => row.openedBy),
  );
  const who = [...new Set(rows.map((row) => names.get(row.openedBy) ?? 'someone'))].join(' and ');
  return {
    detail: `The visit of one appointment was opened twice, by ${who}, on workstations that were offline. Both encounters and their notes are kept: finish and sign the right one; an unused draft can stay unsigned.`,
    patientIds: [first.patientId],
    encounterId: first.id,
  };
}
