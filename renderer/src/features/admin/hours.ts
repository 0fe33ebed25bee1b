/**
 * Weekly hours as the admin screen edits them, kept to how small clinics work.
 * Provider hours: one start–end per weekday plus one lunch break applied to
 * every working day; other (non-lunch) breaks are kept untouched on save, and
 * a day with a split shift is shown and saved as its first start to its last
 * end. Clinic opening hours: per weekday open or closed, opening to closing
 * time, optionally closed for lunch — stored as two intervals, because the
 * schedule shades whatever lies outside the clinic's intervals. A day stored
 * with more than one gap keeps only its first on save.
 */
import type { Provider, WeeklyHours } from '../../../../main/contract';
import { normalizeTime, TIME_MESSAGE, TIME_PATTERN as TIME } from '../../ui/time';

export const WEEKDAYS = [
  { key: '1', short: 'Mon', long: 'Monday' },
  { key: '2', short: 'Tue', long: 'Tuesday' },
  { key: '3', short: 'Wed', long: 'Wednesday' },
  { key: '4', short: 'Thu', long: 'Thursday' },
  { key: '5', short: 'Fri', long: 'Friday' },
  { key: '6', short: 'Sat', long: 'Saturday' },
  { key: '7', short: 'Sun', long: 'Sunday' },
] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number]['key'];

export interface DayHours {
  works: boolean;
  start: string;
  end: string;
}

export interface HoursForm {
  days: Record<WeekdayKey, DayHours>;
  lunch: boolean;
  lunchStart: string;
  lunchEnd: string;
}

const isLunch = (b: Provider['breaks'][number]) => b.label.trim().toLowerCase() === 'lunch';

export function hoursFormFrom(weeklyHours: WeeklyHours, breaks: Provider['breaks']): HoursForm {
  const days = {} as Record<WeekdayKey, DayHours>;
  for (const { key } of WEEKDAYS) {
    const spans = weeklyHours[key] ?? [];
    days[key] = { works: spans.length > 0, start: spans[0]?.start ?? '08:00', end: spans[spans.length - 1]?.end ?? '17:00' };
  }
  const lunch = breaks.find(isLunch);
  return { days, lunch: Boolean(lunch), lunchStart: lunch?.start ?? '12:00', lunchEnd: lunch?.end ?? '13:00' };
}

export function hoursFormTo(form: HoursForm, previousBreaks: Provider['breaks']): { weeklyHours: WeeklyHours; breaks: Provider['breaks'] } {
  const weeklyHours: WeeklyHours = {};
  const breaks = previousBreaks.filter((b) => !isLunch(b));
  for (const { key } of WEEKDAYS) {
    const day = form.days[key];
    if (!day.works) continue;
    weeklyHours[key] = [{ start: day.start, end: day.end }];
    if (form.lunch) breaks.push({ weekday: Number(key), start: form.lunchStart, end: form.lunchEnd, label: 'Lunch' });
  }
  return { weeklyHours, breaks };
}

/** Client-side checks with the same wording as the server, keyed like its `fields`. */
export function checkHours(form: HoursForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { key } of WEEKDAYS) {
    const day = form.days[key];
    if (!day.works) continue;
    if (!TIME.test(day.start)) errors[`weeklyHours.${key}.0.start`] = TIME_MESSAGE;
    else if (!TIME.test(day.end)) errors[`weeklyHours.${key}.0.end`] = TIME_MESSAGE;
    else if (!(day.start < day.end)) errors[`weeklyHours.${key}.0.end`] = 'The end must be after the start';
  }
  if (form.lunch && (!TIME.test(form.lunchStart) || !TIME.test(form.lunchEnd))) errors.lunch = TIME_MESSAGE;
  else if (form.lunch && !(form.lunchStart < form.lunchEnd)) errors.lunch = 'The lunch break must end after it starts';
  return errors;
}

function dayRuns(keys: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < keys.length) {
    let j = i;
    while (j + 1 < keys.length && keys[j + 1] === (keys[j] ?? 0) + 1) j++;
    const first = WEEKDAYS[(keys[i] ?? 1) - 1]?.short ?? '?';
    const last = WEEKDAYS[(keys[j] ?? 1) - 1]?.short ?? '?';
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAYS[(keys[k] ?? 1) - 1]?.short ?? '?');
    i = j + 1;
  }
  return parts.join(', ');
}

