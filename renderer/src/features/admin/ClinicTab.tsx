/**
 * Clinic-wide settings and the reference lists (providers, rooms, appointment
 * types) every other screen reads through useReference. Saving any of them
 * fires data.changed, so open screens pick the change up by themselves. The
 * settings, opening hours included, are saved together in one clinic.update:
 * one button, one outcome.
 */
import { useState, type FormEvent } from 'react';
import type { Clinic } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { checkOpeningHours, openingHoursFrom, openingHoursTo, tidyOpeningHours, WEEKDAYS, type OpeningHours } from './hours';
import { OpeningHoursFieldset } from './OpeningHoursFieldset';
import { ReferenceLists } from './ReferenceLists';
import { useServerForm } from '../../ui/useServerForm';

const SLOT_SIZES = [5, 10, 15, 20, 30] as const;
type SlotSize = (typeof SLOT_SIZES)[number];
const zones = Intl.supportedValuesOf('timeZone');

export function ClinicTab() {
  const { reference } = useReference();
  if (!reference) return <Loading label="Loading clinic settings…" />;
  return (
    <>
      <ClinicSettingsForm key={reference.clinic.id} clinic={reference.clinic} />
      <ReferenceLists reference={reference} />
    </>
  );
}

function ClinicSettingsForm({ clinic }: { clinic: Clinic }) {
  const update = useApiMutation('clinic.update');
  const form = useServerForm();
  const [name, setNameState] = useState(clinic.name);
  const [timeZone, setTimeZoneState] = useState(clinic.timeZone);
  const [slotMinutes, setSlotState] = useState<number>(clinic.slotMinutes);
  const [idleLockMinutes, setIdleState] = useState<number>(clinic.idleLockMinutes);
  const [hours, setHoursState] = useState<OpeningHours>(() => openingHoursFrom(clinic.hours));
  const [saved, setSaved] = useState(false);
  // A "saved" note must not outlive the next edit.
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setSaved(false);
      set(value);
    };
  const setName = edited(setNameState);
  const setTimeZone = edited(setTimeZoneState);
  const setSlotMinutes = edited(setSlotState);
  const setIdleLockMinutes = edited(setIdleState);
  const setHours = edited(setHoursState);
  const zoneOptions = zones.includes(clinic.timeZone) ? zones : [clinic.timeZone, ...zones];
  const slotOptions = (SLOT_SIZES as readonly number[]).includes(clinic.slotMinutes) ? SLOT_SIZES : [clinic.slotMinutes, ...SLOT_SIZES];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const tidy = tidyOpeningHours(hours);
    setHoursState(tidy);
    const problems = checkOpeningHours(tidy);
    if (Object.keys(problems).length > 0) {
      const days = WEEKDAYS.filter(({ key }) => Object.keys(problems).some((f) => f.startsWith(`hours.${key}.`))).map((d) => d.long);
      form.fail(
        days.length ? `Some opening hours need fixing: ${days.join(', ')}.` : `${problems.hours ?? 'The opening hours need fixing'}.`,
        problems,
      );
      return;
    }
    const ok = await form.run(() =>
      update.mutateAsync({ name, timeZone, slotMinutes: slotMinutes as SlotSize, idleLockMinutes, hours: openingHoursTo(tidy) }),
    );
    setSaved(ok);
  }

  return (
    <section aria-labelledby="admin-clinic-title" className="admin-block">
      <h2 id="admin-clinic-title">Clinic settings</h2>
      <form className="admin-clinic-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorMessage error={form.error} />
        <div role="status" aria-live="polite">
          {saved && <div className="success-banner">Clinic settings saved.</div>}
        </div>
        <div className="form-grid">
          <TextInput
            label="Clinic name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={form.fieldError('name')}
            required
            maxLength={120}
          />
          <Select
            label="Time zone"
            hint="All times are shown in this zone, whatever the workstation's own."
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            error={form.fieldError('timeZone')}
          >
            {zoneOptions.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </Select>
          <Select
            label="Slot size"
            hint="Grid step of the schedule."
            value={slotMinutes}
            onChange={(e) => setSlotMinutes(Number(e.target.value))}
            error={form.fieldError('slotMinutes')}
          >
            {slotOptions.map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </Select>
          <TextInput
            label="Lock after idle (minutes)"
            hint="A workstation nobody touches locks itself; open work is kept behind the lock."
            type="number"
            min={1}
            max={60}
            value={Number.isNaN(idleLockMinutes) ? '' : idleLockMinutes}
            onChange={(e) => setIdleLockMinutes(e.target.valueAsNumber)}
            error={form.fieldError('idleLockMinutes')}
          />
        </div>
        <OpeningHoursFieldset days={hours} onChange={setHours} errors={form.error?.fields} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {form.busy ? 'Saving…' : 'Save clinic settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
