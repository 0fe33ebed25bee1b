/**
 * The schedule: a day (providers or rooms side by side) or a week (one
 * provider or room) in the clinic's own time zone, whatever the workstation's.
 * The desk books by clicking a free slot or pressing N, opens an appointment
 * with a click or Enter, and moves one by dragging; every refusal comes back
 * with the next free times. Time a provider is away (U, or a dragged-out
 * range) is marked here too, and shown shaded with its reason. The calendar
 * always draws server data, so a refused move snaps back and a change from
 * another workstation shows up.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ApiError, type Appointment, type Reference, type ScheduleBlock } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import type { Route } from '../../app/navigation';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { appointmentEvents, NO_ROOM, resourcesFor, shadeEvents, statusLine, type AppointmentEvent, type ShadeEvent } from './calendarModel';
import { localParts, openWeekdays, rangeTitle, shiftDate, startOfDay, todayIn, visibleDays } from './clinicTime';
import { blankBlock, blankDraft } from './drafts';
import { ScheduleCalendar, type MoveChoice, type SlotChoice } from './ScheduleCalendar';
import { ScheduleDialogs, type DialogState } from './ScheduleDialogs';
import { ScheduleLegend } from './ScheduleLegend';
import { ScheduleNotice, type MoveInput, type Notice } from './ScheduleNotice';
import { ScheduleActions, ScheduleToolbar, type ToolbarState } from './ScheduleToolbar';
import { useScheduleKeys } from './useScheduleKeys';

type ScheduleRoute = Extract<Route, { screen: 'schedule' }>;

export function ScheduleScreen({ route }: { route: ScheduleRoute }) {
  const { reference, isPending } = useReference();
  if (!reference)
    return isPending ? (
      <Loading label="Loading the schedule…" />
    ) : (
      <ErrorMessage error={{ code: 'INTERNAL', message: 'The clinic settings could not be read. Try again.' }} />
    );
  return <Schedule route={route} reference={reference} />;
}

function Schedule({ route, reference }: { route: ScheduleRoute; reference: Reference }) {
  const session = useSession();
  const canWrite = session.can('schedule.write');
  const zone = reference.clinic.timeZone;
  const providers = reference.providers.filter((p) => p.active);
  const defaultTypeId = reference.appointmentTypes.find((t) => t.active)?.id ?? '';
  const [state, setState] = useState<ToolbarState>(() => ({
    view: 'day',
    mode: 'provider',
    date: route.date ?? todayIn(zone),
    focusId: providers[0]?.id ?? '',
    providerIds: [],
    showCancelled: false,
  }));
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** Bring a just booked or moved appointment into view (clinic-local HH:mm; seq forces the scroll). */
  const [scrollTo, setScrollTo] = useState<{ time: string; seq: number } | null>(null);
  const change = useCallback((patch: Partial<ToolbarState>) => setState((s) => ({ ...s, ...patch })), []);

  // A new route (from another screen) may name a date, an appointment to open or a patient to book for.
  const [appliedRoute, setAppliedRoute] = useState<ScheduleRoute | null>(null);
  if (route !== appliedRoute) {
    setAppliedRoute(route);
    if (route.date && appliedRoute) change({ date: route.date });
    if (route.appointmentId) setDialog({ kind: 'detail', id: route.appointmentId });
    else if (route.patientId && canWrite)
      setDialog({ kind: 'book', draft: blankDraft(reference, state, { patient: { id: route.patientId } }) });
  }
  const routed = useApi('appointments.get', { id: route.appointmentId ?? '' }, { enabled: Boolean(route.appointmentId) });
  const [jumpedTo, setJumpedTo] = useState<string | null>(null);
  if (routed.data && jumpedTo !== routed.data.id) {
    setJumpedTo(routed.data.id);
    change({ date: localParts(routed.data.startAt, zone).date });
  }

  const weekdays = useMemo(() => openWeekdays(reference.clinic.hours), [reference.clinic.hours]);
  const days = useMemo(() => visibleDays(state.view, state.date, zone, weekdays), [state.view, state.date, zone, weekdays]);
  const first = days[0] ?? startOfDay(state.date, zone);
  const last = days[days.length - 1] ?? first;
  const range = useApi(
    'appointments.range',
    { from: first.toUTC().toISO() ?? '', to: last.plus({ days: 1 }).toUTC().toISO() ?? '' },
    { placeholderData: keepPreviousData },
  );

  const layout = state;
  const appointments = useMemo(() => range.data?.appointments ?? [], [range.data]);
  const blocks = useMemo(() => range.data?.blocks ?? [], [range.data]);
  const events = useMemo(() => appointmentEvents(reference, layout, appointments, blocks), [reference, layout, appointments, blocks]);
  const backgrounds = useMemo(() => shadeEvents(reference, layout, blocks, days), [reference, layout, blocks, days]);
  const resources = useMemo(() => resourcesFor(reference, layout, appointments), [reference, layout, appointments]);

  const openNew = useCallback(() => {
    if (canWrite) setDialog({ kind: 'book', draft: blankDraft(reference, state) });
  }, [canWrite, reference, state]);
  const openBlock = useCallback(() => {
    if (canWrite) setDialog({ kind: 'block', draft: blankBlock(reference, state) });
  }, [canWrite, reference, state]);
  const shift = useCallback(
    (direction: 1 | -1) => change({ date: shiftDate(state.view, state.date, direction, zone) }),
    [change, state.view, state.date, zone],
  );
  const today = useCallback(() => change({ date: todayIn(zone) }), [change, zone]);

  const keys = useMemo(
    () => ({
      n: openNew,
      u: openBlock,
      t: today,
      f: () => setDialog({ kind: 'find' }),
      ArrowLeft: () => shift(-1),
      PageUp: () => shift(-1),
      ArrowRight: () => shift(1),
      PageDown: () => shift(1),
    }),
    [openNew, openBlock, today, shift],
  );
  useScheduleKeys(keys);

  const selectSlot = useCallback(
    (choice: SlotChoice) => {
      const start = localParts(choice.start, zone);
      const resourceId = choice.resourceId ?? (state.view === 'week' ? state.focusId : undefined);
      const byProvider = state.mode === 'provider';
      const end = choice.ranged ? localParts(choice.end, zone).time : '';
      const book = blankDraft(reference, state, {
        date: start.date,
        start: start.time,
        end,
        // By room, the provider is chosen in the dialog (pre-set only when the filter shows one).
        ...(byProvider ? { providerId: resourceId ?? '' } : { roomId: resourceId && resourceId !== NO_ROOM ? resourceId : '' }),
      });
      // A click books; a dragged-out range may also be time the provider is away.
      if (!choice.ranged) setDialog({ kind: 'book', draft: book });
      else
        setDialog({
          kind: 'choose',
          book,
          block: blankBlock(reference, state, { providerId: book.providerId, date: start.date, start: start.time, end }),
        });
    },
    [zone, state, reference],
  );

  const update = useApiMutation('appointments.update');
  const move = useCallback(
    /** follow: show the new place (a time picked from the refusal may be on another day); a drag stays put. */
    async (input: MoveInput, overbookReason?: string, follow = false) => {
      try {
        const [moved] = await update.mutateAsync({ ...input, overbookReason });
        if (moved) {
          const start = localParts(moved.startAt, zone);
          if (follow) {
            change({ date: start.date });
            setScrollTo({ time: start.time, seq: Date.now() });
          }
          const day = startOfDay(start.date, zone).toFormat('ccc d LLL');
          setNotice({ kind: 'success', text: `Moved ${moved.patientName} to ${day} ${start.time}–${localParts(moved.endAt, zone).time}.` });
        }
      } catch (error) {
        setNotice({ kind: 'refused', error: ApiError.is(error) ? error : new ApiError('INTERNAL', 'The move failed. Try again.'), input });
      }
    },
    [update, zone, change],
  );
  const onMove = useCallback(
    (event: AppointmentEvent, choice: MoveChoice) => {
      const a = event.appointment;
      const input: MoveInput = { id: a.id, startAt: choice.start.toISOString(), endAt: choice.end.toISOString() };
      if (state.view === 'day' && choice.resourceId) {
        if (state.mode === 'provider' && choice.resourceId !== a.providerId) input.providerId = choice.resourceId;
        const roomId = choice.resourceId === NO_ROOM ? null : choice.resourceId;
        if (state.mode === 'room' && roomId !== a.roomId) input.roomId = roomId;
      }
      void move(input);
    },
    [state.view, state.mode, move],
  );

  const onOpen = useCallback((event: AppointmentEvent) => setDialog({ kind: 'detail', id: event.id }), []);
  const onOpenShade = useCallback((event: ShadeEvent) => setDialog({ kind: 'shade', event }), []);
  const onSaved = useCallback(
    (saved: Appointment[], verb: 'Booked' | 'Changed') => {
      const [firstSaved] = saved;
      if (!firstSaved) return;
      const when = localParts(firstSaved.startAt, zone);
      change({ date: when.date });
      setScrollTo({ time: when.time, seq: Date.now() });
      const series = saved.length > 1 ? ` (${saved.length} weekly appointments)` : '';
      setNotice({
        kind: 'success',
        text: `${verb}: ${firstSaved.patientName}, ${startOfDay(when.date, zone).toFormat('ccc d LLL')} at ${when.time}${series}.`,
      });
    },
    [change, zone],
  );

  const onBlocked = useCallback(
    (block: ScheduleBlock) => {
      // Show where it was recorded: that day, in provider columns, with that provider in view.
      const ids = state.providerIds;
      change({
        date: localParts(block.startAt, zone).date,
        mode: 'provider',
        focusId: state.view === 'week' ? block.providerId : state.focusId,
        providerIds: ids.length === 0 || ids.includes(block.providerId) ? ids : [...ids, block.providerId],
      });
      setScrollTo({ time: localParts(block.startAt, zone).time, seq: Date.now() });
      setNotice({ kind: 'blocked', block });
    },
    [change, zone, state.view, state.focusId, state.providerIds],
  );

  const closedOn = state.view === 'day' && !weekdays.includes(first.weekday) ? first.toFormat('cccc') : null;
  const isToday = state.date === todayIn(zone);
  return (
    <section className="schedule" aria-labelledby="schedule-title">
      <header className="schedule__header">
        <h1 id="schedule-title">
          <span className="visually-hidden">Schedule: </span>
          {rangeTitle(days)}
          {isToday && state.view === 'day' && <span className="badge schedule__today">Today</span>}
        </h1>
        <p className="schedule__status" role="status">
          {range.isPending
            ? ''
            : statusLine({
                events,
                view: state.view,
                filtered: state.providerIds.length > 0,
                canWrite,
                closedOn,
                fetching: range.isFetching,
              })}
        </p>
        <ScheduleActions canWrite={canWrite} onFind={() => setDialog({ kind: 'find' })} onNew={openNew} onMarkUnavailable={openBlock} />
      </header>
      <ScheduleToolbar reference={reference} state={state} onChange={change} onShift={shift} onToday={today} />
      <ScheduleNotice
        notice={notice}
        reference={reference}
        canOverbook={session.can('schedule.overbook')}
        busy={update.isPending}
        onMove={(input, reason, follow) => void move(input, reason, follow)}
        onOpen={(id) => setDialog({ kind: 'detail', id })}
        onDismiss={() => setNotice(null)}
      />
      <ErrorMessage error={range.error} />
      {range.isPending ? (
        <Loading label="Loading appointments…" />
      ) : (
        <ScheduleCalendar
          reference={reference}
          layout={layout}
          days={days}
          events={events}
          backgrounds={backgrounds}
          resources={resources}
          canWrite={canWrite}
          scrollTo={scrollTo}
          onSelectSlot={selectSlot}
          onOpen={onOpen}
          onOpenShade={onOpenShade}
          onMove={onMove}
          onDrillDown={(day) => change({ view: 'day', date: localParts(day, zone).date })}
        />
      )}
      <ScheduleLegend reference={reference} />
      <ScheduleDialogs
        reference={reference}
        dialog={dialog}
        setDialog={setDialog}
        date={state.date}
        defaultTypeId={defaultTypeId}
        onSaved={onSaved}
        onBlocked={onBlocked}
        onMessage={(text) => setNotice({ kind: 'success', text })}
      />
    </section>
  );
}
