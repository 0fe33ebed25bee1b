/**
 * Recording an immunization: the vaccine and the day first (the day starts
 * at today in the clinic's zone, whatever the workstation's own), then what a
 * recall needs (dose, lot, site, route). Whether it was given here or only
 * reported is asked every time, because a reported dose has no lot to trust.
 * What was typed survives closing the dialog until it is saved.
 */
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { todayIn } from './clinicalText';
import { readNumber } from './units';

type Source = 'clinic' | 'historical';
type Status = 'completed' | 'refused';

const blank = (zone: string) => ({
  vaccine: '',
  cvxCode: '',
  administeredOn: todayIn(zone),
  doseNumber: '',
  lot: '',
  site: '',
  route: '',
  source: 'clinic' as Source,
  status: 'completed' as Status,
});

interface Props {
  patientId: string;
  zone: string;
  open: boolean;
  onClose(): void;
}

export function ImmunizationDialog({ patientId, zone, open, onClose }: Props) {
  const [values, setValues] = useState(() => blank(zone));
  const save = useApiMutation('immunizations.save');
  const form = useServerForm();
  const text = (field: 'vaccine' | 'cvxCode' | 'lot' | 'site' | 'route' | 'doseNumber', label: string, hint?: string) => (
    <TextInput
      label={label}
      hint={hint}
      autoComplete="off"
      value={values[field]}
      onChange={(e) => setValues({ ...values, [field]: e.target.value })}
      error={form.fieldError(field)}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dose = readNumber(values.doseNumber);
    // Caught here: a non-number would travel as JSON null and the dose would be quietly dropped.
    if (dose !== undefined && !Number.isFinite(dose)) {
      form.fail('Check the dose number.', { doseNumber: 'Enter the dose as a number from 1 to 10, or leave it blank' });
      return;
    }
    const saved = await form.run(() =>
      save.mutateAsync({
        patientId,
        vaccine: values.vaccine,
        cvxCode: values.cvxCode.trim() || null,
        administeredOn: values.administeredOn,
        doseNumber: dose ?? null,
        lot: values.lot,
        site: values.site,
        route: values.route,
        source: values.source,
        status: values.status,
      }),
    );
    if (saved) {
      setValues(blank(zone));
      onClose();
    }
  }

  return (
    <Dialog title="Record immunization" open={open} onClose={onClose} wide>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <div className="clinical-shot-fields">
          {text('vaccine', 'Vaccine', 'e.g. Influenza, seasonal; Tdap')}
          {text('cvxCode', 'CVX code', 'Optional, e.g. 140')}
          <TextInput
            label="Date"
            type="date"
            required
            max={todayIn(zone)}
            value={values.administeredOn}
            onChange={(e) => setValues({ ...values, administeredOn: e.target.value })}
            error={form.fieldError('administeredOn')}
          />
        </div>
        <div className="clinical-shot-fields clinical-shot-fields--even">
          {text('doseNumber', 'Dose number', '1 to 10, if part of a series')}
          {text('lot', 'Lot number')}
          {text('site', 'Site', 'e.g. left deltoid')}
          {text('route', 'Route', 'e.g. intramuscular')}
        </div>
        <div className="clinical-shot-choices">
          <Choice
            legend="Where was it given?"
            name="immunization-source"
            options={[
              ['clinic', 'Given here'],
              ['historical', 'Reported (given elsewhere or earlier)'],
            ]}
            value={values.source}
            onChange={(source) => setValues({ ...values, source })}
            error={form.fieldError('source')}
          />
          <Choice
            legend="Outcome"
            name="immunization-status"
            options={[
              ['completed', 'Given'],
              ['refused', 'Refused by the patient'],
            ]}
            value={values.status}
            onChange={(status) => setValues({ ...values, status })}
            error={form.fieldError('status')}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save immunization'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ChoiceProps<V extends string> {
  legend: string;
  name: string;
  options: [V, string][];
  value: V;
  onChange(value: V): void;
  error?: string;
}

function Choice<V extends string>({ legend, name, options, value, onChange, error }: ChoiceProps<V>) {
  return (
    <fieldset className="clinical-choices">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="clinical-choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
      {error && <span className="field__error">{error}</span>}
    </fieldset>
  );
}
