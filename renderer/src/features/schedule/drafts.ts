/**
 * Where a new booking starts: the day on screen, the next slot from now (or
 * the opening time), the provider or room the desk is looking at, and the
 * first active appointment type — so N, Enter often books without more typing.
 */
import type { Reference } from '../../../../main/contract';
import type { AppointmentDraft } from './AppointmentForm';
import { NO_ROOM } from './calendarModel';
import { dayWindow, suggestedStart } from './clinicTime';
import type { ToolbarState } from './ScheduleToolbar';

export function blankDraft(reference: Reference, state: ToolbarState, overrides: Partial<AppointmentDraft> = {}): AppointmentDraft {
  const zone = reference.clinic.timeZone;
  const opening = dayWindow([reference.clinic.hours]).min;
  const singleProvider = state.providerIds.length === 1 ? (state.providerIds[0] ?? '') : '';
  const providerId = state.mode === 'provider' && state.view === 'week' ? state.focusId : singleProvider;
  const roomId = state.mode === 'room' && state.view === 'week' && state.focusId !== NO_ROOM ? state.focusId : '';
  return {
    patient: null,
    providerId,
    roomId,
    typeId: reference.appointmentTypes.find((t) => t.active)?.id ?? '',
    date: state.date,
    start: suggestedStart(state.date, zone, reference.clinic.slotMinutes, opening),
    end: '',
    notes: '',
    ...overrides,
  };
}
