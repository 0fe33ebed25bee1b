/**
 * What a merge means on a patient's record: a retired duplicate says which
 * record it was merged into (with a way there and a way back), and a
 * surviving record lists the duplicates merged into it, each of which can be
 * made a record of its own again. Every undo asks first.
 */
import { useState } from 'react';
import { patientDisplayName, type Patient, type PatientSummary } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/feedback';
import { unmergeQuestion } from './mergeText';

/** "This record was merged into …", on a retired record. */
export function MergedIntoBanner({ patient }: { patient: Patient }) {
  const { navigate } = useNavigation();
  const session = useSession();
  const survivorId = patient.mergedInto;
  const survivor = useApi('patients.get', { id: survivorId ?? '' }, { enabled: survivorId !== null });
  const [confirming, setConfirming] = useState(false);
  if (!survivorId) return null;
  const target = survivor.data ? `${patientDisplayName(survivor.data)} (MRN ${survivor.data.mrn})` : 'the surviving record';
  return (
    <div className="warning-banner merge-banner" role="note" aria-label="Merged record">
      <span>
        <strong>This record was merged into </strong>
        <button type="button" className="patients-link" onClick={() => navigate({ screen: 'patients', patientId: survivorId })}>
          {target}
        </button>
        . Its appointments are listed there; open that record to book or edit.
      </span>
      {session.can('patients.write') && (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          Undo merge
        </button>
      )}
      <UnmergeDialog open={confirming} retired={patient} survivingMrn={survivor.data?.mrn ?? null} onClose={() => setConfirming(false)} />
    </div>
  );
}

/** The duplicates merged into this record, on the surviving record. */
export function MergedRecords({ patient }: { patient: Patient }) {
  const { navigate } = useNavigation();
  const session = useSession();
  const [undoing, setUndoing] = useState<PatientSummary | null>(null);
  if (patient.mergedFrom.length === 0) return null;
  return (
    <section className="patients-panel merge-records" aria-labelledby="merged-records-title">
      <h2 id="merged-records-title">Merged records</h2>
      <p className="patients-muted">Duplicates merged into this record: their appointments are listed with this patient.</p>
      <ul className="merge-records__list">
        {patient.mergedFrom.map((m) => (
          <li key={m.id} className="merge-records__item">
            <button type="button" className="patients-link" onClick={() => navigate({ screen: 'patients', patientId: m.id })}>
              {patientDisplayName(m)}
            </button>
            <span>
              <span className="patient-detail__fact-label">MRN</span> <span className="patients-mono">{m.mrn}</span>
            </span>
            {session.can('patients.write') && (
              <button
                type="button"
                className="button button--small"
                aria-label={`Undo merge of record ${m.mrn}`}
                onClick={() => setUndoing(m)}
              >
                Undo merge
              </button>
            )}
          </li>
        ))}
      </ul>
      <UnmergeDialog open={undoing !== null} retired={undoing} survivingMrn={patient.mrn} onClose={() => setUndoing(null)} />
    </section>
  );
}

interface UnmergeDialogProps {
  open: boolean;
  retired: Pick<PatientSummary, 'id' | 'mrn'> | null;
  survivingMrn: string | null;
  onClose(): void;
}

function UnmergeDialog({ open, retired, survivingMrn, onClose }: UnmergeDialogProps) {
  const unmerge = useApiMutation('patients.unmerge');
  function close() {
    unmerge.reset();
    onClose();
  }
  function confirm(id: string) {
    // The hook's onSuccess refetches every patient query on screen (this record, the survivor, appointments).
    unmerge
      .mutateAsync({ id })
      .then(close)
      .catch(() => undefined); // shown from unmerge.error
  }
  return (
    <Dialog title="Undo the merge?" open={open && retired !== null} onClose={close}>
      {retired && (
        <>
          <p>{unmergeQuestion(retired.mrn, survivingMrn)}</p>
          <ErrorMessage error={unmerge.error} />
          <div className="form-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="button button--primary" disabled={unmerge.isPending} onClick={() => confirm(retired.id)}>
              {unmerge.isPending ? 'Undoing…' : 'Undo merge'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
