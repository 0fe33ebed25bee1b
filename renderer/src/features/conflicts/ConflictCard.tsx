/**
 * One conflict as a card: a heading naming it, what happened in one sentence,
 * whether it still clashes, the two sides, and the answers that fit its kind.
 * An answer that the core would refuse while the clash is still there (a
 * double booking "rebooked", a login "renamed") is offered disabled with the
 * step to take first, rather than sent to be refused. A patient registered
 * twice is settled on its sides: "Keep this record" merges the other record
 * into it (after asking) and resolves the conflict as the same person.
 */
import { useId, useState } from 'react';
import type { ApiError, Conflict, ConflictResolution, PatientSummary, Reference } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { mergeNote, mergeQuestion } from '../patients/mergeText';
import { localParts } from '../schedule/clinicTime';
import { AppointmentSides, PatientSides, UserSides } from './ConflictSides';
import { conflictSummary, conflictTitle, currentState, familyOf, resolutionLabel, resolvedLine } from './conflictText';

interface Choice {
  resolution: ConflictResolution;
  label: string;
  primary?: boolean;
  /** Why it cannot be chosen yet (the button is disabled and says so). */
  blocked?: string | null;
  /** What choosing it means, when that is not obvious. */
  hint?: string;
}

function choicesFor(conflict: Conflict): Choice[] {
  switch (familyOf(conflict.kind)) {
    case 'double_booking':
      return [
        { resolution: 'kept_both', label: 'Keep both' },
        {
          resolution: 'rebooked',
          label: 'Mark as rebooked',
          primary: true,
          blocked: conflict.current ? 'Move or cancel one of them first.' : null,
        },
      ];
    case 'duplicate_patient':
      // While both records are open, "same person" is answered by "Keep this record" on one side (a merge).
      return conflict.current
        ? [
            {
              resolution: 'different_people',
              label: 'Different people',
              hint: 'The same person? Choose “Keep this record” on the record to keep: the other one is merged into it.',
            },
          ]
        : [
            { resolution: 'different_people', label: 'Different people' },
            {
              resolution: 'same_person',
              label: 'Same person',
              hint: 'One of the records has since been merged or changed: nothing is left to merge.',
            },
          ];
    case 'duplicate_login':
      return [
        {
          resolution: 'renamed',
          label: 'Mark as renamed',
          primary: true,
          blocked: conflict.current ? 'In Admin › Users, disable one of the two accounts and give that person a new login first.' : null,
        },
      ];
    case 'edit_after_delete':
      return [
        { resolution: 'restored', label: 'Restore it (with the edits)', primary: true },
        { resolution: 'kept_deleted', label: 'Keep it deleted' },
      ];
    case 'edit_after_sign':
      return [
        {
          resolution: 'reviewed',
          label: 'Mark as reviewed',
          primary: true,
          hint: 'The edits are in the note’s addenda, flagged “Edited on another workstation after signing”. Nothing else needs to change.',
        },
      ];
    case 'duplicate_encounter':
      return [
        {
          resolution: 'reviewed',
          label: 'Mark as reviewed',
          primary: true,
          hint: 'Open the chart, finish and sign the right encounter’s note; an unused draft can stay unsigned.',
        },
      ];
    case 'ledger_finding':
      return [
        {
          resolution: 'reviewed',
          label: 'Mark as reviewed',
          primary: true,
          hint: 'Nothing was changed or summed twice. If a posting is wrong, reverse it in the patient’s account first.',
        },
      ];
    case 'opposite_merges':
      return [
        {
          resolution: 'unmerged',
          label: 'Mark as settled',
          primary: true,
          blocked: conflict.current ? 'Undo one of the two merges first, from the record you want to keep.' : null,
        },
      ];
    default:
      return [];
  }
}

interface Props {
  conflict: Conflict;
  reference: Reference;
  onResolved(conflict: Conflict): void;
}

