/**
 * Immunizations, newest first: what was given (or refused) and when, with
 * the lot, site and route in small print for a recall. A dose reported from
 * elsewhere is tagged "historical" so nobody takes it for one given here; a
 * refusal is marked in words. A wrong entry leaves the list only through a
 * confirmation, and stays in the record as entered in error.
 */
import { useState } from 'react';
import type { Immunization } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { ChangeStatusDialog } from './ChangeStatusDialog';
import { ImmunizationDialog } from './ImmunizationDialog';
import { Panel } from './Panel';
import { immunizationDetail, immunizationStatusInput, immunizationStatusLabel, sortImmunizations, sourceTag } from './resultsText';
import './results.css';

export function ImmunizationsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const immunizations = useApi('immunizations.list', { patientId });
  const save = useApiMutation('immunizations.save');
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Immunization | null>(null);
  const shots = sortImmunizations(immunizations.data?.immunizations ?? []);

  return (
    <Panel
      title="Immunizations"
      className="clinical-immunizations"
      pending={immunizations.isPending}
      error={immunizations.error}
      actions={
        canWrite && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Record immunization
          </button>
        )
      }
    >
      {shots.length === 0 ? (
        <Empty>No immunizations recorded.</Empty>
      ) : (
        <ul className="clinical-list" aria-label="Immunizations">
          {shots.map((shot) => (
            <li key={shot.id} className={`clinical-row${shot.status === 'refused' ? ' clinical-shot--refused' : ''}`}>
              <ShotText shot={shot} />
              {canWrite && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Mark ${shot.vaccine} of ${formatDate(shot.administeredOn)} entered in error…`}
                  onClick={() => setWithdrawing(shot)}
                >
                  Entered in error…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ImmunizationDialog patientId={patientId} zone={zone} open={adding} onClose={() => setAdding(false)} />
      <ChangeStatusDialog
        title="Mark immunization entered in error"
        open={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        confirmLabel="Mark entered in error"
        danger
        submit={() =>
          withdrawing ? save.mutateAsync(immunizationStatusInput(patientId, withdrawing, 'entered_in_error')) : Promise.resolve()
        }
      >
        {withdrawing && (
          <>
            <ShotText shot={withdrawing} />
            <p>It leaves the immunization list: use this only for an entry that was never true for this patient.</p>
          </>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}

function ShotText({ shot }: { shot: Immunization }) {
  const status = immunizationStatusLabel(shot.status);
  const detail = immunizationDetail(shot);
  return (
    <div className="clinical-row__main">
      <span className="clinical-row__title">{shot.vaccine}</span>
      {status && <span className="badge clinical-badge--refused">{status}</span>}
      {sourceTag(shot.source) && <span className="badge clinical-badge--source">{sourceTag(shot.source)}</span>}
      <div className="clinical-row__detail">
        {formatDate(shot.administeredOn)}
        {detail && <span className="clinical-muted clinical-small"> · {detail}</span>}
      </div>
    </div>
  );
}
