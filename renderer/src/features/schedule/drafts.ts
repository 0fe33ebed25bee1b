/**
 * Where a new booking or unavailability starts: the day on screen, the next
 * slot from now (or the opening time), the provider or room the desk is
 * looking at, and the first active appointment type — so N, Enter often books
 * without more typing.
 */
import type { Reference, WeeklyHours } from '../../../../main/contract';
import type { AppointmentDraft } from './AppointmentForm';
import { NO_ROOM } from './calendarModel';
import { dayWindow, startOfDay, suggestedStart } from './clinicTime';
import type { BlockDraft } from './MarkUnavailable';
import type { ToolbarState } from './ScheduleToolbar';

/** The provider the screen is plainly about: the week view's one provider, or the only one ticked in the filter. */
function providerInView(state: ToolbarState): string {
  const singleProvider = state.providerIds.length === 1 ? (state.providerIds[0] ?? '') : '';
  return state.mode === 'provider' && state.view === 'week' ? state.focusId : singleProvider;
}

export function blankDraft(reference: Reference, state: ToolbarState, overrides: Partial<AppointmentDraft> = {}): AppointmentDraft {
  const zone = reference.clinic.timeZone;
  const opening = dayWindow([reference.clinic.hours]).min;
  const roomId = state.mode === 'room' && state.view === 'week' && state.focusId !== NO_ROOM ? state.focusId : '';
  return {
    patient: null,
    providerId: providerInView(state),
    roomId,
    typeId: reference.appointmentTypes.find((t) => t.active)?.id ?? '',
    date: state.date,
    start: suggestedStart(state.date, zone, reference.clinic.slotMinutes, opening),
    end: '',
    notes: '',
    ...overrides,
  };
}

/** Unavailability defaults to the provider's (or clinic's) working hours that day. */
export function blankBlock(reference: Reference, state: ToolbarState, overrides: Partial<BlockDraft> = {}): BlockDraft {
  const providerId = overrides.providerId ?? providerInView(state);
  const date = overrides.date ?? state.date;
  const provider = reference.providers.find((p) => p.id === providerId);
  const weekday = String(startOfDay(date, reference.clinic.timeZone).weekday) as keyof WeeklyHours;
  const spans = (provider?.weeklyHours ?? reference.clinic.hours)[weekday] ?? [];
  return {
    providerId,
    date,
    allDay: false,
    start: spans[0]?.start ?? '08:00',
    end: spans[spans.length - 1]?.end ?? '17:00',
    lastDate: date,
    reason: '',
    ...overrides,
  };
}
