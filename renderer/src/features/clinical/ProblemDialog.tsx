/**
 * Adding a problem: found in ICD-10-CM with the chart's code search (the same
 * box as diagnoses), or written in words when no code fits; the code is
 * optional. Picking a code fills the code and the title, which stays
 * editable. What was typed survives closing the dialog until it is saved.
 */
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextArea, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { CodeSearch } from '../chart/CodeSearch';

const BLANK = { code: '', title: '', onsetDate: '', note: '' };

interface Props {
  patientId: string;
  /** Codes already on the problem list, offered disabled in the search. */
  listedCodes: string[];
  open: boolean;
  onClose(): void;
}

export function ProblemDialog({ patientId, listedCodes, open, onClose }: Props) {
  const [values, setValues] = useState(BLANK);
  const save = useApiMutation('problems.save');
  const form = useServerForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.run(() =>
      save.mutateAsync({
        patientId,
        code: values.code,
        title: values.title,
        onsetDate: values.onsetDate || null,
        note: values.note,
      }),
    );
    if (saved) {
      setValues(BLANK);
      onClose();
    }
  }

  return (
    <Dialog title="Add problem" open={open} onClose={onClose} wide>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <CodeSearch
          chosen={listedCodes}
          full={false}
          busy={form.busy}
          onPick={(picked) => setValues({ ...values, code: picked.code, title: picked.title })}
        />
        <div className="clinical-problem-fields">
          <TextInput
            label="Problem"
            required
            maxLength={300}
            hint="Filled in by the search, or type it when no code fits"
            value={values.title}
            onChange={(e) => setValues({ ...values, title: e.target.value })}
            error={form.fieldError('title')}
          />
          <TextInput
            label="ICD-10-CM code"
            className="clinical-mono"
            maxLength={8}
            hint="Optional"
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.target.value })}
            error={form.fieldError('code')}
          />
          <TextInput
            label="Onset"
            type="date"
            hint="Optional"
            value={values.onsetDate}
            onChange={(e) => setValues({ ...values, onsetDate: e.target.value })}
            error={form.fieldError('onsetDate')}
          />
        </div>
        <TextArea
          label="Note"
          rows={2}
          maxLength={1000}
          value={values.note}
          onChange={(e) => setValues({ ...values, note: e.target.value })}
          error={form.fieldError('note')}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Add problem'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
