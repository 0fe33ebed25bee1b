/**
 * One patient in each column of the day queue. Every action is a plain button
 * named after the patient ("Check in Smith, Ann"), in reading order, so the
 * desk can work the queue from the keyboard and a screen reader says whom a
 * button acts on.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Appointment, AppointmentType, Provider, Room } from '../../../../main/contract';
import { formatTime } from '../../ui/format';
import { formatMinutes, lateBy, LONG_WAIT_MINUTES, minutesSince } from './queueModel';

export interface QueueLookup {
  zone: string;
  provider(id: string): Provider | undefined;
  type(id: string): AppointmentType | undefined;
  room(id: string | null): Room | undefined;
  rooms: Room[];
  /** Room id -> patient name of whoever is in it now. */
  occupied: Map<string, string>;
}

interface ItemProps {
  appointment: Appointment;
  lookup: QueueLookup;
  now: number;
  busy: boolean;
  canAct: boolean;
  onOpenPatient(appointment: Appointment): void;
  /** Waiting and in-room patients, for those who chart: opens (or reopens) the visit's encounter. */
  onOpenChart?(appointment: Appointment): void;
}

function ItemFrame({
  appointment,
  lookup,
  busy,
  onOpenPatient,
  onOpenChart,
  aside,
  details,
  actions,
}: ItemProps & { aside?: ReactNode; details: ReactNode; actions?: ReactNode }) {
  const provider = lookup.provider(appointment.providerId);
  return (
    <li className="queue-item" data-queue-item={appointment.id} tabIndex={-1} style={{ borderLeftColor: provider?.colour ?? undefined }}>
      <div className="queue-item__top">
        <button type="button" className="queue-item__patient" onClick={() => onOpenPatient(appointment)}>
          {appointment.patientName}
        </button>
        {aside}
      </div>
      <div className="queue-item__details">
        {details}
        {appointment.overbooked && <span className="badge queue-item__flag">Overbooked</span>}
      </div>
      {(actions || onOpenChart) && (
        <div className="queue-item__actions">
          {actions}
          {onOpenChart && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`Open chart of ${appointment.patientName}`}
              onClick={() => onOpenChart(appointment)}
            >
              Open chart
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function who(appointment: Appointment, lookup: QueueLookup): string {
  const provider = lookup.provider(appointment.providerId)?.displayName ?? 'Unknown provider';
  const type = lookup.type(appointment.typeId)?.name ?? 'Unknown type';
  return `${provider} · ${type}`;
}

export function ExpectedItem(props: ItemProps & { onCheckIn(): void; onNoShow(): void }) {
  const { appointment: a, lookup, now, busy, canAct } = props;
  const late = lateBy(a, now);
  const room = lookup.room(a.roomId);
  return (
    <ItemFrame
      {...props}
      aside={
        <span className="queue-item__time">
          <time dateTime={a.startAt}>{formatTime(a.startAt, lookup.zone)}</time>
          {late > 0 && <span className="badge queue-item__late">late by {formatMinutes(late)}</span>}
        </span>
      }
      details={
        <span>
          {who(a, lookup)}
          {room ? ` · ${room.name}` : ''}
        </span>
      }
      actions={
        canAct && (
          <>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              aria-label={`Check in ${a.patientName}`}
              onClick={props.onCheckIn}
            >
              Check in
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`No-show ${a.patientName}`}
              onClick={props.onNoShow}
            >
              No-show
            </button>
          </>
        )
      }
    />
  );
}

export function WaitingItem(props: ItemProps & { onRoom(roomId: string | null): void }) {
  const { appointment: a, lookup, now, busy, canAct } = props;
  const waited = minutesSince(a.arrivedAt, now);
  const long = waited >= LONG_WAIT_MINUTES;
  const selectId = useId();
  const activeRooms = lookup.rooms.filter((r) => r.active || r.id === a.roomId);
  const [roomId, setRoomId] = useState(a.roomId ?? activeRooms[0]?.id ?? '');
  return (
    <ItemFrame
      {...props}
      aside={
        <span className={`queue-item__wait${long ? ' queue-item__wait--long' : ''}`}>
          Waiting {formatMinutes(waited)}
          {long && <span className="visually-hidden"> (long wait)</span>}
        </span>
      }
      details={
        <span>
          {who(a, lookup)} · booked {formatTime(a.startAt, lookup.zone)}
          {a.arrivedAt ? ` · arrived ${formatTime(a.arrivedAt, lookup.zone)}` : ''}
        </span>
      }
      actions={
        canAct && (
          <>
            {activeRooms.length > 0 && (
              <>
                <label className="visually-hidden" htmlFor={selectId}>
                  Room for {a.patientName}
                </label>
                <select
                  id={selectId}
                  className="queue-item__room-select"
                  value={roomId}
                  disabled={busy}
                  onChange={(e) => setRoomId(e.target.value)}
                >
                  {activeRooms.map((r) => {
                    const occupant = lookup.occupied.get(r.id);
                    return (
                      <option key={r.id} value={r.id}>
                        {r.name}
                        {occupant ? ' (occupied)' : ''}
                      </option>
                    );
                  })}
                </select>
              </>
            )}
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              aria-label={`Room ${a.patientName}`}
              onClick={() => props.onRoom(roomId || null)}
            >
              Room
            </button>
          </>
        )
      }
    />
  );
}

export function InRoomItem(props: ItemProps & { onComplete(): void }) {
  const { appointment: a, lookup, now, busy, canAct } = props;
  const room = lookup.room(a.roomId);
  return (
    <ItemFrame
      {...props}
      aside={
        <span className="queue-item__room">
          {room?.name ?? 'No room'}
          {a.roomedAt && (
            <>
              {' '}
              since <time dateTime={a.roomedAt}>{formatTime(a.roomedAt, lookup.zone)}</time> ({formatMinutes(minutesSince(a.roomedAt, now))}
              )
            </>
          )}
        </span>
      }
      details={
        <span>
          {who(a, lookup)} · booked {formatTime(a.startAt, lookup.zone)}
        </span>
      }
      actions={
        canAct && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            aria-label={`Complete ${a.patientName}`}
            onClick={props.onComplete}
          >
            Complete
          </button>
        )
      }
    />
  );
}
