/**
 * One conflict as a card: a heading naming it, what happened in one sentence,
 * whether it still clashes, the two sides, and the answers that fit its kind.
 * An answer that the core would refuse while the clash is still there (a
 * double booking "rebooked", a login "renamed") is offered disabled with the
 * step to take first, rather than sent to be refused.
 */
import { useId, useState } from 'react';
import type { Conflict, ConflictResolution, Reference } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
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
      return [
        { resolution: 'different_people', label: 'Different people' },
        {
          resolution: 'same_person',
          label: 'Same person',
          hint: 'Merging records is not available yet; mark it so a manager can follow up.',
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
      {family === 'duplicate_patient' && <PatientSides patients={conflict.patients} />}
      {family === 'duplicate_login' && <UserSides users={conflict.users} />}
      {family === 'edit_after_delete' && conflict.patients.length > 0 && <PatientSides patients={conflict.patients} single />}
      <CardLinks conflict={conflict} zone={zone} />
      {open && <ResolveForm conflict={conflict} title={title} onResolved={onResolved} />}
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

/** Where to go to act on it: the calendar on that day, or the users list while a login is still shared. */
function CardLinks({ conflict, zone }: { conflict: Conflict; zone: string }) {
  const { navigate } = useNavigation();
  const session = useSession();
  const family = familyOf(conflict.kind);
  const [first] = conflict.appointments;
  const calendar = family === 'double_booking' && first && session.can('schedule.read');
  const users = family === 'duplicate_login' && conflict.current && conflict.resolvedAt === null && session.can('users.manage');
  if (!calendar && !users) return null;
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
    </div>
  );
}

function ResolveForm({ conflict, title, onResolved }: { conflict: Conflict; title: string; onResolved(c: Conflict): void }) {
  const resolve = useApiMutation('conflicts.resolve');
  const [note, setNote] = useState('');
  const hintBase = useId();
  const choices = choicesFor(conflict).map((c, i) => ({ ...c, hintText: c.blocked ?? c.hint, hintId: `${hintBase}-${i}` }));
  if (choices.length === 0) return null;

  function choose(resolution: ConflictResolution) {
    resolve.mutate({ id: conflict.id, resolution, note: note.trim() || undefined }, { onSuccess: onResolved });
  }

  return (
    <div className="conflict-resolve" role="group" aria-label={`Resolve: ${title}`}>
      <div className="conflict-resolve__row">
        <div className="conflict-resolve__note">
          <TextInput label="Note (optional)" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="conflict-resolve__buttons">
          {choices.map((c) => (
            <button
              key={c.resolution}
              type="button"
              className={`button${c.primary && !c.blocked ? ' button--primary' : ''}`}
              disabled={Boolean(c.blocked) || resolve.isPending}
              aria-describedby={c.hintText ? c.hintId : undefined}
              onClick={() => choose(c.resolution)}
            >
              {resolve.isPending && resolve.variables.resolution === c.resolution ? 'Saving…' : c.label}
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
      <ErrorMessage error={resolve.error} />
    </div>
  );
}
