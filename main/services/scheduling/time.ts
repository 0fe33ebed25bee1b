/**
 * Wall-clock arithmetic in the clinic's time zone. Everything stored is UTC;
 * working hours, breaks and recurring series are defined in local time, so
 * they are expanded here with luxon (which knows DST transitions) rather than
 * with fixed offsets.
 */
import { DateTime } from 'luxon';
import type { Interval, WeeklyHours } from '../../contract';

export interface Span {
  start: number;
  end: number;
}

export function toMillis(iso: string): number {
  return Date.parse(iso);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function localDate(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone }).startOf('day');
}

/** UTC bounds of one local calendar day (23 or 25 hours long across DST changes). */
export function dayBounds(day: DateTime): Span {
  return { start: day.startOf('day').toMillis(), end: day.plus({ days: 1 }).startOf('day').toMillis() };
}

function at(day: DateTime, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** The intervals of a weekly template on one local day, in UTC millis, minus the given breaks. */
export function openSpans(day: DateTime, hours: WeeklyHours, breaks: Interval[] = []): Span[] {
  const key = String(day.weekday) as keyof WeeklyHours;
  const open = (hours[key] ?? []).map((i) => ({ start: at(day, i.start), end: at(day, i.end) }));
  return breaks.reduce((spans, b) => subtract(spans, { start: at(day, b.start), end: at(day, b.end) }), open);
}

export function subtract(spans: Span[], cut: Span): Span[] {
  return spans.flatMap((s) => {
    if (cut.end <= s.start || cut.start >= s.end) return [s];
    const parts: Span[] = [];
    if (cut.start > s.start) parts.push({ start: s.start, end: cut.start });
    if (cut.end < s.end) parts.push({ start: cut.end, end: s.end });
    return parts;
  });
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Repeat a start every `interval` weeks at the same local wall-clock time. */
export function weeklyOccurrences(startMs: number, durationMs: number, zone: string, interval: number, count: number): Span[] {
  const first = DateTime.fromMillis(startMs, { zone });
  return Array.from({ length: count }, (_v, k) => {
    const start = first.plus({ weeks: k * interval }).toMillis();
    return { start, end: start + durationMs };
  });
}

/** Shift a local wall-clock time by the wall-clock difference between two other times (DST-safe). */
export function shiftWallClock(ms: number, fromMs: number, toMs: number, zone: string): number {
  const naive = (value: number) => DateTime.fromMillis(value, { zone }).setZone('utc', { keepLocalTime: true }).toMillis();
  const shifted = DateTime.fromMillis(naive(ms) + naive(toMs) - naive(fromMs), { zone: 'utc' });
  return shifted.setZone(zone, { keepLocalTime: true }).toMillis();
}

export function formatLocal(ms: number, zone: string, format = 'ccc d LLL, HH:mm'): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(format);
}
