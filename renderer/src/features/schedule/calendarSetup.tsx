/**
 * react-big-calendar set to the clinic's wall clock. rbc's luxon localizer does
 * all of its arithmetic with `DateTime.fromJSDate`, which uses luxon's default
 * zone, so setting `Settings.defaultZone` to the clinic zone makes the grid,
 * slot selection and drag-and-drop speak clinic time whatever the
 * workstation's own zone. That is a process-wide luxon setting on purpose: the
 * whole app shows clinic time (ui/format.ts passes the zone explicitly anyway).
 *
 * The week view is a custom view over rbc's TimeGrid that shows only the days
 * the clinic opens, so a Mon–Fri clinic gets five wide columns, not seven.
 */
import { DateTime, Settings } from 'luxon';
import type { ComponentType } from 'react';
import { luxonLocalizer, type DateLocalizer, type Formats, type NavigateAction, type ViewStatic } from 'react-big-calendar';
import TimeGridImport from 'react-big-calendar/lib/TimeGrid';

/**
 * The default export of one of rbc's CommonJS files, whichever interop the
 * bundler applied: Node-style interop (Vite's build in a "type": "module"
 * package) hands over the whole `exports` object, whose `.default` is the value.
 */
export function cjsDefault<T>(imported: T): T {
  const wrapped = imported as unknown as { default?: T } | null;
  return typeof imported === 'object' && wrapped !== null && wrapped.default !== undefined ? wrapped.default : imported;
}

const TimeGrid = cjsDefault(TimeGridImport);

let cached: { zone: string; localizer: DateLocalizer } | null = null;

/** The localizer for a clinic zone; also makes that zone luxon's default (see the top of this file). */
export function clinicLocalizer(zone: string): DateLocalizer {
  const valid = DateTime.now().setZone(zone).isValid;
  if (valid && Settings.defaultZone.name !== zone) Settings.defaultZone = zone;
  if (cached?.zone !== zone) cached = { zone, localizer: luxonLocalizer(DateTime, { firstDayOfWeek: 1 }) };
  return cached.localizer;
}

const hhmm = (date: Date) => DateTime.fromJSDate(date).toFormat('HH:mm');

/** 24-hour clock like the rest of the app; headers name the weekday and date. */
export const formats: Formats = {
  timeGutterFormat: (date) => hhmm(date),
  eventTimeRangeFormat: ({ start, end }) => `${hhmm(start)}–${hhmm(end)}`,
  eventTimeRangeStartFormat: ({ start }) => `${hhmm(start)} –`,
  eventTimeRangeEndFormat: ({ end }) => `– ${hhmm(end)}`,
  selectRangeFormat: ({ start, end }) => `${hhmm(start)}–${hhmm(end)}`,
  dayFormat: (date) => DateTime.fromJSDate(date).toFormat('ccc d LLL'),
  dayHeaderFormat: (date) => DateTime.fromJSDate(date).toFormat('cccc d LLLL'),
};

interface WeekViewProps {
  date: Date;
  [prop: string]: unknown;
}

type WeekView = ComponentType<WeekViewProps> & ViewStatic & { range(date: Date): Date[] };

const weekViews = new Map<string, WeekView>();

/** A week view showing only the given ISO weekdays (all seven if none). */
export function clinicWeekView(weekdays: number[]): WeekView {
  const key = weekdays.join(',');
  const existing = weekViews.get(key);
  if (existing) return existing;

  const range = (date: Date): Date[] => {
    const day = DateTime.fromJSDate(date).startOf('day');
    const monday = day.minus({ days: day.weekday - 1 });
    const week = Array.from({ length: 7 }, (_v, i) => monday.plus({ days: i }));
    const shown = week.filter((d) => weekdays.length === 0 || weekdays.includes(d.weekday));
    return (shown.length ? shown : week).map((d) => d.toJSDate());
  };

  function ClinicWeek(props: WeekViewProps) {
    return <TimeGrid {...props} range={range(props.date)} eventOffset={15} />;
  }
  const view = Object.assign(ClinicWeek, {
    range,
    navigate(date: Date, action: NavigateAction): Date {
      const step = action === 'PREV' ? -1 : action === 'NEXT' ? 1 : 0;
      return DateTime.fromJSDate(date).plus({ weeks: step }).toJSDate();
    },
    title(date: Date): string {
      const days = range(date);
      const first = days[0];
      const last = days[days.length - 1];
      return first && last ? `${DateTime.fromJSDate(first).toFormat('d LLL')} – ${DateTime.fromJSDate(last).toFormat('d LLL yyyy')}` : '';
    },
  });
  weekViews.set(key, view);
  return view;
}