export function ConflictCard({ conflict, reference, onResolved }: Props) {
  const titleId = useId();
  const zone = reference.clinic.timeZone;
  const family = familyOf(conflict.kind);
  const open = conflict.resolvedAt === null;
  const title = conflictTitle(conflict);
  const state = currentState(conflict);
  const tone = open ? (conflict.current ? 'current' : 'settled') : 'past';
  const session = useSession();
  const [note, setNote] = useState('');
  const resolve = useApiMutation('conflicts.resolve');
  const merge = useApiMutation('patients.merge');
  const [keeping, setKeeping] = useState<PatientSummary | null>(null);
  const mergeable =
    family === 'duplicate_patient' && open && conflict.current && conflict.patients.length === 2 && session.can('patients.write');
  const retiring = keeping ? conflict.patients.find((p) => p.id !== keeping.id) : undefined;
  const busy = resolve.isPending || merge.isPending;

  function settle(resolution: ConflictResolution, noteText: string) {
    // Not mutate's per-call onSuccess: the sync event of this very change can refetch the list and unmount
    // this card before the answer arrives, and react-query then drops per-call callbacks (no announcement).
    return resolve
      .mutateAsync({ id: conflict.id, resolution, note: noteText.trim() || undefined })
      .then(onResolved)
      .catch(() => undefined); // the error is shown from resolve.error
  }

  async function confirmMerge(surviving: PatientSummary, retired: PatientSummary) {
    try {
      await merge.mutateAsync({ retiredId: retired.id, survivingId: surviving.id });
    } catch {
      return; // shown in the dialog from merge.error
    }
    setKeeping(null);
    await settle('same_person', mergeNote(retired.mrn, surviving.mrn, note));
  }

  return (
    <article
      className={`conflict-card${open ? '' : ' conflict-card--resolved'}${open && conflict.current ? ' conflict-card--current' : ''}`}
      aria-labelledby={titleId}
    >
      <header className="conflict-card__header">
        <h3 id={titleId} className="conflict-card__title">
          {title}
        </h3>
        <span className="conflict-card__found">Found {formatDateTime(conflict.detectedAt, zone)}</span>
      </header>
      <p className="conflict-card__summary">{conflictSummary(conflict, zone)}</p>
      {!open && <Resolution conflict={conflict} zone={zone} />}
      {state && <p className={`conflict-card__state conflict-card__state--${tone}`}>{state}</p>}
      {family === 'double_booking' && <AppointmentSides appointments={conflict.appointments} reference={reference} />}
      {family === 'duplicate_patient' && (
        <PatientSides
          patients={conflict.patients}
          onKeep={
            mergeable
              ? (p) => {
                  merge.reset();
                  setKeeping(p);
                }
              : undefined
          }
          keepDisabled={busy}
        />
      )}
      {family === 'duplicate_login' && <UserSides users={conflict.users} />}
      {family === 'opposite_merges' && <PatientSides patients={conflict.patients} />}
      {['edit_after_delete', 'edit_after_sign', 'duplicate_encounter', 'ledger_finding'].includes(family) &&
        conflict.patients.length > 0 && <PatientSides patients={conflict.patients} single />}
      <CardLinks conflict={conflict} zone={zone} />
      {open && (
        <ResolveForm
          conflict={conflict}
          title={title}
          note={note}
          onNote={setNote}
          busy={busy}
          pending={resolve.isPending ? resolve.variables.resolution : null}
          error={resolve.error}
          onChoose={(resolution) => void settle(resolution, note)}
        />
      )}
      <Dialog title="Merge the two records?" open={keeping !== null && retiring !== undefined} onClose={() => setKeeping(null)}>
        {keeping && retiring && (
          <>
            <p>{mergeQuestion(retiring.mrn, keeping.mrn)}</p>
            <ErrorMessage error={merge.error} />
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setKeeping(null)}>
                Cancel
              </button>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void confirmMerge(keeping, retiring)}>
                {merge.isPending ? 'Merging…' : `Merge into ${keeping.mrn}`}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </article>
  );
}

