/**
 * Recording an allergy. The drug class matters as much as the substance: it
 * is what lets prescribing warn about a related drug (an allergy to
 * amoxicillin recorded as a penicillin also flags ampicillin). What was typed
 * survives closing the dialog until it is saved.
 */
import { useState, type FormEvent } from 'react';
import { allergyCategories, allergySeverities } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { capitalize } from './clinicalText';

type Category = (typeof allergyCategories)[number];
type Severity = (typeof allergySeverities)[number];

const BLANK = { category: 'drug' as Category, substance: '', drugClass: '', reaction: '', severity: '' as Severity | '' };

const substanceHints: Record<Category, string> = {
  drug: 'e.g. Amoxicillin',
  food: 'e.g. Peanuts',
  environment: 'e.g. Latex, bee stings',
};

export function AllergyDialog({ patientId, open, onClose }: { patientId: string; open: boolean; onClose(): void }) {
  const [values, setValues] = useState(BLANK);
  const save = useApiMutation('allergies.save');
  const form = useServerForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.run(() =>
      save.mutateAsync({
        patientId,
        category: values.category,
        substance: values.substance,
        drugClass: values.category === 'drug' ? values.drugClass : null,
        reaction: values.reaction,
        severity: values.severity || null,
      }),
    );
    if (saved) {
      setValues(BLANK);
      onClose();
    }
  }

  return (
    <Dialog title="Add allergy" open={open} onClose={onClose}>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <TextInput
          label="Substance"
          required
          maxLength={120}
          hint={substanceHints[values.category]}
          value={values.substance}
          onChange={(e) => setValues({ ...values, substance: e.target.value })}
          error={form.fieldError('substance')}
        />
        <fieldset className="clinical-choices clinical-choices--row">
          <legend>Kind of allergy</legend>
          {allergyCategories.map((category) => (
            <label key={category} className="clinical-choice">
              <input
                type="radio"
                name="allergy-category"
                value={category}
                checked={values.category === category}
                onChange={() => setValues({ ...values, category })}
              />
              {capitalize(category)}
            </label>
          ))}
          {form.fieldError('category') && <span className="field__error">{form.fieldError('category')}</span>}
        </fieldset>
        <div className="form-grid">
          {values.category === 'drug' && (
            <TextInput
              label="Drug class"
              maxLength={80}
              hint="e.g. Penicillins: related drugs are then flagged when prescribing"
              value={values.drugClass}
              onChange={(e) => setValues({ ...values, drugClass: e.target.value })}
              error={form.fieldError('drugClass')}
            />
          )}
          <TextInput
            label="Reaction"
            maxLength={200}
            hint="e.g. Hives, anaphylaxis"
            value={values.reaction}
            onChange={(e) => setValues({ ...values, reaction: e.target.value })}
            error={form.fieldError('reaction')}
          />
          <Select
            label="Severity"
            value={values.severity}
            onChange={(e) => setValues({ ...values, severity: e.target.value as Severity | '' })}
            error={form.fieldError('severity')}
          >
            <option value="">Not stated</option>
            {allergySeverities.map((severity) => (
              <option key={severity} value={severity}>
                {capitalize(severity)}
              </option>
            ))}
          </Select>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save allergy'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
