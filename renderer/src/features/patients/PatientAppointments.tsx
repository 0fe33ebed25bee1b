/**
 * A patient's appointments on their record: what is coming (soonest first,
 * the question at the desk is "when is my next visit?") and what happened
 * (most recent first, long histories folded). Times are in the clinic's zone.
 */
import { useState } from 'react';
import { statusLabels, type Appointment, type AppointmentStatus } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { formatDateTime, formatTime } from '../../ui/format';

const PAST_SHOWN = 10;

export function PatientAppointments({ patientId }: { patientId: string }) {
  const query = useApi('appointments.forPatient', { patientId });
  const { reference } = useReference();
  const [showAllPast, setShowAllPast] = useState(false);
  // "Now" as of opening the record: the split does not need to move while it is on screen.
  const [now] = useState(() => Date.now());

  if (query.isPending || !reference) {
    return (
      <section className="patients-section" aria-label="Appointments">
        <h2>Appointments</h2>
        <Loading label="Loading appointments…" />
      </section>
    );
  }
  if (query.error) {
    return (
      <section className="patients-section" aria-label="Appointments">
        <h2>Appointments</h2>
        <ErrorMessage error={query.error} />
      </section>
    );
  }

  const upcoming = query.data.filter((a) => Date.parse(a.endAt) >= now).sort((a, b) => a.startAt.localeCompare(b.startAt));
  const past = query.data.filter((a) => Date.parse(a.endAt) < now).sort((a, b) => b.startAt.localeCompare(a.startAt));
  const pastShown = showAllPast ? past : past.slice(0, PAST_SHOWN);
  const zone = reference.clinic.timeZone;
  const names = {
    provider: new Map(reference.providers.map((p) => [p.id, p.displayName])),
    room: new Map(reference.rooms.map((r) => [r.id, r.name])),
    type: new Map(reference.appointmentTypes.map((t) => [t.id, t.name])),
  };

  return (
    <>
      <section className="patients-section" aria-labelledby="appointments-upcoming">
        <h2 id="appointments-upcoming">Upcoming appointments</h2>
        {upcoming.length === 0 ? (
          <Empty>No upcoming appointments.</Empty>
        ) : (
          <AppointmentTable appointments={upcoming} zone={zone} names={names} label="Upcoming appointments" />
        )}
      </section>
      <section className="patients-section" aria-labelledby="appointments-past">
        <h2 id="appointments-past">Past appointments</h2>
        {past.length === 0 ? (
          <Empty>No past appointments.</Empty>
        ) : (
          <>
            <AppointmentTable appointments={pastShown} zone={zone} names={names} label="Past appointments" />
            {past.length > PAST_SHOWN && (
              <button type="button" className="button button--small patients-more" onClick={() => setShowAllPast(!showAllPast)}>
                {showAllPast ? `Show the last ${PAST_SHOWN} only` : `Show all ${past.length} past appointments`}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}

interface TableProps {
  appointments: Appointment[];
  zone: string;
  label: string;
  names: { provider: Map<string, string>; room: Map<string, string>; type: Map<string, string> };
}

function AppointmentTable({ appointments, zone, label, names }: TableProps) {
  return (
    <table className="table patients-appointments" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Date and time</th>
          <th scope="col">Provider</th>
          <th scope="col">Type</th>
          <th scope="col">Room</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {appointments.map((a) => (
          <tr key={a.id} className={a.status === 'cancelled' ? 'patients-appointments__row--cancelled' : undefined}>
            <td>
              {formatDateTime(a.startAt, zone)}–{formatTime(a.endAt, zone)}
            </td>
            <td>{names.provider.get(a.providerId) ?? 'Unknown provider'}</td>
            <td>{names.type.get(a.typeId) ?? 'Unknown type'}</td>
            <td>{a.roomId ? (names.room.get(a.roomId) ?? '—') : '—'}</td>
            <td>
              <StatusBadge status={a.status} />
              {a.statusReason && <span className="patients-muted patients-appointments__reason"> {a.statusReason}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Open enum: a status this workstation does not know yet is shown as sent. */
function StatusBadge({ status }: { status: string }) {
  const known = Object.hasOwn(statusLabels, status);
  return <span className={`badge${known ? ` badge--${status}` : ''}`}>{known ? statusLabels[status as AppointmentStatus] : status}</span>;
}
