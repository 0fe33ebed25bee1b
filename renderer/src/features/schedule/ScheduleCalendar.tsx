/**
 * The time grid: react-big-calendar with drag-and-drop, in the clinic's zone.
 * It only draws and reports gestures (pick a slot, open, move, resize); the
 * screen decides what they mean, and positions always come from server data,
 * so a refused move snaps back by itself.
 */
import { DateTime } from 'luxon';
import { useCallback, useMemo, type ComponentType, type CSSProperties, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type CalendarProps, type EventProps, type SlotInfo } from 'react-big-calendar';
import withDragAndDropImport, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import type { Reference } from '../../../../main/contract';
import { cjsDefault, clinicLocalizer, clinicWeekView, formats } from './calendarSetup';
import {
  clashLabel,
  describe,
  isMovable,
  statusLabel,
  type AppointmentEvent,
  type CalendarEvent,
  type CalendarResource,
  type Layout,
  type ShadeEvent,
} from './calendarModel';
import { atMinutes, dayWindow, isWithin, minutesOfDay, openWeekdays } from './clinicTime';
import './schedule.css';

const withDragAndDrop = cjsDefault(withDragAndDropImport);
const DnDCalendar = withDragAndDrop<CalendarEvent, CalendarResource>(
  Calendar as ComponentType<CalendarProps<CalendarEvent, CalendarResource>>,
);

export interface SlotChoice {
  start: Date;
  end: Date;
  resourceId?: string;
  /** True when a range was dragged out, false for a click on one slot. */
  ranged: boolean;
}

export interface MoveChoice {
  start: Date;
  end: Date;
  resourceId?: string;
}

interface ScheduleCalendarProps {
  reference: Reference;
  layout: Layout;
  days: DateTime[];
  events: AppointmentEvent[];
  backgrounds: ShadeEvent[];
  resources: CalendarResource[] | undefined;
  canWrite: boolean;
  /** Scroll so this clinic-local time shows near the top; a new seq scrolls again. */
  scrollTo: { time: string; seq: number } | null;
  onSelectSlot(choice: SlotChoice): void;
  onOpen(event: AppointmentEvent): void;
  onOpenShade(event: ShadeEvent): void;
  onMove(event: AppointmentEvent, move: MoveChoice): void;
  /** A day header of the week view was chosen: show that day. */
  onDrillDown(day: Date): void;
}

function EventContent({ event }: EventProps<CalendarEvent>) {
  if (event.kind !== 'appointment') return <span className="shade__label">{event.title}</span>;
  const a = event.appointment;
  const time = DateTime.fromJSDate(event.start).toFormat('HH:mm');
  return (
    <span className="appt">
      <span className="appt__line appt__head">
        <strong className="appt__patient">{a.patientName}</strong>
        {event.clash && (
          <span className={`appt__flag appt__flag--${event.clash}`}>
            <span aria-hidden="true">⚠</span>
            <span className="appt__flag-text"> {clashLabel(event.clash)}</span>
          </span>
        )}
        {event.away && (
          <span className="appt__flag appt__flag--away">
            <span aria-hidden="true">⊘</span>
            <span className="appt__flag-text"> Provider unavailable</span>
          </span>
        )}
      </span>
      <span className="appt__line appt__meta">
        {time} · {event.typeName} · {statusLabel(a.status)}
        {a.seriesId && <span title="Part of a weekly series"> · ↻</span>}
      </span>
    </span>
  );
}

const components = { event: EventContent };

