/**
 * Marking a no-show needs a reason (the server refuses without one), so it is
 * asked in a small dialog instead of a one-click action that is easy to hit by
 * mistake.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, type Appointment } from '../../../../main/contract';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatTime } from '../../ui/format';

const SUGGESTED_REASONS = ['Did not attend', 'No answer when called', 'Patient forgot', 'Transport problem'];

interface NoShowDialogProps {
  appointment: Appointment | null;
  zone: string;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}

export function NoShowDialog({ appointment, zone, onClose, onConfirm }: NoShowDialogProps) {
  return (
    <Dialog title="Mark as no-show" open={appointment !== null} onClose={onClose}>
      {appointment && <NoShowForm key={appointment.id} appointment={appointment} zone={zone} onClose={onClose} onConfirm={onConfirm} />}
    </Dialog>
  );
}

function NoShowForm({ appointment, zone, onClose, onConfirm }: NoShowDialogProps & { appointment: Appointment }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(new ApiError('VALIDATION', 'Give a reason for the no-show.', { reason: 'A reason is required' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'Could not mark the no-show. Try again.'));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="queue-dialog-form" noValidate>
      <p>
        {appointment.patientName}, booked at {formatTime(appointment.startAt, zone)}.
      </p>
      <ErrorMessage error={error} />
      <TextInput
        label="Reason"
        list="queue-no-show-reasons"
        autoFocus
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          if (error?.fields?.reason) setError(null);
        }}
        error={error?.fields?.reason}
        maxLength={200}
        required
      />
      <datalist id="queue-no-show-reasons">
        {SUGGESTED_REASONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? 'Saving…' : 'Mark no-show'}
        </button>
      </div>
    </form>
  );
}
