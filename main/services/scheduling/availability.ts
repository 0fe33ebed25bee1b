/**
 * Whether a provider (and room) is free for a span, and where the next free
 * spans are. "Free" means inside the provider's working hours, outside their
 * breaks and schedule blocks, and not overlapping another active appointment
 * of the provider or the room. Cancelled and no-show appointments free the slot.
 */
import { and, eq, gt, isNull, lt, notInArray } from 'drizzle-orm';
import { appointments, scheduleBlocks } from '../../../db/schema';
import { inactiveStatuses, type BookingConflict, type Provider, type Slot } from '../../contract';
import type { Store } from '../store';
import { formatLocal, localDate, openSpans, overlaps, type Span } from './time';

/** No appointment lasts longer than this, so overlap scans can start this far back. */
export const MAX_APPOINTMENT_MS = 12 * 3600_000;
const DAY_MS = 86400_000;

export interface AvailabilityQuery {
  provider: Provider;
  roomId: string | null;
  roomName?: string;
  zone: string;
  /** Appointments being moved don't clash with themselves. */
  ignoreIds?: string[];
}

interface Busy extends Span {
  kind: 'provider' | 'room' | 'unavailable';
  label: string;
}

/** Everything that makes the provider or room busy in a window (appointments, blocks). */
export function busySpans(store: Store, query: AvailabilityQuery, window: Span): Busy[] {
  const from = new Date(window.start - MAX_APPOINTMENT_MS).toISOString();
  const to = new Date(window.end).toISOString();
  const ignore = query.ignoreIds ?? [];
  const active = and(
    isNull(appointments.deletedAt),
    notInArray(appointments.status, [...inactiveStatuses]),
    gt(appointments.startAt, from),
    lt(appointments.startAt, to),
  );
  const providerRows = store.db
    .select()
    .from(appointments)
    .where(and(active, eq(appointments.providerId, query.provider.id)))
    .all();
  const roomRows = query.roomId
    ? store.db
        .select()
        .from(appointments)
        .where(and(active, eq(appointments.roomId, query.roomId)))
        .all()
    : [];
  const blocks = store.db
    .select()
    .from(scheduleBlocks)
    .where(
      and(
        eq(scheduleBlocks.providerId, query.provider.id),
        isNull(scheduleBlocks.deletedAt),
        lt(scheduleBlocks.startAt, to),
        gt(scheduleBlocks.endAt, new Date(window.start).toISOString()),
      ),
    )
    .all();
  const span = (row: { startAt: string; endAt: string }) => ({ start: Date.parse(row.startAt), end: Date.parse(row.endAt) });
  return [
    ...providerRows
      .filter((r) => !ignore.includes(r.id))
      .map((r) => ({ ...span(r), kind: 'provider' as const, label: query.provider.displayName })),
    ...roomRows
      .filter((r) => !ignore.includes(r.id))
      .map((r) => ({ ...span(r), kind: 'room' as const, label: query.roomName ?? 'The room' })),
    ...blocks.map((b) => ({ ...span(b), kind: 'unavailable' as const, label: b.reason })),
  ];
}

/** The provider's working spans (hours minus breaks) on each local day touching the window. */
export function workingSpans(provider: Provider, zone: string, window: Span): Span[] {
  const spans: Span[] = [];
  for (let day = localDate(window.start, zone); day.toMillis() < window.end; day = day.plus({ days: 1 })) {
    const breaks = provider.breaks.filter((b) => b.weekday === day.weekday);
    spans.push(...openSpans(day, provider.weeklyHours, breaks));
  }
  return spans;
}

export function clashesFor(store: Store, query: AvailabilityQuery, span: Span): BookingConflict['clashes'] {
  const zone = query.zone;
  const time = (s: Span) => `${formatLocal(s.start, zone, 'HH:mm')}–${formatLocal(s.end, zone, 'HH:mm')}`;
  const clashes: BookingConflict['clashes'] = busySpans(store, query, span)
    .filter((b) => overlaps(b, span))
    .map((b) => ({
      kind: b.kind,
      message:
        b.kind === 'provider'
          ? `${b.label} is already booked ${time(b)} on ${formatLocal(b.start, zone, 'ccc d LLL')}.`
          : b.kind === 'room'
            ? `${b.label} is already in use ${time(b)} on ${formatLocal(b.start, zone, 'ccc d LLL')}.`
            : `${query.provider.displayName} is unavailable ${time(b)} (${b.label}).`,
    }));
  const within = workingSpans(query.provider, zone, span).some((w) => w.start <= span.start && span.end <= w.end);
  if (!within) {
    clashes.push({
      kind: 'outside_hours',
      message: `${formatLocal(span.start, zone)} is outside ${query.provider.displayName}'s working hours or during a break.`,
    });
  }
  return clashes;
}

/** The first `count` free spans of `durationMs` for this provider (and room), from `fromMs`, within `horizonDays`. */
export function freeSlots(
  store: Store,
  query: AvailabilityQuery,
  fromMs: number,
  durationMs: number,
  stepMinutes: number,
  count: number,
  horizonDays = 30,
): Slot[] {
  const window = { start: fromMs, end: fromMs + horizonDays * DAY_MS };
  const busy = busySpans(store, query, window).sort((a, b) => a.start - b.start);
  const step = stepMinutes * 60_000;
  const slots: Slot[] = [];
  for (const working of workingSpans(query.provider, query.zone, window)) {
    if (working.end <= fromMs) continue;
    // Align candidates to the slot grid from the start of the working span.
    let start = working.start;
    if (start < fromMs) start += Math.ceil((fromMs - start) / step) * step;
    for (; start + durationMs <= working.end && slots.length < count; start += step) {
      const candidate = { start, end: start + durationMs };
      const blocker = busy.find((b) => overlaps(b, candidate));
      if (!blocker) {
        slots.push({
          providerId: query.provider.id,
          roomId: query.roomId,
          startAt: new Date(start).toISOString(),
          endAt: new Date(candidate.end).toISOString(),
        });
      }
    }
    if (slots.length >= count) break;
  }
  return slots;
}
