/**
 * Confirming a change that takes an entry off a current list (resolve a
 * problem, stop a medication, mark something entered in error): one click
 * never does it, the dialog names the entry, asks for what the record needs
 * (a date, a reason, which kind of removal) and shows the core's refusal next
 * to the field it concerns.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

export interface StatusChoice {
  value: string;
  label: string;
}

export interface StatusAnswer {
  date: string;
  reason: string;
  choice: string;
}

interface Props {
  title: string;
  open: boolean;
  onClose(): void;
  /** The entry, named as the list shows it. */
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Asks for a date (resolved, stopped), starting at `initial`; `path` is the core's field name for it. */
  date?: { label: string; initial: string; path: string };
  reason?: { label: string; path: string };
  choices?: StatusChoice[];
  submit(answer: StatusAnswer): Promise<unknown>;
}

export function ChangeStatusDialog({ title, open, onClose, children, confirmLabel, danger, date, reason, choices, submit }: Props) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      {/* The dialog mounts its body per opening, so each opening starts from the suggested date. */}
      <ChangeStatusForm
        onClose={onClose}
        confirmLabel={confirmLabel}
        danger={danger}
        date={date}
        reason={reason}
        choices={choices}
        submit={submit}
      >
        {children}
      </ChangeStatusForm>
    </Dialog>
  );
}

function ChangeStatusForm({ onClose, children, confirmLabel, danger, date, reason, choices, submit }: Omit<Props, 'title' | 'open'>) {
  const form = useServerForm();
  const [answer, setAnswer] = useState<StatusAnswer>({ date: date?.initial ?? '', reason: '', choice: choices?.[0]?.value ?? '' });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await form.run(() => submit(answer))) onClose();
  }

  return (
    <form className="clinical-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <div className="clinical-confirm__what">{children}</div>
      {choices && (
        <fieldset className="clinical-choices">
          <legend>Why is it coming off the list?</legend>
          {choices.map((choice) => (
            <label key={choice.value} className="clinical-choice">
              <input
                type="radio"
                name="status-choice"
                value={choice.value}
                checked={answer.choice === choice.value}
                onChange={() => setAnswer({ ...answer, choice: choice.value })}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      )}
      {date && (
        <TextInput
          label={date.label}
          type="date"
          required
          value={answer.date}
          onChange={(e) => setAnswer({ ...answer, date: e.target.value })}
          error={form.fieldError(date.path)}
        />
      )}
      {reason && (
        <TextInput
          label={reason.label}
          required
          maxLength={200}
          value={answer.reason}
          onChange={(e) => setAnswer({ ...answer, reason: e.target.value })}
          error={form.fieldError(reason.path)}
        />
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={form.busy}>
          {form.busy ? 'Saving…' : confirmLabel}
        </button>
      </div>
    </form>
  );
}
