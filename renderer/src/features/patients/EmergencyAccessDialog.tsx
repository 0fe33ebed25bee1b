/**
 * Break-glass: a user whose role cannot open charts states why, and gets this
 * patient's chart read-only for an hour. The reason goes on record and
 * managers review every use, so the dialog says so before anything opens.
 */
import { useState, type FormEvent } from 'react';
import { EMERGENCY_MINUTES } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

interface Props {
  patientId: string;
  patientName: string;
  open: boolean;
  onClose(): void;
  onOpened(): void;
}

export function EmergencyAccessDialog({ patientId, patientName, open, onClose, onOpened }: Props) {
  const grant = useApiMutation('chart.emergencyAccess');
  const form = useServerForm();
  const [reason, setReason] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.run(() => grant.mutateAsync({ patientId, reason }))) onOpened();
  }

  return (
    <Dialog title="Emergency access to the chart" open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          Your role cannot open charts. In an emergency you can read <strong>{patientName}</strong>’s chart for {EMERGENCY_MINUTES} minutes,
          without changing it. Your name, the time and your reason are recorded and shown to the practice managers.
        </p>
        <ErrorMessage error={form.error?.fields?.reason ? null : form.error} />
        <TextArea
          label="Why do you need the chart now?"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={form.fieldError('reason')}
          rows={3}
          autoFocus
          required
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={form.busy}>
            {form.busy ? 'Opening…' : 'Open the chart (recorded)'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
