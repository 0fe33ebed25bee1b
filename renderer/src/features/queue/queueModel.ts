/**
 * Pure sorting and timing rules of the front desk queue, kept apart from the
 * screen so the order the desk works in (who is late, who waited longest) is
 * one readable policy.
 */
import type { Appointment } from '../../../../main/contract';

/** A patient waiting longer than this is highlighted for the desk. */
export const LONG_WAIT_MINUTES = 15;

export interface QueueGroups {
  /** Booked, earliest start first. */
  expected: Appointment[];
  /** Arrived, longest wait first. */
  waiting: Appointment[];
  /** In a room, longest there first. */
  inRoom: Appointment[];
  /** Completed, no-show, or a status this version does not know, by start time. */
  done: Appointment[];
  completedCount: number;
  noShowCount: number;
}

function byInstant(key: (a: Appointment) => string | null) {
  return (x: Appointment, y: Appointment) => Date.parse(key(x) ?? x.startAt) - Date.parse(key(y) ?? y.startAt);
}

export function groupQueue(list: readonly Appointment[], providerId: string): QueueGroups {
  const mine = list.filter((a) => a.status !== 'cancelled' && (!providerId || a.providerId === providerId));
  const expected = mine.filter((a) => a.status === 'booked').sort(byInstant((a) => a.startAt));
  const waiting = mine.filter((a) => a.status === 'arrived').sort(byInstant((a) => a.arrivedAt));
  const inRoom = mine.filter((a) => a.status === 'in_room').sort(byInstant((a) => a.roomedAt));
  const done = mine.filter((a) => !['booked', 'arrived', 'in_room'].includes(a.status)).sort(byInstant((a) => a.startAt));
  return {
    expected,
    waiting,
    inRoom,
    done,
    completedCount: done.filter((a) => a.status === 'completed').length,
    noShowCount: done.filter((a) => a.status === 'no_show').length,
  };
}

/** Whole minutes from an instant to now (never negative). */
export function minutesSince(iso: string | null, now: number): number {
  if (!iso) return 0;
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** "8 min", "1 h 05 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}

/** Minutes past the booked start, or 0 when not late yet. */
export function lateBy(appointment: Appointment, now: number): number {
  return minutesSince(appointment.startAt, now);
}
