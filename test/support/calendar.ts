/**
 * The fixture clinic's calendar as the clinic states it, written out
 * independently of the scheduling service, so tests can predict answers
 * (inside hours? overlapping?) instead of reading them back from the code.
 */
import type { Input } from '../../main/contract';
import type { Clinic } from './clinic';
import { at, local, plusMinutes } from './time';

export type Who = 'lane' | 'moss' | 'park';

const WEEKDAY_WITH_LUNCH: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

/** Lane and Moss: weekdays 8–12 and 13–17; Park: Mon 8–12, Wed 13–17 (see support/clinic.ts). */
const STATED_HOURS: Record<Who, Record<number, [string, string][]>> = {
  lane: { 1: WEEKDAY_WITH_LUNCH, 2: WEEKDAY_WITH_LUNCH, 3: WEEKDAY_WITH_LUNCH, 4: WEEKDAY_WITH_LUNCH, 5: WEEKDAY_WITH_LUNCH },
  moss: { 1: WEEKDAY_WITH_LUNCH, 2: WEEKDAY_WITH_LUNCH, 3: WEEKDAY_WITH_LUNCH, 4: WEEKDAY_WITH_LUNCH, 5: WEEKDAY_WITH_LUNCH },
  park: { 1: [['08:00', '12:00']], 3: [['13:00', '17:00']] },
};

/** Whether [start, end) lies inside one of the provider's stated working windows. */
export function insideHours(who: Who, startIso: string, endIso: string): boolean {
  const start = local(startIso);
  const end = local(endIso);
  if (start.date !== end.date) return false;
  return (STATED_HOURS[who][start.weekday] ?? []).some(([from, to]) => start.time >= from && end.time <= to);
}

export const overlaps = (a: { startAt: string; endAt: string }, b: { startAt: string; endAt: string }) =>
  Date.parse(a.startAt) < Date.parse(b.endAt) && Date.parse(b.startAt) < Date.parse(a.endAt);

/** A follow-up booking for one patient with a named provider at a local date and time. */
export function slotFor(
  clinic: Clinic,
  patientId: string,
  who: Who,
  date: string,
  time: string,
  minutes = 20,
  roomId: string | null = null,
): Input<'appointments.book'> & { providerId: string; roomId: string | null; startAt: string; endAt: string } {
  return {
    patientId,
    providerId: clinic.providers[who],
    roomId,
    typeId: clinic.types.followUp,
    startAt: at(date, time),
    endAt: plusMinutes(at(date, time), minutes),
  };
}

/** The provider key of a provider id of the fixture clinic. */
export function whoOf(clinic: Clinic, providerId: string): Who {
  const found = (Object.keys(clinic.providers) as Who[]).find((k) => clinic.providers[k] === providerId);
  if (!found) throw new Error('Not a provider of the fixture clinic');
  return found;
}

/** HH:mm of a count of minutes after midnight. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
