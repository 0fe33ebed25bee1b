/**
 * The medication list: what the patient takes now, each with its directions,
 * start date and prescriber; stopped medications folded away below.
 * Stopping asks for the date; "entered in error" takes a prescription that
 * should never have been on the list off it.
 */
import { useState } from 'react';
import type { Medication } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { ChangeStatusDialog } from './ChangeStatusDialog';
import { capitalize, medicationDirections, medicationSaveInput, splitMedications, todayIn } from './clinicalText';
import { Panel, PastEntries } from './Panel';
import { PrescribeDialog } from './PrescribeDialog';

type Change = { medication: Medication; to: 'stopped' | 'entered_in_error' };

export function MedicationsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const medications = useApi('medications.list', { patientId });
  const save = useApiMutation('medications.save');
  const [prescribing, setPrescribing] = useState(false);
  const [change, setChange] = useState<Change | null>(null);
  const { current, past } = splitMedications(medications.data?.medications ?? []);
  const stopping = change?.to === 'stopped';

  return (
    <Panel
      title="Medications"
      pending={medications.isPending}
      error={medications.error}
      actions={
        canWrite && (
          <button type="button" className="button button--small" onClick={() => setPrescribing(true)}>
            Prescribe
          </button>
        )
      }
    >
      {current.length === 0 ? (
        <Empty>No current medications recorded.</Empty>
      ) : (
        <ul className="clinical-list" aria-label="Current medications">
          {current.map((medication) => (
            <li key={medication.id} className="clinical-row">
              <MedicationText medication={medication} />
              {canWrite && (
                <div className="clinical-row__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Stop ${medication.name}…`}
                    onClick={() => setChange({ medication, to: 'stopped' })}
                  >
                    Stop…
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Mark ${medication.name} entered in error…`}
                    onClick={() => setChange({ medication, to: 'entered_in_error' })}
                  >
                    Entered in error…
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <PastEntries label="Stopped medications" count={past.length}>
        <ul className="clinical-list clinical-list--past" aria-label="Stopped medications">
          {past.map((medication) => (
            <li key={medication.id} className="clinical-row">
              <MedicationText medication={medication} />
            </li>
          ))}
        </ul>
      </PastEntries>
      <PrescribeDialog patientId={patientId} zone={zone} open={prescribing} onClose={() => setPrescribing(false)} />
      <ChangeStatusDialog
        title={stopping ? 'Stop medication' : 'Mark medication entered in error'}
        open={change !== null}
        onClose={() => setChange(null)}
        confirmLabel={stopping ? 'Stop medication' : 'Mark entered in error'}
        danger={!stopping}
        date={stopping ? { label: 'Stopped on', initial: todayIn(zone), path: 'stopDate' } : undefined}
        submit={({ date }) =>
          change
            ? save.mutateAsync({
                ...medicationSaveInput(patientId, change.medication),
                status: change.to,
                ...(stopping ? { stopDate: date } : {}),
              })
            : Promise.resolve()
        }
      >
        {change && (
          <>
            <MedicationText medication={change.medication} />
            {!stopping && <p>It leaves the medication list: use this only for a prescription recorded by mistake.</p>}
          </>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}

function MedicationText({ medication }: { medication: Medication }) {
  const directions = medicationDirections(medication);
  const history = [
    medication.startDate ? `since ${formatDate(medication.startDate)}` : null,
    medication.stopDate ? `stopped ${formatDate(medication.stopDate)}` : null,
    medication.prescriberName ? `by ${medication.prescriberName}` : null,
    medication.status !== 'active' && medication.status !== 'stopped' ? capitalize(medication.status.replace(/_/g, ' ')) : null,
  ].filter(Boolean);
  return (
    <div className="clinical-row__main">
      <span className="clinical-row__title">{medication.name}</span>
      {directions && <div className="clinical-row__detail">{directions}</div>}
      {history.length > 0 && <div className="clinical-row__detail clinical-muted">{history.join(' · ')}</div>}
      {medication.note && <div className="clinical-row__detail">{medication.note}</div>}
    </div>
  );
}
