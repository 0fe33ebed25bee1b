/**
 * What is finished today, kept compact: counts always visible, the list folded
 * away because the desk rarely needs it once a patient has left.
 */
import { statusLabels, type Appointment, type AppointmentStatus } from '../../../../main/contract';
import { formatTime } from '../../ui/format';
import type { QueueLookup } from './QueueItems';

interface DoneTodayProps {
  done: Appointment[];
  completedCount: number;
  noShowCount: number;
  lookup: QueueLookup;
  onOpenPatient(appointment: Appointment): void;
}

export function DoneToday({ done, completedCount, noShowCount, lookup, onOpenPatient }: DoneTodayProps) {
  return (
    <section className="queue-done" aria-labelledby="queue-done-title">
      <h2 id="queue-done-title">
        Done today <span className="queue__count">{done.length}</span>
      </h2>
      <p className="queue-done__counts">
        {completedCount} completed · {noShowCount} no-show{noShowCount === 1 ? '' : 's'}
      </p>
      {done.length > 0 && (
        <details className="queue-done__details">
          <summary>
            Show the {done.length} finished appointment{done.length === 1 ? '' : 's'}
          </summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Patient</th>
                <th scope="col">Provider</th>
                <th scope="col">Status</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {done.map((a) => (
                <tr key={a.id}>
                  <td>{formatTime(a.startAt, lookup.zone)}</td>
                  <td>
                    <button type="button" className="queue-item__patient" onClick={() => onOpenPatient(a)}>
                      {a.patientName}
                    </button>
                  </td>
                  <td>{lookup.provider(a.providerId)?.displayName ?? 'Unknown provider'}</td>
                  <td>
                    <span className={`badge badge--${a.status}`}>{statusLabels[a.status as AppointmentStatus] ?? a.status}</span>
                  </td>
                  <td>
                    {a.status === 'completed' && a.completedAt
                      ? `Finished ${formatTime(a.completedAt, lookup.zone)}`
                      : (a.statusReason ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
