/**
 * "Books closed before …": once a period is reported, nothing may be posted
 * into it. Everyone with billing sees the date (it explains a refusal);
 * only managers move it, and moving it is confirmed because it cannot be
 * taken back from here.
 */
import { useState } from 'react';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';

export function LockDateControl() {
  const query = useApi('billing.lockDate', {});
  const manage = useSession().can('billing.manage');
  const [open, setOpen] = useState(false);
  const lock = query.data?.lockDate ?? null;
  const text = query.isPending
    ? 'Loading the lock date…'
    : lock
      ? `Books closed before ${formatDate(lock)}${query.data?.setByName ? ` (by ${query.data.setByName})` : ''}`
      : 'Books open: no lock date';
  return (
    <div className="billing-lock">
      <span className="billing-lock__text">{text}</span>
      {manage && (
        <button type="button" className="button button--small" onClick={() => setOpen(true)}>
          Close books…
        </button>
      )}
      {open && <LockDateDialog current={lock} onClose={() => setOpen(false)} />}
    </div>
  );
}

function LockDateDialog({ current, onClose }: { current: string | null; onClose(): void }) {
  const [date, setDate] = useState(current ?? '');
  const save = useApiMutation('billing.setLockDate');
  const form = useServerForm();
  return (
    <Dialog title="Close the books" open onClose={onClose}>
      <form
        className="billing-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.run(() => save.mutateAsync({ lockDate: date })).then((ok) => ok && onClose());
        }}
      >
        <ErrorMessage error={form.error} />
        <p>No payment, adjustment or charge can be dated before this day once the books are closed, on any workstation.</p>
        <TextInput
          label="Books closed before"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={form.fieldError('lockDate')}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Close the books'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
