/**
 * The problem list: active problems first, each with its code and onset;
 * resolved ones folded away below. Resolving asks for the date; "entered in
 * error" takes a problem off the list without pretending it resolved.
 */
import { useState } from 'react';
import type { Problem } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { ChangeStatusDialog } from './ChangeStatusDialog';
import { capitalize, problemSaveInput, splitProblems, todayIn } from './clinicalText';
import { Panel, PastEntries } from './Panel';
import { ProblemDialog } from './ProblemDialog';

type Change = { problem: Problem; to: 'resolved' | 'entered_in_error' };

export function ProblemsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const problems = useApi('problems.list', { patientId });
  const save = useApiMutation('problems.save');
  const [adding, setAdding] = useState(false);
  const [change, setChange] = useState<Change | null>(null);
  const { current, past } = splitProblems(problems.data?.problems ?? []);

  return (
    <Panel
      title="Problems"
      pending={problems.isPending}
      error={problems.error}
      actions={
        canWrite && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add problem
          </button>
        )
      }
    >
      {current.length === 0 ? (
        <Empty>No active problems recorded.</Empty>
      ) : (
        <ul className="clinical-list" aria-label="Active problems">
          {current.map((problem) => (
            <li key={problem.id} className="clinical-row">
              <ProblemText problem={problem} />
              {canWrite && (
                <div className="clinical-row__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Resolve ${problem.title}…`}
                    onClick={() => setChange({ problem, to: 'resolved' })}
                  >
                    Resolve…
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Mark ${problem.title} entered in error…`}
                    onClick={() => setChange({ problem, to: 'entered_in_error' })}
                  >
                    Entered in error…
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <PastEntries label="Resolved problems" count={past.length}>
        <ul className="clinical-list clinical-list--past" aria-label="Resolved problems">
          {past.map((problem) => (
            <li key={problem.id} className="clinical-row">
              <ProblemText problem={problem} />
            </li>
          ))}
        </ul>
      </PastEntries>
      <ProblemDialog
        patientId={patientId}
        listedCodes={current.flatMap((p) => (p.code ? [p.code] : []))}
        open={adding}
        onClose={() => setAdding(false)}
      />
      <ChangeStatusDialog
        title={change?.to === 'resolved' ? 'Resolve problem' : 'Mark problem entered in error'}
        open={change !== null}
        onClose={() => setChange(null)}
        confirmLabel={change?.to === 'resolved' ? 'Resolve' : 'Mark entered in error'}
        danger={change?.to === 'entered_in_error'}
        date={change?.to === 'resolved' ? { label: 'Resolved on', initial: todayIn(zone), path: 'resolvedDate' } : undefined}
        submit={({ date }) =>
          change
            ? save.mutateAsync({
                ...problemSaveInput(patientId, change.problem),
                status: change.to,
                resolvedDate: change.to === 'resolved' ? date : null,
              })
            : Promise.resolve()
        }
      >
        {change && (
          <>
            <ProblemText problem={change.problem} />
            {change.to === 'entered_in_error' && (
              <p>It leaves the problem list: use this only for an entry that was never true for this patient.</p>
            )}
          </>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}

function ProblemText({ problem }: { problem: Problem }) {
  const when = [
    problem.onsetDate ? `since ${formatDate(problem.onsetDate)}` : null,
    problem.resolvedDate ? `resolved ${formatDate(problem.resolvedDate)}` : null,
    problem.status !== 'active' && problem.status !== 'resolved' ? capitalize(problem.status.replace(/_/g, ' ')) : null,
  ].filter(Boolean);
  return (
    <div className="clinical-row__main">
      {problem.code && <span className="clinical-code clinical-mono">{problem.code}</span>}
      <span className="clinical-row__title">{problem.title}</span>
      {when.length > 0 && <div className="clinical-row__detail clinical-muted">{when.join(' · ')}</div>}
      {problem.note && <div className="clinical-row__detail">{problem.note}</div>}
    </div>
  );
}
