/**
 * Booking a new appointment (or weekly series) and changing an existing one,
 * in clinic-local date and time. The end follows the type's duration until the
 * user sets it. A refusal for a clash shows the next free times; choosing one
 * fills in the form so the user confirms the new time before it is booked.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorShape, Appointment, Reference, Slot } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Select, TextArea, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { normalizeTime } from '../../ui/time';
import { TimeField } from '../../ui/TimeInput';
import { fieldErrorsOf, toApiError } from '../../ui/useServerForm';
import { addMinutes, isValidDate, isValidTime, localParts, minutesBetween, startOfDay, toInstant } from './clinicTime';
import { ConflictPanel, conflictOf } from './ConflictPanel';
import { PatientPicker, type PatientChoice } from './PatientPicker';

export interface AppointmentDraft {
  patient: PatientChoice | null;
  providerId: string;
  roomId: string;
  typeId: string;
  date: string;
  start: string;
  /** Empty: the type's duration after the start. */
  end: string;
  notes: string;
}

type FieldKey = 'patient' | 'providerId' | 'roomId' | 'typeId' | 'date' | 'start' | 'end' | 'notes' | 'interval' | 'count';
type FieldErrors = Partial<Record<FieldKey, string>>;

const SERVER_FIELDS: Record<string, FieldKey> = {
  patientId: 'patient',
  providerId: 'providerId',
  roomId: 'roomId',
  typeId: 'typeId',
  startAt: 'start',
  endAt: 'end',
  notes: 'notes',
  'recurrence.interval': 'interval',
  'recurrence.count': 'count',
};

interface AppointmentFormProps {
  reference: Reference;
  draft: AppointmentDraft;
  /** Set when changing an existing appointment: the patient is fixed and a series offers a scope. */
  appointment?: Appointment;
  onDone(saved: Appointment[]): void;
  onCancel(): void;
}

