/**
 * Prescribing. The alerts are asked for as the drug is typed and shown before
 * anything is saved; each one needs a reason to go ahead, sent with the
 * prescription as its overrides. The core checks again on saving: if the
 * chart changed meanwhile (an allergy recorded on another workstation) it
 * refuses with the alerts still unanswered, and they are shown the same way,
 * with everything typed kept — in the fields, and in the reasons by alert.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextArea, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';
import { AlertList } from './AlertList';
import { alertsOfRefusal, mergeAlerts, overridesFor, reasonErrors, todayIn } from './clinicalText';
import { CheckStatus } from './CheckStatus';
import { usePrescriptionCheck } from './usePrescriptionCheck';
import './prescribe.css';

const ROUTES = [
  'oral',
  'sublingual',
  'topical',
  'inhaled',
  'nasal',
  'ophthalmic',
  'otic',
  'rectal',
  'subcutaneous',
  'intramuscular',
  'intravenous',
];
const FREQUENCIES = [
  'once daily',
  'twice daily',
  'three times daily',
  'four times daily',
  'every 4 hours',
  'every 6 hours',
  'every 8 hours',
  'at bedtime',
  'as needed',
  'once weekly',
];

const blank = (zone: string) => ({ name: '', drugClass: '', dose: '', route: '', frequency: '', startDate: todayIn(zone), note: '' });

/** The prescription a save was tried with, so a refusal is only shown while the drug is still the same. */
interface Attempt {
  name: string;
  drugClass: string;
  sent: { key: string; reason: string }[];
}

interface Props {
  patientId: string;
  zone: string;
  open: boolean;
  onClose(): void;
}

export function PrescribeDialog({ patientId, zone, open, onClose }: Props) {
  const [values, setValues] = useState(() => blank(zone));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const save = useApiMutation('medications.save');
  const form = useServerForm();
  const formRef = useRef<HTMLFormElement>(null);
  const check = usePrescriptionCheck(patientId, values.name, values.drugClass);

  const sameDrug = attempt !== null && attempt.name === values.name.trim() && attempt.drugClass === values.drugClass.trim();
  const refusal = sameDrug ? form.error : null;
  const alerts = mergeAlerts(check.result?.alerts ?? [], alertsOfRefusal(refusal));
  const errors = reasonErrors(refusal, attempt?.sent ?? []);

  // After a refusal, start where the answer is missing: the first field the core named.
  useEffect(() => {
    if (form.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form.error]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const overrides = overridesFor(alerts, reasons);
    setAttempt({ name: values.name.trim(), drugClass: values.drugClass.trim(), sent: overrides });
    const saved = await form.run(() =>
      save.mutateAsync({
        patientId,
        name: values.name,
        drugClass: values.drugClass,
        dose: values.dose,
        route: values.route,
        frequency: values.frequency,
        startDate: values.startDate || null,
        note: values.note,
        overrides,
      }),
    );
    if (saved) {
      setValues(blank(zone));
      setReasons({});
      setAttempt(null);
      onClose();
    }
  }

  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  return (
    <Dialog title="Prescribe" open={open} onClose={onClose} wide>
      <form ref={formRef} className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        {/* A refusal about a drug no longer in the box would only confuse. */}
        <ErrorMessage error={form.error?.code === 'CONFLICT' && !sameDrug ? null : form.error} />
        <div className="clinical-prescribe__drug">
          <TextInput
            label="Medication"
            required
            maxLength={200}
            autoComplete="off"
            hint="Name and strength, e.g. Amoxicillin 500 mg"
            value={values.name}
            onChange={set('name')}
            error={form.fieldError('name')}
          />
          <TextInput
            label="Drug class"
            maxLength={80}
            hint="Only needed for a drug Outpost does not know"
            value={values.drugClass}
            onChange={set('drugClass')}
            error={form.fieldError('drugClass')}
          />
        </div>
        <CheckStatus name={values.name} check={check} alertCount={alerts.length} />
        {alerts.length > 0 && (
          <AlertList
            alerts={alerts}
            reasons={reasons}
            errors={errors}
            onReason={(key, reason) => setReasons({ ...reasons, [key]: reason })}
          />
        )}
        <div className="form-grid">
          <TextInput
            label="Dose"
            maxLength={80}
            hint="e.g. 500 mg"
            value={values.dose}
            onChange={set('dose')}
            error={form.fieldError('dose')}
          />
          <TextInput
            label="Route"
            maxLength={40}
            list="clinical-routes"
            value={values.route}
            onChange={set('route')}
            error={form.fieldError('route')}
          />
          <TextInput
            label="Frequency"
            maxLength={80}
            list="clinical-frequencies"
            value={values.frequency}
            onChange={set('frequency')}
            error={form.fieldError('frequency')}
          />
          <TextInput
            label="Start date"
            type="date"
            value={values.startDate}
            onChange={set('startDate')}
            error={form.fieldError('startDate')}
          />
        </div>
        <TextArea label="Note" rows={2} maxLength={1000} value={values.note} onChange={set('note')} error={form.fieldError('note')} />
        <datalist id="clinical-routes">
          {ROUTES.map((route) => (
            <option key={route} value={route} />
          ))}
        </datalist>
        <datalist id="clinical-frequencies">
          {FREQUENCIES.map((frequency) => (
            <option key={frequency} value={frequency} />
          ))}
        </datalist>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : alerts.length > 0 ? 'Prescribe despite alerts' : 'Prescribe'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
