/**
 * Care gaps on the chart summary: preventive care the patient is due for,
 * overdue first, each with when it fell due and when it was last done. The
 * reason (the rule and its source) opens on demand, so the list stays short
 * to scan; what the chart cannot show is recorded as an outcome (done
 * elsewhere, declined, not applicable) and can be withdrawn from the list of
 * recorded outcomes below.
 */
import { useState } from 'react';
import type { CareGap, CareGapOutcome } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { todayIn } from '../clinical/clinicalText';
import { Panel, PastEntries } from '../clinical/Panel';
import { localParts } from '../schedule/clinicTime';
import { dueLine, lastDoneLine, outcomeLabel, outcomeLine, statusLabel } from './careGapsText';
import { OutcomeDialog } from './OutcomeDialog';
import './care-gaps.css';

export function CareGapsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const list = useApi('careGaps.list', { patientId });
  const [recording, setRecording] = useState<CareGap | null>(null);
  const data = list.data;

  return (
    <Panel title="Care gaps" className="clinical-care-gaps" pending={list.isPending} error={list.error}>
      {data && (
        <>
          {data.gaps.length === 0 ? (
            <Empty>No care gaps — up to date.</Empty>
          ) : (
            <ul className="clinical-list" aria-label="Care gaps">
              {data.gaps.map((gap) => (
                <GapRow key={gap.ruleId} gap={gap} canWrite={canWrite} onRecord={() => setRecording(gap)} />
              ))}
            </ul>
          )}
          <PastEntries label="Recorded outcomes" count={data.outcomes.length}>
            <Outcomes outcomes={data.outcomes} zone={zone} canWrite={canWrite} />
          </PastEntries>
          <p className="care-gaps__rules">
            Reminders from USPSTF, CDC ACIP and ADA recommendations (rules {data.rulesVersion}); the clinician decides.
          </p>
        </>
      )}
      {recording && <OutcomeDialog patientId={patientId} gap={recording} zone={zone} onClose={() => setRecording(null)} />}
    </Panel>
  );
}

function GapRow({ gap, canWrite, onRecord }: { gap: CareGap; canWrite: boolean; onRecord(): void }) {
  const [open, setOpen] = useState(false);
  const whyId = `care-gap-why-${gap.ruleId}`;
  return (
    <li className={`clinical-row care-gap care-gap--${gap.status}`}>
      <div className="clinical-row__main">
        <span className="clinical-row__title">{gap.title}</span>
        <span className={`badge care-gap__badge care-gap__badge--${gap.status}`}>{statusLabel(gap.status)}</span>
        <div className="clinical-row__detail">
          {dueLine(gap)}
          <span className="clinical-muted"> · {lastDoneLine(gap)}</span>
        </div>
        {open && (
          <div id={whyId} className="care-gap__why">
            <p>{gap.rule}</p>
            <p className="clinical-small">
              <strong>{gap.source.name}:</strong> {gap.source.citation} <span className="care-gap__url">{gap.source.url}</span>
            </p>
          </div>
        )}
      </div>
      <div className="clinical-row__actions">
        <button
          type="button"
          className="button button--small button--ghost"
          aria-expanded={open}
          aria-controls={open ? whyId : undefined}
          aria-label={`Why: ${gap.title}`}
          onClick={() => setOpen(!open)}
        >
          Why?
        </button>
        {canWrite && (
          <button type="button" className="button button--small" aria-label={`Record outcome for ${gap.title}…`} onClick={onRecord}>
            Record outcome…
          </button>
        )}
      </div>
    </li>
  );
}

function Outcomes({ outcomes, zone, canWrite }: { outcomes: CareGapOutcome[]; zone: string; canWrite: boolean }) {
  const withdraw = useApiMutation('careGaps.withdrawOutcome');
  const form = useServerForm();
  const today = todayIn(zone);
  return (
    <>
      <ErrorMessage error={form.error} />
      <ul className="clinical-list clinical-list--past" aria-label="Recorded outcomes">
        {outcomes.map((outcome) => (
          <li key={outcome.id} className="clinical-row">
            <div className="clinical-row__main">
              <span className="clinical-row__title">{outcome.ruleTitle}</span>
              <span className="badge care-gap__badge">{outcomeLabel(outcome.outcome)}</span>
              <div className="clinical-row__detail">
                {outcomeLine(outcome, localParts(outcome.recordedAt, zone).date, today)}
                <span className="clinical-muted">
                  {' '}
                  · recorded by {outcome.recordedBy}
                  {outcome.note ? ` · “${outcome.note}”` : ''}
                </span>
              </div>
            </div>
            {canWrite && (
              <button
                type="button"
                className="button button--small"
                disabled={form.busy}
                aria-label={`Withdraw ${outcomeLabel(outcome.outcome).toLowerCase()} for ${outcome.ruleTitle}`}
                onClick={() => void form.run(() => withdraw.mutateAsync({ id: outcome.id }))}
              >
                Withdraw
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
