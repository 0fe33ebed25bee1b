/**
 * What the calendar draws, from what the API returned and how the desk chose to
 * look at it: appointments as events, breaks and unavailability as labelled
 * background events, columns (providers or rooms). Pure functions, so the
 * grid's rules live in one testable place.
 */
import { DateTime } from 'luxon';
import {
  inactiveStatuses,
  statusLabels,
  type Appointment,
  type AppointmentStatus,
  type Reference,
  type ScheduleBlock,
} from '../../../../main/contract';
import { atTime, type ScheduleView } from './clinicTime';

export type ResourceMode = 'provider' | 'room';

/** Column id for appointments booked without a room, in the by-room view. */
export const NO_ROOM = 'no-room';

/** Still to happen (or happening): the ones someone must move when the provider turns out to be away. */
export const OPEN_STATUSES = ['booked', 'arrived', 'in_room'];

export interface CalendarResource {
  id: string;
  title: string;
}

export interface AppointmentEvent {
  kind: 'appointment';
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: Appointment;
  typeName: string;
  typeColour: string;
  providerName: string;
  /** Why it is flagged overbooked: the provider is double-booked, or only the room is. */
  clash: 'provider' | 'room' | null;
  /** The reason the provider is marked unavailable during it (booked before the block was recorded), if so. */
  away: string | null;
}

export interface ShadeEvent {
  kind: 'block' | 'break';
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId?: string;
  block?: ScheduleBlock;
}

export type CalendarEvent = AppointmentEvent | ShadeEvent;

export interface Layout {
  view: ScheduleView;
  mode: ResourceMode;
  /** Week view: the one provider or room shown. */
  focusId: string;
  /** Providers to show (all when empty). */
  providerIds: string[];
  showCancelled: boolean;
}

export function statusLabel(status: string): string {
  return statusLabels[status as AppointmentStatus] ?? status;
}

export function isMovable(a: Appointment): boolean {
  return a.status === 'booked' || a.status === 'arrived';
}

function providerShown(layout: Layout, providerId: string): boolean {
  return layout.providerIds.length === 0 || layout.providerIds.includes(providerId);
}

/** The columns of the day view (none in week view: one provider or room fills the grid). */
export function resourcesFor(reference: Reference, layout: Layout, appointments: Appointment[]): CalendarResource[] | undefined {
  if (layout.view === 'week') return undefined;
  if (layout.mode === 'provider') {
    const busy = new Set(appointments.map((a) => a.providerId));
    return reference.providers
      .filter((p) => (p.active || busy.has(p.id)) && providerShown(layout, p.id))
      .map((p) => ({ id: p.id, title: p.displayName }));
  }
  const busy = new Set(appointments.map((a) => a.roomId));
  const rooms = reference.rooms.filter((r) => r.active || busy.has(r.id)).map((r) => ({ id: r.id, title: r.name }));
  return busy.has(null) ? [...rooms, { id: NO_ROOM, title: 'No room' }] : rooms;
}

/** The server flags an overlap of provider or room alike; the desk needs to know which, so it is worked out from the loaded neighbours. */
function clashOf(a: Appointment, all: Appointment[]): AppointmentEvent['clash'] {
  if (!a.overbooked) return null;
  const overlapping = all.filter(
    (o) => o.id !== a.id && !inactiveStatuses.includes(o.status) && o.startAt < a.endAt && a.startAt < o.endAt,
  );
  if (overlapping.some((o) => o.providerId === a.providerId)) return 'provider';
  return a.roomId && overlapping.some((o) => o.roomId === a.roomId) ? 'room' : 'provider';
}

export function clashLabel(clash: AppointmentEvent['clash']): string {
  return clash === 'room' ? 'Room clash' : 'Overbooked';
}

function awayOf(a: Appointment, blocks: ScheduleBlock[]): string | null {
  if (!OPEN_STATUSES.includes(a.status)) return null;
  const start = Date.parse(a.startAt);
  const end = Date.parse(a.endAt);
  const block = blocks.find((b) => b.providerId === a.providerId && Date.parse(b.startAt) < end && start < Date.parse(b.endAt));
  return block ? block.reason : null;
}

