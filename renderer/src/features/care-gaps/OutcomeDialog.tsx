/**
 * Recording what the chart cannot show about one care gap: done elsewhere
 * (on a date, and which test where the interval depends on it), declined by
 * the patient, or not applicable to this patient. Each choice says what it
 * will do to the reminder before it is saved.
 */
import { useState, type FormEvent } from 'react';
import { careGapOutcomeLabels, careGapOutcomes, type CareGap, type CareGapOutcomeKind } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { todayIn } from '../clinical/clinicalText';

const EFFECT: Record<CareGapOutcomeKind, string> = {
  done_elsewhere: 'Counts as done on that date: the reminder returns when it is next due.',
  declined: 'Hidden for now and shown again later (after a year at most; for the flu vaccine, next season).',
  not_applicable: 'Hidden for this patient until the outcome is withdrawn.',
};

interface Props {
  patientId: string;
  gap: CareGap;
  zone: string;
  onClose(): void;
}

export function OutcomeDialog({ patientId, gap, zone, onClose }: Props) {
  const [outcome, setOutcome] = useState<CareGapOutcomeKind>('done_elsewhere');
  const [doneOn, setDoneOn] = useState('');
  const [method, setMethod] = useState('');
  const [note, setNote] = useState('');
  const record = useApiMutation('careGaps.recordOutcome');
  const form = useServerForm();
  const elsewhere = outcome === 'done_elsewhere';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.run(() =>
      record.mutateAsync({
        patientId,
        ruleId: gap.ruleId,
        outcome,
        doneOn: elsewhere ? doneOn || null : null,
        method: elsewhere && gap.methods.length > 0 ? method || null : null,
        note,
      }),
    );
    if (saved) onClose();
  }

  return (
    <Dialog title={`Record outcome: ${gap.title}`} open onClose={onClose}>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <fieldset className="clinical-choices">
          <legend>What happened?</legend>
          {careGapOutcomes.map((choice) => (
            <label key={choice} className="clinical-choice">
              <input type="radio" name="care-gap-outcome" value={choice} checked={outcome === choice} onChange={() => setOutcome(choice)} />
              {careGapOutcomeLabels[choice]}
            </label>
          ))}
        </fieldset>
        <p className="clinical-muted">{EFFECT[outcome]}</p>
        {elsewhere && (
          <div className="care-gap-outcome__fields">
            <TextInput
              label="Date done"
              type="date"
              required
              max={todayIn(zone)}
              hint="An estimate is fine"
              value={doneOn}
              onChange={(e) => setDoneOn(e.target.value)}
              error={form.fieldError('doneOn')}
            />
            {gap.methods.length > 0 && (
              <Select label="Test" required value={method} onChange={(e) => setMethod(e.target.value)} error={form.fieldError('method')}>
                <option value="">Choose the test…</option>
                {gap.methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </Select>
            )}
          </div>
        )}
        <TextInput
          label="Note (optional)"
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={form.fieldError('note')}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save outcome'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