export function AppointmentForm({ reference, draft, appointment, onDone, onCancel }: AppointmentFormProps) {
  const session = useSession();
  const zone = reference.clinic.timeZone;
  const typeMinutes = (typeId: string) =>
    reference.appointmentTypes.find((t) => t.id === typeId)?.durationMinutes ?? reference.clinic.slotMinutes;
  const [form, setForm] = useState<AppointmentDraft>(() => ({
    ...draft,
    end: draft.end || addMinutes(draft.date, draft.start, typeMinutes(draft.typeId), zone),
  }));
  const [repeat, setRepeat] = useState({ enabled: false, interval: '1', count: '4' });
  const [scope, setScope] = useState<'one' | 'following'>('one');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiErrorShape | null>(null);
  const book = useApiMutation('appointments.book');
  const update = useApiMutation('appointments.update');
  const busy = book.isPending || update.isPending;

  const set = (patch: Partial<AppointmentDraft>) => setForm((f) => ({ ...f, ...patch }));
  /** The last complete start, so the length is kept while a new start is half typed ("1", "10", "100", "1000"). */
  const lastStart = useRef(form.start);
  const changeStart = (start: string) =>
    setForm((f) => {
      const current = normalizeTime(f.start);
      const anchor = isValidTime(current) ? current : lastStart.current;
      const duration = isValidTime(anchor) && isValidTime(f.end) ? minutesBetween(anchor, f.end) : typeMinutes(f.typeId);
      const tidy = normalizeTime(start);
      if (!isValidTime(tidy) || !isValidDate(f.date)) return { ...f, start };
      lastStart.current = tidy;
      return { ...f, start, end: addMinutes(f.date, tidy, Math.max(duration, 5), zone) };
    });
  const changeType = (typeId: string) =>
    setForm((f) => ({ ...f, typeId, end: addMinutes(f.date, normalizeTime(f.start), typeMinutes(typeId), zone) }));

  function pickSlot(slot: Slot) {
    const start = localParts(slot.startAt, zone);
    set({
      providerId: slot.providerId,
      roomId: slot.roomId ?? form.roomId,
      date: start.date,
      start: start.time,
      end: localParts(slot.endAt, zone).time,
    });
    setFailure(null);
    setErrors({});
  }

  function check(values: AppointmentDraft): FieldErrors {
    const found: FieldErrors = {};
    if (!appointment && !values.patient) found.patient = 'Choose a patient';
    if (!values.providerId) found.providerId = 'Choose a provider';
    if (!values.typeId) found.typeId = 'Choose an appointment type';
    if (!isValidDate(values.date)) found.date = 'Enter a date';
    if (!isValidTime(values.start)) found.start = 'Enter the start as HH:mm (24-hour), e.g. 09:30';
    if (!isValidTime(values.end)) found.end = 'Enter the end as HH:mm (24-hour), e.g. 14:00';
    else if (isValidTime(values.start) && minutesBetween(values.start, values.end) <= 0) found.end = 'The end must be after the start';
    if (repeat.enabled && !appointment) {
      const interval = Number(repeat.interval);
      const count = Number(repeat.count);
      if (!Number.isInteger(interval) || interval < 1 || interval > 8) found.interval = 'Every 1 to 8 weeks';
      if (!Number.isInteger(count) || count < 2 || count > 52) found.count = 'Between 2 and 52 appointments';
    }
    return found;
  }

  async function save(overbookReason?: string) {
    // Enter submits without leaving the time box, so tidy "930" here as well as on blur.
    const typed = { ...form, start: normalizeTime(form.start), end: normalizeTime(form.end) };
    if (typed.start !== form.start || typed.end !== form.end) setForm(typed);
    const found = check(typed);
    setErrors(found);
    const startAt = toInstant(typed.date, typed.start, zone);
    const endAt = toInstant(typed.date, typed.end, zone);
    if (Object.keys(found).length > 0 || !startAt || !endAt) return;
    setFailure(null);
    const common = {
      providerId: typed.providerId,
      roomId: typed.roomId || null,
      typeId: typed.typeId,
      startAt,
      endAt,
      notes: typed.notes,
      overbookReason,
    };
    try {
      const saved = appointment
        ? await update.mutateAsync({ id: appointment.id, ...common, scope })
        : await book.mutateAsync({
            ...common,
            patientId: typed.patient?.id ?? '',
            recurrence: repeat.enabled ? { frequency: 'weekly', interval: Number(repeat.interval), count: Number(repeat.count) } : null,
          });
      onDone(saved);
    } catch (caught) {
      const error = toApiError(caught);
      setErrors(fieldErrorsOf(error, SERVER_FIELDS));
      setFailure(error);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save();
  }

  const providers = reference.providers.filter((p) => p.active || p.id === form.providerId);
  const rooms = reference.rooms.filter((r) => r.active || r.id === form.roomId);
  const types = reference.appointmentTypes.filter((t) => t.active || t.id === form.typeId);
  const lastOfSeries =
    repeat.enabled && isValidDate(form.date) && Number(repeat.count) >= 2
      ? startOfDay(form.date, zone)
          .plus({ weeks: Number(repeat.interval || 1) * (Number(repeat.count) - 1) })
          .toFormat('ccc d LLL yyyy')
      : null;
  const verb = appointment ? 'Save changes' : 'Book appointment';

  return (
    <form className="appointment-form" onSubmit={submit} noValidate>
      {appointment ? (
        <p className="appointment-form__patient">
          Patient: <strong>{appointment.patientName}</strong>
        </p>
      ) : (
        <PatientPicker value={form.patient} onChange={(patient) => set({ patient })} error={errors.patient} autoFocus={!form.patient} />
      )}
      <div className="form-grid">
        <Select label="Provider" value={form.providerId} error={errors.providerId} onChange={(e) => set({ providerId: e.target.value })}>
          <option value="">Choose…</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
        <Select label="Room (optional)" value={form.roomId} error={errors.roomId} onChange={(e) => set({ roomId: e.target.value })}>
          <option value="">No room</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
        <Select label="Type" value={form.typeId} error={errors.typeId} onChange={(e) => changeType(e.target.value)}>
          <option value="">Choose…</option>
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.durationMinutes} min)
            </option>
          ))}
        </Select>
        <TextInput label="Date" type="date" value={form.date} error={errors.date} onChange={(e) => set({ date: e.target.value })} />
        <TimeField label="Start" value={form.start} error={errors.start} hint="24-hour, e.g. 14:30" onChange={changeStart} />
        <TimeField
          label="End"
          value={form.end}
          error={errors.end}
          hint={isValidTime(form.start) && isValidTime(form.end) ? `${minutesBetween(form.start, form.end)} min` : undefined}
          onChange={(end) => set({ end })}
        />
      </div>
      <TextArea
        label="Notes (optional)"
        rows={2}
        maxLength={1000}
        value={form.notes}
        error={errors.notes}
        onChange={(e) => set({ notes: e.target.value })}
      />
      {!appointment && (
        <fieldset className="appointment-form__repeat">
          <legend className="visually-hidden">Repeat</legend>
          <label className="checkbox">
            <input type="checkbox" checked={repeat.enabled} onChange={(e) => setRepeat((r) => ({ ...r, enabled: e.target.checked }))} />
            Repeat weekly
          </label>
          {repeat.enabled && (
            <div className="form-grid">
              <TextInput
                label="Every (weeks)"
                type="number"
                min={1}
                max={8}
                value={repeat.interval}
                error={errors.interval}
                onChange={(e) => setRepeat((r) => ({ ...r, interval: e.target.value }))}
              />
              <TextInput
                label="Number of appointments"
                type="number"
                min={2}
                max={52}
                value={repeat.count}
                error={errors.count}
                hint={lastOfSeries ? `Last one on ${lastOfSeries}` : undefined}
                onChange={(e) => setRepeat((r) => ({ ...r, count: e.target.value }))}
              />
            </div>
          )}
        </fieldset>
      )}
      {appointment?.seriesId && (
        <fieldset className="scope">
          <legend>Apply to</legend>
          <label className="checkbox">
            <input type="radio" name="edit-scope" checked={scope === 'one'} onChange={() => setScope('one')} /> Only this appointment
          </label>
          <label className="checkbox">
            <input type="radio" name="edit-scope" checked={scope === 'following'} onChange={() => setScope('following')} /> This and
            following
          </label>
        </fieldset>
      )}
      {failure && conflictOf(failure) ? (
        <ConflictPanel
          error={failure}
          reference={reference}
          heading={appointment ? 'Not changed' : 'Not booked'}
          canOverbook={session.can('schedule.overbook')}
          overbookLabel={appointment ? 'Save anyway (overbook)' : 'Book anyway (overbook)'}
          busy={busy}
          onPick={pickSlot}
          onOverbook={(reason) => void save(reason)}
        />
      ) : (
        <ErrorMessage error={failure} />
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : verb}
        </button>
      </div>
    </form>
  );
}
