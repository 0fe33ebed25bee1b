/**
 * The conflicts inbox in plain words: what happened, how it was settled. The
 * kind is an open enum (a newer workstation may raise a kind this one does
 * not know), so every lookup falls back to a generic wording instead of
 * hiding the conflict. Times are the clinic's, never the workstation's.
 */
import { DateTime } from 'luxon';
import { billingConflictKinds, type Conflict } from '../../../../main/contract';

export type ConflictFamily =
  | 'double_booking'
  | 'duplicate_patient'
  | 'duplicate_login'
  | 'edit_after_delete'
  | 'edit_after_sign'
  | 'duplicate_encounter'
  | 'opposite_merges'
  | 'ledger_finding'
  | 'unknown';

export function familyOf(kind: string): ConflictFamily {
  if (billingConflictKinds.includes(kind)) return 'ledger_finding';
  if (kind === 'double_booking_provider' || kind === 'double_booking_room') return 'double_booking';
  if (
    kind === 'duplicate_patient' ||
    kind === 'duplicate_login' ||
    kind === 'edit_after_delete' ||
    kind === 'edit_after_sign' ||
    kind === 'duplicate_encounter' ||
    kind === 'opposite_merges'
  )
    return kind;
  return 'unknown';
}

const titles: Record<string, string> = {
  double_booking_provider: 'Provider booked twice',
  double_booking_room: 'Room booked twice',
  duplicate_patient: 'Patient registered twice',
  duplicate_login: 'Login name used twice',
  edit_after_delete: 'Deleted on one workstation, edited on another',
  edit_after_sign: 'Note edited after it was signed',
  duplicate_encounter: 'One visit charted twice',
  opposite_merges: 'Two records merged into each other',
  posting_before_lock: 'Posted into closed books',
  duplicate_posting: 'Same payment posted twice',
};

/** The card's heading. */
export function conflictTitle(conflict: Pick<Conflict, 'kind' | 'resourceName'>): string {
  const title = titles[conflict.kind];
  if (!title) return 'Conflict of another kind';
  return conflict.resourceName && familyOf(conflict.kind) === 'double_booking' ? `${title}: ${conflict.resourceName}` : title;
}

/** "Tue 24 Nov, 11:00–11:20", or across midnight "Tue 24 Nov 23:30 – Wed 25 Nov 00:10". */
export function timeSpan(startAt: string, endAt: string, zone: string): string {
  const start = DateTime.fromISO(startAt, { zone });
  const end = DateTime.fromISO(endAt, { zone });
  if (start.hasSame(end, 'day')) return `${start.toFormat('ccc d LLL')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  return `${start.toFormat('ccc d LLL HH:mm')} – ${end.toFormat('ccc d LLL HH:mm')}`;
}

const OFFLINE = 'by two workstations while offline';

/** What happened, in one sentence a person at the desk reads at a glance. */
export function conflictSummary(conflict: Conflict, zone: string): string {
  const family = familyOf(conflict.kind);
  if (family === 'double_booking') {
    const who = conflict.resourceName ?? (conflict.kind === 'double_booking_room' ? 'A room' : 'A provider');
    const [first, ...rest] = conflict.appointments;
    // Once one was moved, today's times no longer say what clashed: the sides show where each one is now.
    if (!first || !conflict.current) return `${who} was booked twice at the same time ${OFFLINE}.`;
    const same = rest.every((a) => a.startAt === first.startAt && a.endAt === first.endAt);
    const start = conflict.appointments.reduce((min, a) => (a.startAt < min ? a.startAt : min), first.startAt);
    const end = conflict.appointments.reduce((max, a) => (a.endAt > max ? a.endAt : max), first.endAt);
    return same
      ? `${who} was booked twice for ${timeSpan(start, end, zone)} ${OFFLINE}.`
      : `${who} was booked twice at overlapping times (${timeSpan(start, end, zone)}) ${OFFLINE}.`;
  }
  if (family === 'duplicate_patient') {
    const [patient] = conflict.patients;
    const who = patient ? `${patient.givenName} ${patient.familyName}` : 'The same patient';
    return `${who} was registered twice, with the same name and date of birth, ${OFFLINE}.`;
  }
  if (family === 'duplicate_login') {
    const [user] = conflict.users;
    const login = user ? `The login name “${user.username}”` : 'The same login name';
    return `${login} was given to two accounts ${OFFLINE}.`;
  }
  if (family === 'edit_after_delete') {
    const what = conflict.detail ?? 'A record';
    return `${what} was deleted on one workstation while another, offline, edited it. The edits are kept, hidden under the deletion.`;
  }
  if (family === 'edit_after_sign') {
    return (
      conflict.detail ??
      'A signed note was edited on another workstation that had not seen the signature yet. The signed note is unchanged; the edits are kept as an addendum to it.'
    );
  }
  if (family === 'duplicate_encounter') {
    return conflict.detail ?? `The visit of one appointment was opened twice ${OFFLINE}. Both encounters and their notes are kept.`;
  }
  if (family === 'ledger_finding') {
    // The core words it (amounts, dates, who posted): nothing to add here.
    return conflict.detail ?? 'A posting synced from another workstation needs a look in the patient’s account.';
  }
  if (family === 'opposite_merges') {
    const [patient] = conflict.patients;
    const who = patient ? `${patient.givenName} ${patient.familyName}` : 'A patient';
    return `${who}'s two records were merged in opposite directions ${OFFLINE}, so neither is retired yet.`;
  }
  return `Two workstations changed the same thing while offline (“${conflict.kind}”). This version of Outpost does not know this kind of conflict: update Outpost on this workstation to resolve it here.`;
}

