/**
 * The trail as a table, newest first: when (clinic time), who, what in words
 * (with the API method underneath for the precise record), which patient,
 * from which workstation and how it ended. Denied and failed entries carry a
 * red badge with the word, never colour alone.
 */
import type { AuditEvent } from '../../../../main/contract';
import { actionLabel, auditTime, isAlarming, outcomeLabel, shortWorkstation } from './auditText';

interface AuditTableProps {
  events: AuditEvent[];
  caption: string;
  zone: string;
  patientName(id: string): string;
}

export function AuditTable({ events, caption, zone, patientName }: AuditTableProps) {
  return (
    <div className="audit__table-wrap">
      <table className="table audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Patient</th>
            <th scope="col">Workstation</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={isAlarming(e.outcome) ? 'audit-table__row--alarm' : undefined}>
              <td className="audit-table__time">
                <time dateTime={e.at}>{auditTime(e.at, zone)}</time>
              </td>
              <td>{e.userName ?? <span className="audit-table__none">No user (not signed in)</span>}</td>
              <td>
                {actionLabel(e.action)}
                <span className="audit-table__method">{e.method}</span>
              </td>
              <td>{e.patientId ? patientName(e.patientId) : <span aria-label="No patient">—</span>}</td>
              <td>
                <span className="audit-table__workstation" title={e.workstation}>
                  {shortWorkstation(e.workstation)}
                </span>
              </td>
              <td>
                <span className={`badge ${isAlarming(e.outcome) ? 'audit-badge--alarm' : 'audit-badge--ok'}`}>
                  {outcomeLabel(e.outcome)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
