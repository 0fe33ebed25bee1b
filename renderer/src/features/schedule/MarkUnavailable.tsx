/**
 * Marking a provider unavailable (leave, meeting, training, sick day) for part
 * of a day or whole days, in clinic-local time. The server records it even when
 * appointments are already booked then — a sick day must be recordable — so
 * the screen warns about those afterwards instead of refusing here.
 */
import { useState, type FormEvent } from 'react';
import type { ApiErrorShape, Reference, ScheduleBlock } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { normalizeTime } from '../../ui/time';
import { TimeField } from '../../ui/TimeInput';
import { fieldErrorsOf, toApiError } from '../../ui/useServerForm';
import { isValidDate, isValidTime, minutesBetween, startOfDay, toInstant } from './clinicTime';

export interface BlockDraft {
  providerId: string;
  date: string;
  allDay: boolean;
  start: string;
  end: string;
  /** All day only: the last day off (the same as date for one day). */
  lastDate: string;
  reason: string;
}

export const REASON_SUGGESTIONS = ['Vacation', 'Meeting', 'Training', 'Sick leave'];

/** appointments.range reads at most six weeks, and the warning about booked appointments needs it. */
const MAX_DAYS = 42;

type FieldKey = 'providerId' | 'date' | 'start' | 'end' | 'lastDate' | 'reason';
type FieldErrors = Partial<Record<FieldKey, string>>;

const SERVER_FIELDS: Record<string, FieldKey> = { providerId: 'providerId', startAt: 'start', endAt: 'end', reason: 'reason' };

/** The UTC window of a draft: whole clinic days (DST-aware) or the times on the date. */
export function blockWindow(d: BlockDraft, zone: string): { startAt: string; endAt: string } | null {
  const startAt = d.allDay ? toInstant(d.date, '00:00', zone) : toInstant(d.date, d.start, zone);
  const endAt = d.allDay
    ? isValidDate(d.lastDate)
      ? startOfDay(d.lastDate, zone).plus({ days: 1 }).toUTC().toISO()
      : null
    : toInstant(d.date, d.end, zone);
  return startAt && endAt ? { startAt, endAt } : null;
}

function check(d: BlockDraft): FieldErrors {
  const found: FieldErrors = {};
  if (!d.providerId) found.providerId = 'Choose a provider';
  if (!isValidDate(d.date)) found.date = 'Enter a date';
  if (d.allDay && isValidDate(d.date)) {
    if (!isValidDate(d.lastDate)) found.lastDate = 'Enter the last day, or the same date for one day';
    else if (d.lastDate < d.date) found.lastDate = 'The last day cannot be before the first';
    else if (startOfDay(d.lastDate, 'UTC').diff(startOfDay(d.date, 'UTC'), 'days').days >= MAX_DAYS)
      found.lastDate = 'Mark at most six weeks at once';
  }
  if (!d.allDay) {
    if (!isValidTime(d.start)) found.start = 'Enter the start as HH:mm (24-hour), e.g. 09:30';
    if (!isValidTime(d.end)) found.end = 'Enter the end as HH:mm (24-hour), e.g. 14:00';
    else if (isValidTime(d.start) && minutesBetween(d.start, d.end) <= 0) found.end = 'The end must be after the start';
  }
  if (!d.reason.trim()) found.reason = 'Give a reason, e.g. Vacation or Meeting';
  return found;
}

interface MarkUnavailableFormProps {
  reference: Reference;
  draft: BlockDraft;
  onDone(block: ScheduleBlock): void;
  onCancel(): void;
}

export function MarkUnavailableForm({ reference, draft, onDone, onCancel }: MarkUnavailableFormProps) {
  const zone = reference.clinic.timeZone;
  const [form, setForm] = useState<BlockDraft>(draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiErrorShape | null>(null);
  const create = useApiMutation('blocks.create');
  /** Editing a field clears its own error; the rest stay until the next save. */
  const set = (patch: Partial<BlockDraft>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !(key in patch))));
  };
  const providers = reference.providers.filter((p) => p.active || p.id === form.providerId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Enter submits without leaving the time box, so tidy "930" here as well as on blur.
    const typed = { ...form, start: normalizeTime(form.start), end: normalizeTime(form.end), reason: form.reason.trim() };
    setForm(typed);
    const found = check(typed);
    setErrors(found);
    const window = blockWindow(typed, zone);
    if (Object.keys(found).length > 0 || !window) return;
    setFailure(null);
    try {
      onDone(await create.mutateAsync({ providerId: typed.providerId, reason: typed.reason, ...window }));
    } catch (caught) {
      const error = toApiError(caught);
      setErrors(fieldErrorsOf(error, SERVER_FIELDS));
      setFailure(error);
    }
  }

  return (
    <form className="block-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        <Select
          label="Provider"
          value={form.providerId}
          error={errors.providerId}
          autoFocus={!form.providerId}
          onChange={(e) => set({ providerId: e.target.value })}
        >
          <option value="">Choose…</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
        <TextInput
          label="Date"
          type="date"
          value={form.date}
          error={errors.date}
          onChange={(e) => set({ date: e.target.value, lastDate: form.lastDate < e.target.value ? e.target.value : form.lastDate })}
        />
      </div>
      <label className="checkbox block-form__all-day">
        <input
          type="checkbox"
          checked={form.allDay}
          onChange={(e) => set({ allDay: e.target.checked, lastDate: form.lastDate || form.date })}
        />
        All day
      </label>
      <div className="form-grid">
        {form.allDay ? (
          <TextInput
            label="Last day"
            type="date"
            value={form.lastDate}
            min={form.date}
            error={errors.lastDate}
            hint="The same as the first day for one day off"
            onChange={(e) => set({ lastDate: e.target.value })}
          />
        ) : (
          <>
            <TimeField
              label="Start"
              value={form.start}
              error={errors.start}
              hint="24-hour, e.g. 14:30"
              onChange={(start) => set({ start })}
            />
            <TimeField label="End" value={form.end} error={errors.end} onChange={(end) => set({ end })} />
          </>
        )}
      </div>
      <TextInput
        label="Reason"
        value={form.reason}
        maxLength={120}
        required
        autoFocus={Boolean(form.providerId)}
        error={errors.reason}
        onChange={(e) => set({ reason: e.target.value })}
      />
      <div className="block-form__suggestions" role="group" aria-label="Suggestions">
        {REASON_SUGGESTIONS.map((reason) => (
          <button
            key={reason}
            type="button"
            className="button button--small"
            aria-pressed={form.reason === reason}
            onClick={() => set({ reason })}
          >
            {reason}
          </button>
        ))}
      </div>
      <p className="field__hint">Appointments already booked in this time stay booked; you will see a list to reschedule.</p>
      <ErrorMessage error={failure} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save unavailability'}
        </button>
      </div>
    </form>
  );
}
