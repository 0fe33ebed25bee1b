/**
 * Add or edit a provider, with a simple weekly-hours editor (see hours.ts for
 * what it can express). New providers start from the clinic's opening hours.
 */
import { useState, type FormEvent } from 'react';
import type { Provider, WeeklyHours } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { TimeBox as TimeEntry } from '../../ui/TimeInput';
import { checkHours, hoursFormFrom, hoursFormTo, WEEKDAYS, type DayHours, type HoursForm, type WeekdayKey } from './hours';
import { useServerForm } from '../../ui/useServerForm';

interface ProviderDialogProps {
  open: boolean;
  provider: Provider | null;
  clinicHours: WeeklyHours;
  onClose(): void;
}

export function ProviderDialog(props: ProviderDialogProps) {
  return (
    <Dialog title={props.provider ? `Edit ${props.provider.displayName}` : 'Add provider'} open={props.open} onClose={props.onClose} wide>
      <ProviderForm key={props.provider?.id ?? 'new'} {...props} />
    </Dialog>
  );
}

/** 24-hour text box (the browser's time input follows the workstation locale, often AM/PM, unlike the rest of Outpost). */
function TimeBox({ label, value, invalid, onChange }: { label: string; value: string; invalid: boolean; onChange(value: string): void }) {
  return <TimeEntry className="admin-time" aria-label={label} aria-invalid={invalid} value={value} onChange={onChange} />;
}

function ProviderForm({ provider, clinicHours, onClose }: ProviderDialogProps) {
  const save = useApiMutation('providers.save');
  const form = useServerForm();
  const [displayName, setDisplayName] = useState(provider?.displayName ?? '');
  const [credentials, setCredentials] = useState(provider?.credentials ?? '');
  const [specialty, setSpecialty] = useState(provider?.specialty ?? '');
  const [npi, setNpi] = useState(provider?.npi ?? '');
  const [colour, setColour] = useState(provider?.colour ?? '#2563eb');
  const [active, setActive] = useState(provider?.active ?? true);
  const [hours, setHours] = useState<HoursForm>(() =>
    provider
      ? hoursFormFrom(provider.weeklyHours, provider.breaks)
      : hoursFormFrom(clinicHours, [{ weekday: 1, start: '12:00', end: '13:00', label: 'Lunch' }]),
  );

  const setDay = (key: WeekdayKey, change: Partial<DayHours>) =>
    setHours((h) => ({ ...h, days: { ...h.days, [key]: { ...h.days[key], ...change } } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkHours(hours);
    if (Object.keys(problems).length > 0) {
      form.fail('Some working hours need fixing.', problems);
      return;
    }
    const { weeklyHours, breaks } = hoursFormTo(hours, provider?.breaks ?? []);
    const ok = await form.run(() =>
      save.mutateAsync({
        ...(provider && { id: provider.id }),
        displayName,
        credentials,
        specialty,
        npi: npi.trim() || null,
        colour,
        active,
        weeklyHours,
        breaks,
      }),
    );
    if (ok) onClose();
  }

  const dayError = (key: string) => form.fieldError(`weeklyHours.${key}.0.end`) ?? form.fieldError(`weeklyHours.${key}.0.start`);
  const lunchError = form.fieldError('lunch') ?? Object.entries(form.error?.fields ?? {}).find(([k]) => k.startsWith('breaks.'))?.[1];

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <div className="form-grid">
        <TextInput
          label="Name"
          autoFocus
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={form.fieldError('displayName')}
          required
          maxLength={120}
        />
        <TextInput
          label="Credentials"
          hint="e.g. MD, NP"
          value={credentials}
          onChange={(e) => setCredentials(e.target.value)}
          error={form.fieldError('credentials')}
          maxLength={40}
        />
        <TextInput
          label="Specialty"
          value={specialty}
          onChange={(e) => setSpecialty(e.target.value)}
          error={form.fieldError('specialty')}
          maxLength={80}
        />
        <TextInput
          label="NPI"
          hint="10 digits, needed on claims"
          inputMode="numeric"
          autoComplete="off"
          value={npi}
          onChange={(e) => setNpi(e.target.value)}
          error={form.fieldError('npi')}
          maxLength={10}
        />
        <TextInput
          label="Colour"
          type="color"
          className="admin-colour"
          value={colour}
          onChange={(e) => setColour(e.target.value)}
          error={form.fieldError('colour')}
        />
      </div>
      <label className="admin-check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Active (can be booked)
      </label>
      <fieldset className="admin-hours">
        <legend>Weekly hours</legend>
        {WEEKDAYS.map(({ key, long }) => {
          const day = hours.days[key];
          const error = dayError(key);
          return (
            <div key={key} className={`admin-hours__row${error ? ' admin-hours__row--invalid' : ''}`}>
              <label className="admin-check admin-hours__day">
                <input type="checkbox" checked={day.works} onChange={(e) => setDay(key, { works: e.target.checked })} /> {long}
              </label>
              {day.works ? (
                <>
                  <TimeBox
                    label={`${long} start`}
                    value={day.start}
                    invalid={Boolean(error)}
                    onChange={(start) => setDay(key, { start })}
                  />
                  <span aria-hidden="true">to</span>
                  <TimeBox label={`${long} end`} value={day.end} invalid={Boolean(error)} onChange={(end) => setDay(key, { end })} />
                </>
              ) : (
                <span className="admin-hint">Not working</span>
              )}
              {error && (
                <span className="field__error" role="alert">
                  {error}
                </span>
              )}
            </div>
          );
        })}
        <div className={`admin-hours__row admin-hours__lunch${lunchError ? ' admin-hours__row--invalid' : ''}`}>
          <label className="admin-check admin-hours__day">
            <input type="checkbox" checked={hours.lunch} onChange={(e) => setHours((h) => ({ ...h, lunch: e.target.checked }))} /> Lunch
            break
          </label>
          {hours.lunch ? (
            <>
              <TimeBox
                label="Lunch start"
                value={hours.lunchStart}
                invalid={Boolean(lunchError)}
                onChange={(lunchStart) => setHours((h) => ({ ...h, lunchStart }))}
              />
              <span aria-hidden="true">to</span>
              <TimeBox
                label="Lunch end"
                value={hours.lunchEnd}
                invalid={Boolean(lunchError)}
                onChange={(lunchEnd) => setHours((h) => ({ ...h, lunchEnd }))}
              />
              <span className="admin-hint">every working day</span>
            </>
          ) : (
            <span className="admin-hint">No lunch break</span>
          )}
          {lunchError && (
            <span className="field__error" role="alert">
              {lunchError}
            </span>
          )}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : provider ? 'Save provider' : 'Add provider'}
        </button>
      </div>
    </form>
  );
}
