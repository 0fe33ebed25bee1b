/** Every break-glass opening of a chart, with who, whose chart, when and why: for the managers to review. */
import { useApi } from '../../api/hooks';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { clinicTimestamp } from './auditText';

export function EmergencyAccesses({ zone }: { zone: string }) {
  const list = useApi('audit.emergencyAccesses', {});
  if (list.isPending) return <Loading label="Reading emergency accesses…" />;
  if (list.error) return <ErrorMessage error={list.error} />;
  const { accesses } = list.data;
  if (accesses.length === 0) return null;
  return (
    <section className="audit__emergency" aria-labelledby="audit-emergency-title">
      <h2 id="audit-emergency-title">Emergency access to charts ({accesses.length})</h2>
      <table className="table">
        <caption className="visually-hidden">Charts opened by break-glass, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Patient</th>
            <th scope="col">Reason given</th>
          </tr>
        </thead>
        <tbody>
          {accesses.map((a) => (
            <tr key={a.id}>
              <td>{clinicTimestamp(a.grantedAt, zone)}</td>
              <td>{a.userName}</td>
              <td>{a.patientName}</td>
              <td>{a.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