/** Whether the clash is still there now, in words. */
export function currentState(conflict: Conflict): string {
  switch (familyOf(conflict.kind)) {
    case 'double_booking':
      return conflict.current ? 'The two appointments still overlap.' : 'They no longer overlap: one of them has been moved or cancelled.';
    case 'duplicate_patient':
      return conflict.current ? 'Both records are still open.' : 'One of the two records no longer matches the other.';
    case 'duplicate_login':
      return conflict.current
        ? 'Both accounts are still active with the same login name.'
        : 'The two accounts no longer share an active login name.';
    case 'edit_after_delete':
      return conflict.current ? 'It is still deleted: the edits are not shown anywhere.' : 'It has been restored, with the edits.';
    case 'opposite_merges':
      return conflict.current
        ? 'Both merges are still in place. Open the record to keep and undo the merge listed there under “Merged records”.'
        : 'One of the merges was undone: one record now holds the other.';
    default:
      return '';
  }
}

const resolutions: Record<string, string> = {
  kept_both: 'Kept both appointments',
  rebooked: 'Rebooked: one of the appointments was moved or cancelled',
  different_people: 'Different people: both records kept',
  same_person: 'Same person: one record merged into the other',
  renamed: 'Login renamed',
  restored: 'Restored',
  kept_deleted: 'Kept deleted',
  unmerged: 'One merge undone',
  reviewed: 'Reviewed',
};

export function resolutionLabel(resolution: string | null): string {
  if (!resolution) return 'Resolved';
  return resolutions[resolution] ?? `Resolved (${resolution})`;
}

/** "Resolved by Frankie Desk on Tue 24 Nov 2026, 11:05". */
export function resolvedLine(conflict: Pick<Conflict, 'resolvedAt' | 'resolvedByName'>, zone: string): string {
  const by = conflict.resolvedByName ? ` by ${conflict.resolvedByName}` : '';
  const when = conflict.resolvedAt ? ` on ${DateTime.fromISO(conflict.resolvedAt, { zone }).toFormat('ccc d LLL yyyy, HH:mm')}` : '';
  return `Resolved${by}${when}`;
}

/** "2 open conflicts", for headings and announcements. */
export function openCount(n: number): string {
  return `${n} open ${n === 1 ? 'conflict' : 'conflicts'}`;
}
