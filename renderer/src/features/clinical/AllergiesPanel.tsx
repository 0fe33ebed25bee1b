/**
 * Allergies in their three states, each unmistakable: a red list of what the
 * patient reacts to; the recorded statement "no known allergies" with who
 * stated it and when; or an amber "not recorded", which is not the same as
 * none and offers both answers. An allergy comes off the list only through a
 * dialog that asks whether it was wrong or is no longer true.
 */
import { useState } from 'react';
import type { Allergy } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { AllergyDialog } from './AllergyDialog';
import { ChangeStatusDialog } from './ChangeStatusDialog';
import { allergyReaction, allergyStatusInput, capitalize } from './clinicalText';
import { Panel } from './Panel';

export function AllergiesPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const session = useSession();
  const canWrite = session.can('chart.write');
  const allergies = useApi('allergies.list', { patientId });
  const noneKnown = useApiMutation('allergies.noneKnown');
  const statement = useServerForm();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Allergy | null>(null);
  const save = useApiMutation('allergies.save');
  const state = allergies.data?.state;

  return (
    <Panel
      title="Allergies"
      className={`clinical-allergies clinical-allergies--${state ?? 'loading'}`}
      pending={allergies.isPending}
      error={allergies.error}
      actions={
        // Not recorded: both answers sit together in the amber box instead.
        canWrite &&
        state !== 'not_recorded' && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add allergy
          </button>
        )
      }
    >
      <ErrorMessage error={statement.error} />
      {allergies.data?.state === 'recorded' && (
        <>
          <p className="clinical-allergies__headline">
            <span aria-hidden="true">⚠ </span>
            Allergies: {allergies.data.allergies.map((a) => a.substance).join(', ')}
          </p>
          <ul className="clinical-list" aria-label="Allergies">
            {allergies.data.allergies.map((allergy) => (
              <li key={allergy.id} className="clinical-row">
                <div className="clinical-row__main">
                  <span className="clinical-row__title">{allergy.substance}</span>
                  {allergy.drugClass && <span className="clinical-muted"> · {capitalize(allergy.drugClass)}</span>}
                  <div className="clinical-row__detail">
                    {allergyReaction(allergy) ? capitalize(allergyReaction(allergy)) : 'Reaction not stated'}
                    <span className="clinical-muted">
                      {' '}
                      · {capitalize(allergy.category)} · recorded by {allergy.recordedByName}, {formatDateTime(allergy.recordedAt, zone)}
                    </span>
                  </div>
                </div>
                {canWrite && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Remove ${allergy.substance}…`}
                    onClick={() => setRemoving(allergy)}
                  >
                    Remove…
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {allergies.data?.state === 'none_known' && (
        <p className="clinical-allergies__headline">
          No known allergies
          {allergies.data.noneKnown && (
            <span className="clinical-muted clinical-allergies__who">
              {' '}
              (recorded by {allergies.data.noneKnown.recordedByName} on {formatDateTime(allergies.data.noneKnown.recordedAt, zone)})
            </span>
          )}
        </p>
      )}
      {allergies.data?.state === 'not_recorded' && (
        <div className="clinical-allergies__unknown">
          <p className="clinical-allergies__headline">
            <span aria-hidden="true">⚠ </span>Allergies not recorded
          </p>
          <p>Ask the patient. “Not recorded” is not the same as “no known allergies”: prescribing cannot check what is not here.</p>
          {canWrite && (
            <div className="clinical-inline-actions">
              <button
                type="button"
                className="button"
                disabled={statement.busy}
                onClick={() => void statement.run(() => noneKnown.mutateAsync({ patientId }))}
              >
                No known allergies
              </button>
              <button type="button" className="button" onClick={() => setAdding(true)}>
                Add allergy
              </button>
            </div>
          )}
        </div>
      )}
      <AllergyDialog patientId={patientId} open={adding} onClose={() => setAdding(false)} />
      <ChangeStatusDialog
        title="Remove allergy"
        open={removing !== null}
        onClose={() => setRemoving(null)}
        confirmLabel="Remove from the list"
        danger
        choices={[
          { value: 'inactive', label: 'No longer allergic (kept in the record as inactive)' },
          { value: 'entered_in_error', label: 'Entered in error (it was never true)' },
        ]}
        submit={({ choice }) =>
          removing
            ? save.mutateAsync(allergyStatusInput(patientId, removing, choice === 'entered_in_error' ? 'entered_in_error' : 'inactive'))
            : Promise.resolve()
        }
      >
        {removing && (
          <p>
            <strong>{removing.substance}</strong>
            {allergyReaction(removing) && <> ({allergyReaction(removing)})</>}
          </p>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}
