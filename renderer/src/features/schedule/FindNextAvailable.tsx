/**
 * "When is the next …?": free slots for an appointment type across the chosen
 * providers (all when none is ticked) from a date on. Choosing one starts a
 * booking with that time filled in.
 */
import { useState, type FormEvent } from 'react';
import type { Reference, Slot } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { Select, TextInput } from '../../ui/Field';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { isValidDate, slotLabel, startOfDay } from './clinicTime';

interface FindNextAvailableProps {
  reference: Reference;
  fromDate: string;
  canBook: boolean;
  onChoose(slot: Slot, typeId: string): void;
}

interface Criteria {
  typeId: string;
  after: string;
  providerIds: string[];
}

export function FindNextAvailable({ reference, fromDate, canBook, onChoose }: FindNextAvailableProps) {
  const zone = reference.clinic.timeZone;
  const types = reference.appointmentTypes.filter((t) => t.active);
  const providers = reference.providers.filter((p) => p.active);
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const [providerIds, setProviderIds] = useState<string[]>([]);
  const [from, setFrom] = useState(fromDate);
  const [dateError, setDateError] = useState<string | undefined>();
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const slots = useApi(
    'appointments.findNextAvailable',
    { typeId: criteria?.typeId ?? '', after: criteria?.after ?? '', providerIds: criteria?.providerIds, count: 10 },
    { enabled: criteria !== null },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!isValidDate(from)) {
      setDateError('Enter a date');
      return;
    }
    setDateError(undefined);
    const after = startOfDay(from, zone).toUTC().toISO() ?? '';
    setCriteria({ typeId, after, providerIds: providerIds.length ? providerIds : [] });
  }

  const toggle = (id: string, on: boolean) => setProviderIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const providerName = (id: string) => providers.find((p) => p.id === id)?.displayName ?? 'Unknown provider';

  return (
    <div className="find-next">
      <form onSubmit={submit} className="find-next__form">
        <div className="form-grid">
          <Select label="Appointment type" value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.durationMinutes} min)
              </option>
            ))}
          </Select>
          <TextInput label="From" type="date" value={from} error={dateError} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <fieldset className="find-next__providers">
          <legend>Providers (none ticked = any)</legend>
          {providers.map((p) => (
            <label key={p.id} className="checkbox">
              <input type="checkbox" checked={providerIds.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              {p.displayName}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
      {criteria && slots.isFetching && <Loading label="Looking for free times…" />}
      <ErrorMessage error={slots.error} />
      {criteria && slots.data && !slots.isFetching && (
        <section aria-label="Free times">
          {slots.data.length === 0 ? (
            <Empty>No free time in the next 60 days for this type and these providers.</Empty>
          ) : (
            <ul className="find-next__slots">
              {slots.data.map((slot) => (
                <li key={`${slot.providerId}-${slot.startAt}`}>
                  <button type="button" className="button" disabled={!canBook} onClick={() => onChoose(slot, criteria.typeId)}>
                    {slotLabel(slot, providerName(slot.providerId), zone)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {!canBook && <p className="field__hint">Your role can see free times but not book them.</p>}
        </section>
      )}
    </div>
  );
}