export function appointmentEvents(
  reference: Reference,
  layout: Layout,
  appointments: Appointment[],
  blocks: ScheduleBlock[] = [],
): AppointmentEvent[] {
  const types = new Map(reference.appointmentTypes.map((t) => [t.id, t]));
  const providers = new Map(reference.providers.map((p) => [p.id, p]));
  return appointments
    .filter((a) => layout.showCancelled || !inactiveStatuses.includes(a.status))
    .filter((a) => {
      if (layout.view === 'week' && layout.mode === 'provider') return a.providerId === layout.focusId;
      if (!providerShown(layout, a.providerId)) return false;
      return layout.view === 'day' || (a.roomId ?? NO_ROOM) === layout.focusId;
    })
    .map((a) => {
      const type = types.get(a.typeId);
      return {
        kind: 'appointment' as const,
        id: a.id,
        title: a.patientName,
        start: new Date(a.startAt),
        end: new Date(a.endAt),
        resourceId: layout.mode === 'provider' ? a.providerId : (a.roomId ?? NO_ROOM),
        appointment: a,
        typeName: type?.name ?? 'Appointment',
        typeColour: type?.colour ?? '#64748b',
        providerName: providers.get(a.providerId)?.displayName ?? 'Unknown provider',
        clash: clashOf(a, appointments),
        away: awayOf(a, blocks),
      };
    });
}

/** Provider breaks and unavailability blocks, labelled, in the provider columns (or the one provider's week). */
export function shadeEvents(reference: Reference, layout: Layout, blocks: ScheduleBlock[], days: DateTime[]): ShadeEvent[] {
  if (layout.mode !== 'provider') return [];
  const providers = reference.providers.filter((p) => (layout.view === 'week' ? p.id === layout.focusId : providerShown(layout, p.id)));
  const breaks: ShadeEvent[] = providers.flatMap((p) =>
    days.flatMap((day) =>
      p.breaks
        .filter((b) => b.weekday === day.weekday)
        .map((b) => ({
          kind: 'break' as const,
          id: `break-${p.id}-${day.toISODate() ?? ''}-${b.start}`,
          title: b.label || 'Break',
          start: atTime(day, b.start).toJSDate(),
          end: atTime(day, b.end).toJSDate(),
          resourceId: p.id,
        })),
    ),
  );
  const shown = new Set(providers.map((p) => p.id));
  // Cut per visible day: a block over several days (leave) or up to midnight would otherwise reach into the next day's column.
  const blockEvents: ShadeEvent[] = blocks
    .filter((b) => shown.has(b.providerId))
    .flatMap((b) =>
      days.flatMap((day) => {
        const start = Math.max(Date.parse(b.startAt), day.toMillis());
        const end = Math.min(Date.parse(b.endAt), day.endOf('day').toMillis());
        if (start >= end) return [];
        return [
          {
            kind: 'block' as const,
            id: `block-${b.id}-${day.toISODate() ?? ''}`,
            title: `Unavailable: ${b.reason}`,
            start: new Date(start),
            end: new Date(end),
            resourceId: b.providerId,
            block: b,
          },
        ];
      }),
    );
  return [...breaks, ...blockEvents];
}

/** One line for tooltips and screen readers. */
export function describe(event: AppointmentEvent, zone: string): string {
  const a = event.appointment;
  const time = `${DateTime.fromISO(a.startAt, { zone }).toFormat('HH:mm')}–${DateTime.fromISO(a.endAt, { zone }).toFormat('HH:mm')}`;
  const parts = [`${time} ${a.patientName}`, `${event.typeName}, ${statusLabel(a.status)}`, event.providerName];
  if (event.clash === 'room') parts.push('Room double-booked: the room is also booked for another appointment at this time');
  else if (event.clash)
    parts.push(`Overbooked${a.overbookReason ? `: ${a.overbookReason}` : ' (the provider has another appointment at this time)'}`);
  if (event.away) parts.push(`The provider is marked unavailable then (${event.away}): reschedule`);
  if (a.statusReason && inactiveStatuses.includes(a.status)) parts.push(`Reason: ${a.statusReason}`);
  if (a.notes) parts.push(`Notes: ${a.notes}`);
  return parts.join(' — ');
}

/** The one-line summary above the grid: how many, how many overbooked, or why it is empty. */
export function statusLine(o: {
  events: AppointmentEvent[];
  view: ScheduleView;
  filtered: boolean;
  canWrite: boolean;
  closedOn: string | null;
  fetching: boolean;
}): string {
  if (o.closedOn) return `The clinic is closed on ${o.closedOn}s.`;
  if (o.events.length === 0) {
    const who = o.filtered ? ' for the chosen providers' : '';
    return `No appointments ${o.view === 'day' ? 'on this day' : 'this week'}${who}.${o.canWrite ? ' Click a free time or press N to book.' : ''}`;
  }
  const active = o.events.filter((e) => !inactiveStatuses.includes(e.appointment.status)).length;
  const inactive = o.events.length - active;
  const overbooked = o.events.filter((e) => e.clash === 'provider').length;
  return [
    `${active} appointment${active === 1 ? '' : 's'}`,
    overbooked ? `${overbooked} overbooked` : '',
    inactive ? `${inactive} cancelled or no-show shown` : '',
    o.fetching ? 'updating…' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
