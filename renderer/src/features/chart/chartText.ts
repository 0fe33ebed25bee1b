/**
 * The chart's wording and small rules, kept apart from the components so they
 * read as one policy and are unit-tested: how a patient's age, an encounter
 * and the autosave state are written, which sections changed, and how long
 * autosave waits before trying again. Kinds and statuses are open enums (a
 * newer workstation may send one this version does not know): shown as sent.
 */
import { DateTime } from 'luxon';
import {
  encounterKindLabels,
  noteSections,
  patientDisplayName,
  type Appointment,
  type EncounterDetail,
  type NoteContent,
} from '../../../../main/contract';
import { ageOn, formatDateTime, formatTime } from '../../ui/format';

/** Autosave waits this long after the last keystroke: one save per pause, not per letter. */
export const AUTOSAVE_DELAY_MS = 600;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/** What encounters.setDiagnoses accepts. */
export const MAX_DIAGNOSES = 12;

/**
 * Age on today's date in the clinic's zone (a patient seen just after midnight
 * there has had their birthday, whatever the workstation's own zone says).
 */
export function ageInClinic(dateOfBirth: string, zone: string, now: DateTime = DateTime.now()): string {
  const clinicToday = DateTime.fromISO(now.setZone(zone).toISODate() ?? '');
  if (!clinicToday.isValid) return '';
  const years = ageOn(dateOfBirth, clinicToday);
  if (Number.isNaN(years)) return '';
  return years === 1 ? '1 yr' : `${years} yrs`;
}

export function kindLabel(kind: string): string {
  return Object.hasOwn(encounterKindLabels, kind) ? encounterKindLabels[kind as keyof typeof encounterKindLabels] : kind;
}

const statusLabels: Record<string, string> = { draft: 'Draft', awaiting_cosign: 'Awaiting co-signature', signed: 'Signed' };

export function noteStatusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

const signatureLabels: Record<string, string> = {
  author: 'Signed by',
  submitted: 'Submitted for co-signature by',
  cosigner: 'Co-signed by',
};

/** "Signed by", "Co-signed by" … before the signer's name; a role from a newer version is shown as sent. */
export function signatureLabel(role: string): string {
  return signatureLabels[role] ?? `${role}:`;
}

/** Whose note and which visit, in one line: "Okafor, Ada — Office visit, Tue 24 Nov 2026, 14:02". */
export function visitLine({ patient, encounter }: Pick<EncounterDetail, 'patient' | 'encounter'>, zone: string): string {
  return `${patientDisplayName(patient)} — ${kindLabel(encounter.kind)}, ${formatDateTime(encounter.startedAt, zone)}`;
}

/** The sections typed here that the server has not acknowledged yet. */
export function changedSections(typed: NoteContent, acknowledged: NoteContent): Partial<NoteContent> {
  const changed: Partial<NoteContent> = {};
  for (const section of noteSections) if (typed[section] !== acknowledged[section]) changed[section] = typed[section];
  return changed;
}

export function isEmptyNote(content: NoteContent): boolean {
  return noteSections.every((section) => content[section].trim() === '');
}

/** 1 s, 2 s, 4 s … up to 30 s, with up to a fifth of jitter so workstations that lost the core together do not retry in step. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + random() * 0.2));
}

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string }
  /** Refused for a reason a retry cannot fix (too long): the typist must change something. */
  | { kind: 'refused'; message: string }
  /** Signed elsewhere meanwhile: this draft can no longer be saved. */
  | { kind: 'conflict'; message: string };

/** The status line under the note, e.g. "Saved 14:02". */
export function saveStateText(state: SaveState, zone: string): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? `Saved ${formatTime(state.at, zone)}` : 'Saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return 'Not saved — retrying';
    case 'refused':
      return `Not saved — ${state.message}`;
    case 'conflict':
      return 'Not saved — the note was locked by a signature elsewhere';
  }
}

/** The patient's next visit: the soonest appointment still to come that is neither cancelled nor over. */
export function nextAppointment(appointments: readonly Appointment[], now: number): Appointment | undefined {
  return appointments
    .filter((a) => Date.parse(a.startAt) >= now && (a.status === 'booked' || a.status === 'arrived'))
    .sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
}

/** The list with the item at `index` one place higher (the first is the primary diagnosis). */
export function moveUp<T>(list: readonly T[], index: number): T[] {
  if (index <= 0 || index >= list.length) return [...list];
  const moved = [...list];
  const [item] = moved.splice(index, 1);
  if (item !== undefined) moved.splice(index - 1, 0, item);
  return moved;
}
