/**
 * One-click status changes that are valid from the current status (the same
 * transitions the server allows), plus cancel. The ones that need more — a
 * no-show reason, a cancellation reason and series scope, a room for
 * "In room" when none is set — open a short inline form instead of a dialog.
 */
import { useState } from 'react';
import { ApiError, type ApiErrorShape, type Appointment, type Reference } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';

type SettableStatus = 'booked' | 'arrived' | 'in_room' | 'completed' | 'no_show';

const NEXT: Record<string, { status: SettableStatus; label: string }[]> = {
  booked: [
    { status: 'arrived', label: 'Check in' },
    { status: 'in_room', label: 'In room' },
    { status: 'no_show', label: 'No-show' },
  ],
  arrived: [
    { status: 'in_room', label: 'In room' },
    { status: 'completed', label: 'Complete' },
    { status: 'booked', label: 'Undo check-in' },
  ],
  in_room: [{ status: 'completed', label: 'Complete' }],
  no_show: [{ status: 'booked', label: 'Undo no-show' }],
};

type Pending = { kind: 'no_show' } | { kind: 'in_room' } | { kind: 'cancel' } | null;

interface StatusActionsProps {
  appointment: Appointment;
  reference: Reference;
  onEdit(): void;
  onChanged(message: string): void;
}

export function StatusActions({ appointment: a, reference, onEdit, onChanged }: StatusActionsProps) {
  const session = useSession();
  const setStatus = useApiMutation('appointments.setStatus');
  const cancel = useApiMutation('appointments.cancel');
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [roomId, setRoomId] = useState('');
  const [scope, setScope] = useState<'one' | 'following'>('one');
  const [failure, setFailure] = useState<ApiErrorShape | null>(null);
  const busy = setStatus.isPending || cancel.isPending;
  const canStatus = session.can('schedule.status');
  const canWrite = session.can('schedule.write');
  const canCancel = canWrite && (a.status === 'booked' || a.status === 'arrived');

  async function run(action: () => Promise<unknown>, message: string) {
    setFailure(null);
    try {
      await action();
      setPending(null);
      setReason('');
      onChanged(message);
    } catch (error) {
      setFailure(ApiError.is(error) ? error : new ApiError('INTERNAL', 'Something went wrong. Try again.'));
    }
  }

  function change(status: SettableStatus, label: string) {
    if (status === 'no_show') return setPending({ kind: 'no_show' });
    if (status === 'in_room' && !a.roomId) return setPending({ kind: 'in_room' });
    void run(() => setStatus.mutateAsync({ id: a.id, status }), `${a.patientName}: ${label.toLowerCase()} done.`);
  }

  function confirmPending() {
    if (!pending) return;
    if (pending.kind === 'in_room') {
      return void run(
        () => setStatus.mutateAsync({ id: a.id, status: 'in_room', roomId: roomId || null }),
        `${a.patientName} is in the room.`,
      );
    }
    if (!reason.trim()) {
      setFailure(
        new ApiError('VALIDATION', pending.kind === 'cancel' ? 'Give a reason for the cancellation.' : 'Give a reason for the no-show.'),
      );
      return;
    }
    if (pending.kind === 'no_show') {
      return void run(() => setStatus.mutateAsync({ id: a.id, status: 'no_show', reason }), `${a.patientName} marked as no-show.`);
    }
    void run(
      () => cancel.mutateAsync({ id: a.id, reason, scope }),
      scope === 'following'
        ? 'This and the following appointments of the series were cancelled.'
        : `Appointment of ${a.patientName} cancelled.`,
    );
  }

  const actions = canStatus ? (NEXT[a.status] ?? []) : [];
  return (
    <div className="status-actions">
      <div className="status-actions__buttons" role="group" aria-label="Actions">
        {actions.map((action) => (
          <button
            key={action.status}
            type="button"
            className={`button${action.status === 'arrived' || action.status === 'completed' ? ' button--primary' : ''}`}
            disabled={busy}
            onClick={() => change(action.status, action.label)}
          >
            {action.label}
          </button>
        ))}
        {canWrite && (a.status === 'booked' || a.status === 'arrived') && (
          <button type="button" className="button" disabled={busy} onClick={onEdit}>
            Edit
          </button>
        )}
        {canCancel && (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setPending({ kind: 'cancel' })}>
            Cancel appointment
          </button>
        )}
      </div>
      {pending && (
        <div className="status-actions__form">
          {pending.kind === 'in_room' ? (
            <Select label="Which room?" value={roomId} onChange={(e) => setRoomId(e.target.value)}>
              <option value="">No room</option>
              {reference.rooms
                .filter((r) => r.active)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
            </Select>
          ) : (
            <TextInput
              label={pending.kind === 'cancel' ? 'Reason for cancelling' : 'Reason for the no-show'}
              value={reason}
              maxLength={200}
              autoFocus
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  confirmPending();
                }
              }}
            />
          )}
          {pending.kind === 'cancel' && a.seriesId && (
            <fieldset className="scope">
              <legend>Cancel</legend>
              <label className="checkbox">
                <input type="radio" name="cancel-scope" checked={scope === 'one'} onChange={() => setScope('one')} /> Only this appointment
              </label>
              <label className="checkbox">
                <input type="radio" name="cancel-scope" checked={scope === 'following'} onChange={() => setScope('following')} /> This and
                following
              </label>
            </fieldset>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setPending(null)}>
              Back
            </button>
            <button
              type="button"
              className={`button ${pending.kind === 'cancel' ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
              onClick={confirmPending}
            >
              {pending.kind === 'cancel' ? 'Confirm cancellation' : pending.kind === 'no_show' ? 'Mark no-show' : 'Mark in room'}
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={failure} />
    </div>
  );
}
