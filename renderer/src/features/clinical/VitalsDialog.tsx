/**
 * Recording vital signs in the order they are taken, each value in the unit
 * at hand: weight, height and temperature have a unit switch (remembered on
 * this workstation) and show the other system as they are typed, so a
 * mistyped unit is caught before saving. Only what was measured is sent; the
 * core converts, computes BMI, flags and explains what it refuses, next to
 * the field concerned. What was typed survives closing the dialog. The time
 * taken shows now (in the clinic's zone) until changed, for vitals written
 * down earlier and typed in later; the core refuses a time in the future.
 */
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { TimeField } from '../../ui/TimeInput';
import { useServerForm } from '../../ui/useServerForm';
import { localParts, todayIn } from '../schedule/clinicTime';
import { otherSystem, type UnitHabit } from './units';
import { EMPTY_VITALS, vitalsInput, type VitalsDraft } from './vitalsText';

interface Props {
  patientId: string;
  zone: string;
  units: UnitHabit;
  onUnits(change: Partial<UnitHabit>): void;
  open: boolean;
  onClose(): void;
}

export function VitalsDialog({ patientId, zone, units, onUnits, open, onClose }: Props) {
  const [draft, setDraft] = useState<VitalsDraft>(EMPTY_VITALS);
  const record = useApiMutation('vitals.record');
  const form = useServerForm();
  const error = (field: string) => form.fieldError(`${field}.value`) ?? form.fieldError(field) ?? form.fieldError(`${field}.unit`);
  const number = (field: keyof VitalsDraft, label: string, hint: string) => (
    <TextInput
      label={label}
      inputMode="decimal"
      autoComplete="off"
      hint={hint}
      value={draft[field]}
      onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      error={error(field)}
    />
  );

  // Until the person changes it, the time shown (and sent, as "now") follows the clock.
  const now = localParts(new Date(), zone);
  const taken = { date: draft.date || now.date, time: draft.time || now.time };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.run(() => record.mutateAsync(vitalsInput(patientId, draft, units, zone)))) {
      setDraft(EMPTY_VITALS);
      onClose();
    }
  }

  return (
    <Dialog title="Record vital signs" open={open} onClose={onClose} wide>
      <form className="clinical-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <div className="clinical-vitals-form">
          {number('systolic', 'Systolic', 'mmHg')}
          {number('diastolic', 'Diastolic', 'mmHg')}
          {number('pulse', 'Pulse', 'beats per minute')}
          {number('respiratoryRate', 'Respiratory rate', 'breaths per minute')}
          {number('spo2', 'SpO₂', '%')}
          {number('pain', 'Pain', '0 (none) to 10')}
        </div>
        <div className="clinical-vitals-form clinical-vitals-form--units">
          <div className="clinical-measured">
            {number('temperature', 'Temperature', otherSystem('temperature', draft.temperature, units) ?? `°${units.temperature}`)}
            <UnitSwitch
              label="Temperature unit"
              options={[
                ['C', '°C'],
                ['F', '°F'],
              ]}
              value={units.temperature}
              onChange={(temperature) => onUnits({ temperature })}
            />
          </div>
          <div className="clinical-measured">
            {number('weight', 'Weight', otherSystem('weight', draft.weight, units) ?? units.weight)}
            <UnitSwitch
              label="Weight unit"
              options={[
                ['kg', 'kg'],
                ['lb', 'lb'],
              ]}
              value={units.weight}
              onChange={(weight) => onUnits({ weight })}
            />
          </div>
          <div className="clinical-measured">
            {number(
              'height',
              'Height',
              otherSystem('height', draft.height, units) ?? (units.height === 'in' ? 'inches (5 ft 9 in = 69)' : 'cm'),
            )}
            <UnitSwitch
              label="Height unit"
              options={[
                ['cm', 'cm'],
                ['in', 'in'],
              ]}
              value={units.height}
              onChange={(height) => onUnits({ height })}
            />
          </div>
          <div className="clinical-measured">
            {number('glucose', 'Blood glucose', otherSystem('glucose', draft.glucose, units) ?? units.glucose)}
            <UnitSwitch
              label="Blood glucose unit"
              options={[
                ['mg/dL', 'mg/dL'],
                ['mmol/L', 'mmol/L'],
              ]}
              value={units.glucose}
              onChange={(glucose) => onUnits({ glucose })}
            />
          </div>
        </div>
        <div className="clinical-vitals-when">
          <TextInput
            label="Taken on"
            type="date"
            required
            max={todayIn(zone)}
            value={taken.date}
            onChange={(e) => setDraft({ ...draft, ...taken, date: e.target.value })}
            error={form.fieldError('takenAt')}
          />
          <TimeField label="At" hint="HH:mm, clinic time" value={taken.time} onChange={(time) => setDraft({ ...draft, ...taken, time })} />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save vital signs'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Two units as radio buttons drawn as a segmented switch: arrow keys move between them, as in any radio group. */
function UnitSwitch<U extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: [U, string][];
  value: U;
  onChange(unit: U): void;
}) {
  return (
    <fieldset className="clinical-unit-switch">
      <legend className="visually-hidden">{label}</legend>
      {options.map(([unit, text]) => (
        <label key={unit} className={`clinical-unit-switch__option${unit === value ? ' clinical-unit-switch__option--on' : ''}`}>
          <input type="radio" name={label} value={unit} checked={unit === value} onChange={() => onChange(unit)} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