/** "Mon–Fri 08:00–17:00 · lunch 12:00–13:00" */
export function summarizeHours(weeklyHours: WeeklyHours, breaks: Provider['breaks'] = []): string {
  const groups = new Map<string, number[]>();
  for (const { key } of WEEKDAYS) {
    const spans = weeklyHours[key];
    if (!spans?.length) continue;
    const text = spans.map((s) => `${s.start}–${s.end}`).join(', ');
    groups.set(text, [...(groups.get(text) ?? []), Number(key)]);
  }
  if (groups.size === 0) return 'No working hours';
  const parts = [...groups].map(([text, days]) => `${dayRuns(days)} ${text}`);
  const lunches = new Set(breaks.filter(isLunch).map((b) => `${b.start}–${b.end}`));
  if (lunches.size === 1) parts.push(`lunch ${[...lunches][0]}`);
  else if (lunches.size > 1) parts.push('lunch varies');
  return parts.join(' · ');
}

export interface OpeningDay {
  open: boolean;
  start: string;
  end: string;
  /** Closed for lunch between lunchStart and lunchEnd. */
  lunch: boolean;
  lunchStart: string;
  lunchEnd: string;
}
export type OpeningHours = Record<WeekdayKey, OpeningDay>;
export type OpeningField = 'start' | 'end' | 'lunchStart' | 'lunchEnd';

export function openingHoursFrom(hours: WeeklyHours): OpeningHours {
  const days = {} as OpeningHours;
  for (const { key } of WEEKDAYS) {
    const spans = [...(hours[key] ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    const [first, second] = spans;
    const gap = first && second && first.end < second.start;
    days[key] = {
      open: spans.length > 0,
      start: first?.start ?? '08:00',
      end: spans[spans.length - 1]?.end ?? '17:00',
      lunch: Boolean(gap),
      lunchStart: gap ? first.end : '12:00',
      lunchEnd: gap ? second.start : '13:00',
    };
  }
  return days;
}

export function openingHoursTo(days: OpeningHours): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const { key } of WEEKDAYS) {
    const day = days[key];
    if (!day.open) continue;
    hours[key] = day.lunch
      ? [
          { start: day.start, end: day.lunchStart },
          { start: day.lunchEnd, end: day.end },
        ]
      : [{ start: day.start, end: day.end }];
  }
  return hours;
}

/** Opens a closed day with the hours of the nearest open day before it (or after it), the usual wish. */
export function openDay(days: OpeningHours, key: WeekdayKey): OpeningHours {
  const index = WEEKDAYS.findIndex((d) => d.key === key);
  const order = [...WEEKDAYS.slice(0, index).reverse(), ...WEEKDAYS.slice(index + 1)];
  const model = order.map((d) => days[d.key]).find((d) => d.open);
  return { ...days, [key]: { ...(model ?? days[key]), open: true } };
}

/** The same days with every time tidied as the time boxes do on leaving them ("900" -> "09:00"). */
export function tidyOpeningHours(days: OpeningHours): OpeningHours {
  const tidy = {} as OpeningHours;
  for (const { key } of WEEKDAYS) {
    const d = days[key];
    tidy[key] = {
      ...d,
      start: normalizeTime(d.start),
      end: normalizeTime(d.end),
      lunchStart: normalizeTime(d.lunchStart),
      lunchEnd: normalizeTime(d.lunchEnd),
    };
  }
  return tidy;
}

/** Field key of one opening-hours box in an error's `fields`: "hours.6.end". */
export const openingKey = (key: WeekdayKey, field: OpeningField) => `hours.${key}.${field}`;

/** At most one problem per day, keyed by the box to fix; "hours" when no day is open. */
export function checkOpeningHours(days: OpeningHours): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { key } of WEEKDAYS) {
    const d = days[key];
    if (!d.open) continue;
    const problem = dayProblem(d);
    if (problem) errors[openingKey(key, problem[0])] = problem[1];
  }
  if (!WEEKDAYS.some(({ key }) => days[key].open)) errors.hours = 'Open the clinic on at least one day';
  return errors;
}

function dayProblem(d: OpeningDay): [OpeningField, string] | null {
  if (!TIME.test(d.start)) return ['start', 'Enter the opening time as HH:mm (24-hour)'];
  if (!TIME.test(d.end)) return ['end', 'Enter the closing time as HH:mm (24-hour)'];
  if (!(d.start < d.end)) return ['end', 'The closing time must be after the opening time'];
  if (!d.lunch) return null;
  if (!TIME.test(d.lunchStart)) return ['lunchStart', 'Enter the lunch start as HH:mm (24-hour)'];
  if (!TIME.test(d.lunchEnd)) return ['lunchEnd', 'Enter the lunch end as HH:mm (24-hour)'];
  if (!(d.lunchStart < d.lunchEnd)) return ['lunchEnd', 'Lunch must end after it starts'];
  if (!(d.start < d.lunchStart)) return ['lunchStart', 'Lunch must start after opening time'];
  if (!(d.lunchEnd < d.end)) return ['lunchEnd', 'Lunch must end before closing time'];
  return null;
}