export function ScheduleCalendar(props: ScheduleCalendarProps) {
  const { reference, layout, days, canWrite } = props;
  const zone = reference.clinic.timeZone;
  const localizer = useMemo(() => clinicLocalizer(zone), [zone]);
  const weekdays = useMemo(() => openWeekdays(reference.clinic.hours), [reference.clinic.hours]);
  const views = useMemo(() => ({ day: true, week: clinicWeekView(weekdays) }), [weekdays]);
  const providers = useMemo(() => new Map(reference.providers.map((p) => [p.id, p])), [reference.providers]);

  const first = days[0] ?? DateTime.now().setZone(zone).startOf('day');
  const window = useMemo(
    () => dayWindow([reference.clinic.hours, ...reference.providers.filter((p) => p.active).map((p) => p.weeklyHours)]),
    [reference.clinic.hours, reference.providers],
  );
  const min = atMinutes(first, window.min).toJSDate();
  const target = props.scrollTo ? Math.max(window.min, minutesOfDay(props.scrollTo.time) - 30) : window.min;
  const scrollToTime = atMinutes(first, target).toJSDate();
  const max = atMinutes(first, window.max).toJSDate();
  const slotMinutes = reference.clinic.slotMinutes;

  const slotPropGetter = useCallback(
    (date: Date, resourceId?: string | number) => {
      const id = typeof resourceId === 'string' ? resourceId : layout.view === 'week' ? layout.focusId : undefined;
      const provider = layout.mode === 'provider' && id ? providers.get(id) : undefined;
      const hours = provider ? provider.weeklyHours : reference.clinic.hours;
      return isWithin(hours, DateTime.fromJSDate(date, { zone })) ? {} : { className: 'slot--closed' };
    },
    [layout.mode, layout.view, layout.focusId, providers, reference.clinic.hours, zone],
  );

  const eventPropGetter = useCallback((event: CalendarEvent) => {
    if (event.kind !== 'appointment') return { className: `shade shade--${event.kind}` };
    const a = event.appointment;
    const classes = ['appt-event', `appt-event--${a.status}`];
    if (event.clash) classes.push(`appt-event--clash-${event.clash}`);
    if (event.away) classes.push('appt-event--away');
    if (event.end.getTime() - event.start.getTime() < 20 * 60_000) classes.push('appt-event--short');
    return { className: classes.join(' '), style: { '--type-colour': event.typeColour } as CSSProperties };
  }, []);

  const movable = useCallback(
    (event: CalendarEvent) => canWrite && event.kind === 'appointment' && isMovable(event.appointment),
    [canWrite],
  );

  const { onOpen, onOpenShade, onMove, onSelectSlot } = props;
  const open = useCallback(
    (event: CalendarEvent) => (event.kind === 'appointment' ? onOpen(event) : onOpenShade(event)),
    [onOpen, onOpenShade],
  );
  const onKeyPressEvent = useCallback(
    (event: CalendarEvent, e: SyntheticEvent<HTMLElement>) => {
      const key = (e as KeyboardEvent<HTMLElement>).key;
      if (key === 'Enter' || key === ' ') {
        e.preventDefault();
        open(event);
      }
    },
    [open],
  );
  const move = useCallback(
    ({ event, start, end, resourceId }: EventInteractionArgs<CalendarEvent>) => {
      if (event.kind !== 'appointment') return;
      onMove(event, { start: new Date(start), end: new Date(end), resourceId: resourceId === undefined ? undefined : String(resourceId) });
    },
    [onMove],
  );
  const selectSlot = useCallback(
    (slot: SlotInfo) => {
      const ranged = slot.action === 'select' && slot.end.getTime() - slot.start.getTime() > slotMinutes * 60_000;
      onSelectSlot({
        start: slot.start,
        end: slot.end,
        resourceId: slot.resourceId === undefined ? undefined : String(slot.resourceId),
        ranged,
      });
    },
    [onSelectSlot, slotMinutes],
  );

  return (
    <div className={`schedule__calendar schedule__calendar--${layout.view}`}>
      <DnDCalendar
        key={props.scrollTo?.seq ?? 0}
        localizer={localizer}
        formats={formats}
        views={views}
        view={layout.view}
        onView={() => undefined}
        date={first.toJSDate()}
        onNavigate={() => undefined}
        onDrillDown={props.onDrillDown}
        toolbar={false}
        events={props.events}
        backgroundEvents={props.backgrounds}
        resources={props.resources}
        resourceIdAccessor={(r) => r.id}
        resourceTitleAccessor={(r) => r.title}
        resourceAccessor={(e) => e.resourceId}
        titleAccessor={(e) => e.title}
        tooltipAccessor={(e) => (e.kind === 'appointment' ? describe(e, zone) : e.title)}
        startAccessor={(e) => e.start}
        endAccessor={(e) => e.end}
        min={min}
        max={max}
        scrollToTime={scrollToTime}
        step={slotMinutes}
        timeslots={Math.max(1, Math.round(30 / slotMinutes))}
        dayLayoutAlgorithm="no-overlap"
        selectable={canWrite}
        resizable={canWrite}
        draggableAccessor={movable}
        resizableAccessor={movable}
        onSelectSlot={selectSlot}
        onSelectEvent={open}
        onKeyPressEvent={onKeyPressEvent}
        onEventDrop={move}
        onEventResize={move}
        slotPropGetter={slotPropGetter}
        eventPropGetter={eventPropGetter}
        components={components}
        messages={{ noEventsInRange: 'No appointments.' }}
      />
    </div>
  );
}
