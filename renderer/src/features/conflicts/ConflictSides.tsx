/**
 * The two (or more) things that clashed, side by side, each with what tells
 * them apart and a way to open it: appointments (patient, clinic-local time,
 * provider, room, status), patient records (name, date of birth, MRN) or
 * user accounts (login, role, active). A row deleted since is said so, not
 * left out, so the desk never wonders where the second one went.
 */
import {
  patientDisplayName,
  roleLabels,
  type Appointment,
  type PatientSummary,
  type Reference,
  type Role,
  type User,
} from '../../../../main/contract';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { formatDateTime, formatTime } from '../../ui/format';
import { keepRecordLabel } from '../patients/mergeText';
import { dobWithAge, primaryPhone, sexLabel } from '../patients/patientDisplay';
import { statusLabel } from '../schedule/calendarModel';

function Missing({ what, count }: { what: string; count: number }) {
  if (count >= 2) return null;
  return <p className="conflict-side conflict-side--missing">The other {what} no longer exists on this workstation.</p>;
}

export function AppointmentSides({ appointments, reference }: { appointments: Appointment[]; reference: Reference }) {
  const { navigate } = useNavigation();
  const session = useSession();
  const zone = reference.clinic.timeZone;
  return (
    <div className="conflict-sides">
      {appointments.map((a, i) => {
        const type = reference.appointmentTypes.find((t) => t.id === a.typeId);
        const provider = reference.providers.find((p) => p.id === a.providerId);
        const room = reference.rooms.find((r) => r.id === a.roomId);
        return (
          <section key={a.id} className="conflict-side" aria-label={`Appointment ${i + 1}: ${a.patientName}`}>
            <h4 className="conflict-side__title">{a.patientName}</h4>
            <dl className="conflict-side__facts">
              <dt>Time</dt>
              <dd>
                {formatDateTime(a.startAt, zone)}–{formatTime(a.endAt, zone)}
              </dd>
              <dt>Type</dt>
              <dd>
                <span className="conflict-swatch" style={{ background: type?.colour ?? '#64748b' }} aria-hidden="true" />
                {type ? type.name : 'Unknown type'}
              </dd>
              <dt>Provider</dt>
              <dd>{provider?.displayName ?? 'Unknown provider'}</dd>
              <dt>Room</dt>
              <dd>{room?.name ?? 'No room'}</dd>
              <dt>Status</dt>
              <dd>
                <span className={`badge badge--${a.status}`}>{statusLabel(a.status)}</span>
              </dd>
            </dl>
            <div className="conflict-side__actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`Open appointment of ${a.patientName}`}
                onClick={() => navigate({ screen: 'schedule', appointmentId: a.id })}
              >
                Open appointment
              </button>
              {session.can('patients.read') && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Open record of ${a.patientName}`}
                  onClick={() => navigate({ screen: 'patients', patientId: a.patientId })}
                >
                  Open record
                </button>
              )}
            </div>
          </section>
        );
      })}
      <Missing what="appointment" count={appointments.length} />
    </div>
  );
}

interface PatientSidesProps {
  patients: PatientSummary[];
  single?: boolean;
  /** Offer "Keep this record" on each side (a duplicate still open): merge the other record into this one. */
  onKeep?: (patient: PatientSummary) => void;
  keepDisabled?: boolean;
}

/** The patient records of a duplicate, or with `single` the one patient a deleted-and-edited record belongs to. */
export function PatientSides({ patients, single = false, onKeep, keepDisabled = false }: PatientSidesProps) {
  const { navigate } = useNavigation();
  const session = useSession();
  return (
    <div className="conflict-sides">
      {patients.map((p, i) => {
        const name = patientDisplayName(p);
        const phone = primaryPhone(p);
        return (
          <section key={p.id} className="conflict-side" aria-label={single ? `Patient: ${name}` : `Record ${i + 1}: ${name}`}>
            <h4 className="conflict-side__title">{name}</h4>
            <dl className="conflict-side__facts">
              <dt>Born</dt>
              <dd>{dobWithAge(p.dateOfBirth)}</dd>
              <dt>Sex</dt>
              <dd>{sexLabel(p.sex)}</dd>
              <dt>MRN</dt>
              <dd className="conflict-side__mrn">{p.mrn}</dd>
              <dt>Phone</dt>
              <dd>{phone ?? 'None'}</dd>
            </dl>
            {(session.can('patients.read') || onKeep) && (
              <div className="conflict-side__actions">
                {session.can('patients.read') && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Open record ${p.mrn} of ${name}`}
                    onClick={() => navigate({ screen: 'patients', patientId: p.id })}
                  >
                    Open record
                  </button>
                )}
                {onKeep && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={keepRecordLabel(p.mrn)}
                    disabled={keepDisabled}
                    onClick={() => onKeep(p)}
                  >
                    Keep this record
                  </button>
                )}
              </div>
            )}
          </section>
        );
      })}
      {!single && <Missing what="record" count={patients.length} />}
    </div>
  );
}

export function UserSides({ users }: { users: User[] }) {
  return (
    <div className="conflict-sides">
      {users.map((u, i) => (
        <section key={u.id} className="conflict-side" aria-label={`Account ${i + 1}: ${u.displayName}`}>
          <h4 className="conflict-side__title">{u.displayName}</h4>
          <dl className="conflict-side__facts">
            <dt>Login</dt>
            <dd>{u.username}</dd>
            <dt>Role</dt>
            <dd>{roleLabels[u.role as Role] ?? u.role}</dd>
            <dt>Account</dt>
            <dd>{u.disabled ? 'Disabled' : 'Active'}</dd>
          </dl>
        </section>
      ))}
      <Missing what="account" count={users.length} />
    </div>
  );
}
