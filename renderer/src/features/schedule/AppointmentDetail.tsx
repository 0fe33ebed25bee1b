/**
 * One appointment as the desk needs it: who, when, with whom and where, its
 * status and history, the series it belongs to, and the actions valid now.
 * It reads the appointment live, so a change made elsewhere shows at once.
 */
import { DateTime } from 'luxon';
import type { Appointment, Reference } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { formatDateTime, formatTime } from '../../ui/format';
import { statusLabel } from './calendarModel';
import { StatusActions } from './StatusActions';

interface AppointmentDetailProps {
  id: string;
  reference: Reference;
  onEdit(appointment: Appointment): void;
  onChanged(message: string): void;
}

function SeriesInfo({ appointment, zone }: { appointment: Appointment; zone: string }) {
  const session = useSession();
  const all = useApi('appointments.forPatient', { patientId: appointment.patientId }, { enabled: session.can('schedule.read') });
  const series = (all.data ?? []).filter((a) => a.seriesId === appointment.seriesId).sort((x, y) => x.startAt.localeCompare(y.startAt));
  if (!all.data) return <>Part of a weekly series</>;
  const index = series.findIndex((a) => a.id === appointment.id);
  const next = series.slice(index + 1).find((a) => a.status === 'booked');
  return (
    <>
      Weekly series: appointment {index + 1} of {series.length}
      {next ? ` · next ${DateTime.fromISO(next.startAt, { zone }).toFormat('ccc d LLL HH:mm')}` : ''}
    </>
  );
}

export function AppointmentDetail({ id, reference, onEdit, onChanged }: AppointmentDetailProps) {
  const { navigate } = useNavigation();
  const session = useSession();
  const query = useApi('appointments.get', { id });
  const zone = reference.clinic.timeZone;
  if (query.isPending) return <Loading label="Loading the appointment…" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const a = query.data;
  const type = reference.appointmentTypes.find((t) => t.id === a.typeId);
  const provider = reference.providers.find((p) => p.id === a.providerId);
  const room = reference.rooms.find((r) => r.id === a.roomId);
  const stamp = (label: string, iso: string | null) => (iso ? `${label} ${formatTime(iso, zone)}` : null);
  const history = [stamp('arrived', a.arrivedAt), stamp('roomed', a.roomedAt), stamp('completed', a.completedAt)]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="appointment-detail">
      {a.overbooked && (
        <div className="warning-banner overbook-banner" role="note">
          <strong>Overbooked.</strong>{' '}
          {a.overbookReason ? `Reason: ${a.overbookReason}` : 'It overlaps another appointment of the provider or room.'}
        </div>
      )}
      <dl className="detail-list">
        <dt>Patient</dt>
        <dd>
          {session.can('patients.read') ? (
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'patients', patientId: a.patientId })}>
              {a.patientName}
            </button>
          ) : (
            a.patientName
          )}
        </dd>
        <dt>Time</dt>
        <dd>
          {formatDateTime(a.startAt, zone)}–{formatTime(a.endAt, zone)}
        </dd>
        <dt>Provider</dt>
        <dd>{provider?.displayName ?? 'Unknown provider'}</dd>
        <dt>Room</dt>
        <dd>{room?.name ?? 'No room'}</dd>
        <dt>Type</dt>
        <dd>
          <span className="type-swatch" style={{ background: type?.colour ?? '#64748b' }} aria-hidden="true" />
          {type ? `${type.name} (${type.durationMinutes} min)` : 'Unknown type'}
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge badge--${a.status}`}>{statusLabel(a.status)}</span>
          {a.statusReason && <span className="detail-list__aside"> Reason: {a.statusReason}</span>}
          {history && <span className="detail-list__aside"> ({history})</span>}
        </dd>
        {a.notes && (
          <>
            <dt>Notes</dt>
            <dd className="detail-list__notes">{a.notes}</dd>
          </>
        )}
        {a.seriesId && (
          <>
            <dt>Series</dt>
            <dd>
              <SeriesInfo appointment={a} zone={zone} />
            </dd>
          </>
        )}
      </dl>
      <StatusActions appointment={a} reference={reference} onEdit={() => onEdit(a)} onChanged={onChanged} />
    </div>
  );
}