function Resolution({ conflict, zone }: { conflict: Conflict; zone: string }) {
  return (
    <div className="conflict-card__resolution">
      <p>
        <strong>{resolutionLabel(conflict.resolution)}</strong>
        <span className="conflict-card__who"> · {resolvedLine(conflict, zone)}</span>
      </p>
      {conflict.note && <p className="conflict-card__note">Note: {conflict.note}</p>}
    </div>
  );
}

/** Where to go to act on it: the calendar on that day, the users list while a login is still shared, or the edited note. */
function CardLinks({ conflict, zone }: { conflict: Conflict; zone: string }) {
  const { navigate } = useNavigation();
  const session = useSession();
  const family = familyOf(conflict.kind);
  const [first] = conflict.appointments;
  const calendar = family === 'double_booking' && first && session.can('schedule.read');
  const users = family === 'duplicate_login' && conflict.current && conflict.resolvedAt === null && session.can('users.manage');
  const [patient] = conflict.patients;
  const chart =
    (family === 'edit_after_sign' || family === 'duplicate_encounter') && patient && session.can('chart.read')
      ? { patientId: patient.id, encounterId: conflict.encounterId }
      : null;
  const account = family === 'ledger_finding' && patient && session.can('billing.read') ? patient.id : null;
  if (!calendar && !users && !chart && !account) return null;
  return (
    <div className="conflict-card__links">
      {calendar && (
        <button
          type="button"
          className="button"
          onClick={() => navigate({ screen: 'schedule', date: localParts(first.startAt, zone).date })}
        >
          Open in calendar
        </button>
      )}
      {users && (
        <button type="button" className="button" onClick={() => navigate({ screen: 'admin' })}>
          Open Admin › Users
        </button>
      )}
      {chart && (
        <button
          type="button"
          className="button"
          onClick={() =>
            navigate({ screen: 'chart', patientId: chart.patientId, ...(chart.encounterId ? { encounterId: chart.encounterId } : {}) })
          }
        >
          Open the note in the chart
        </button>
      )}
      {account && (
        <button type="button" className="button" onClick={() => navigate({ screen: 'billing', patientId: account })}>
          Open the patient’s account
        </button>
      )}
    </div>
  );
}

interface ResolveFormProps {
  conflict: Conflict;
  title: string;
  note: string;
  onNote(note: string): void;
  busy: boolean;
  /** The answer being saved, if any. */
  pending: ConflictResolution | null;
  error: ApiError | null;
  onChoose(resolution: ConflictResolution): void;
}

function ResolveForm({ conflict, title, note, onNote, busy, pending, error, onChoose }: ResolveFormProps) {
  const hintBase = useId();
  const choices = choicesFor(conflict).map((c, i) => ({ ...c, hintText: c.blocked ?? c.hint, hintId: `${hintBase}-${i}` }));
  if (choices.length === 0) return null;

  return (
    <div className="conflict-resolve" role="group" aria-label={`Resolve: ${title}`}>
      <div className="conflict-resolve__row">
        <div className="conflict-resolve__note">
          <TextInput label="Note (optional)" value={note} maxLength={500} onChange={(e) => onNote(e.target.value)} />
        </div>
        <div className="conflict-resolve__buttons">
          {choices.map((c) => (
            <button
              key={c.resolution}
              type="button"
              className={`button${c.primary && !c.blocked ? ' button--primary' : ''}`}
              disabled={Boolean(c.blocked) || busy}
              aria-describedby={c.hintText ? c.hintId : undefined}
              onClick={() => onChoose(c.resolution)}
            >
              {pending === c.resolution ? 'Saving…' : c.label}
            </button>
          ))}
        </div>
      </div>
      {choices.map(
        (c) =>
          c.hintText && (
            <p key={c.resolution} id={c.hintId} className={`conflict-resolve__hint${c.blocked ? ' conflict-resolve__hint--blocked' : ''}`}>
              {c.hintText}
            </p>
          ),
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
