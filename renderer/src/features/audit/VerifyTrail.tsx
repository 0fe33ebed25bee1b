/**
 * "Verify the trail": the core recomputes every workstation's hash chain. The
 * answer stays on screen until the next check, in words a manager can act on
 * ("Workstation abcd…, entry 42: altered"), in an alert when anything is wrong.
 */
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../ui/feedback';
import { problemText } from './auditText';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function VerifyTrail() {
  const verify = useApiMutation('audit.verify');
  const result = verify.data;
  return (
    <section className="audit-verify" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title" className="visually-hidden">
        Verify the trail
      </h2>
      <button type="button" className="button" disabled={verify.isPending} aria-busy={verify.isPending} onClick={() => verify.mutate({})}>
        {verify.isPending ? 'Verifying…' : 'Verify the trail'}
      </button>
      <div role="status" aria-live="polite">
        {result && result.problems.length === 0 && (
          <div className="success-banner">
            {count(result.rows, 'row', 'rows')} on {count(result.workstations, 'workstation', 'workstations')}: intact.
          </div>
        )}
      </div>
      {result && result.problems.length > 0 && (
        <div className="error-banner audit-verify__problems" role="alert">
          <strong>
            The trail is not intact: {count(result.problems.length, 'problem', 'problems')} in {count(result.rows, 'row', 'rows')} on{' '}
            {count(result.workstations, 'workstation', 'workstations')}.
          </strong>
          <ul>
            {result.problems.map((p) => (
              <li key={`${p.workstation}-${p.seq}-${p.problem}`}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage error={verify.error} />
    </section>
  );
}
