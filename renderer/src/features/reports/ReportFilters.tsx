/**
 * The filter bar every report shares: one day (day sheet, aging "as of") or a
 * range with quick picks (this month, last month, this year), and a provider.
 * Dates are plain days in the clinic's zone; a report runs only on complete
 * dates, and the core explains any range it refuses.
 */
import { useReference } from '../../app/reference';
import { Select, TextInput } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { isDate, quickRanges, type FilterMode, type Filters } from './filters';

/** "1 Nov 2026 – 30 Nov 2026 · Dr Ada Osei": what a printed or exported report covers. */
export function useFilterSummary(filters: Filters, mode: FilterMode): string {
  const { reference } = useReference();
  const provider = reference?.providers.find((p) => p.id === filters.providerId)?.displayName ?? 'All providers';
  const dates =
    mode === 'range'
      ? `${isDate(filters.from) ? formatDate(filters.from) : '…'} – ${isDate(filters.to) ? formatDate(filters.to) : '…'}`
      : isDate(filters.day)
        ? `${mode === 'asOf' ? 'As of ' : ''}${formatDate(filters.day)}`
        : '…';
  return `${dates} · ${provider}`;
}

interface FilterBarProps {
  mode: FilterMode;
  filters: Filters;
  today: string;
  onChange(next: Filters): void;
  onPrint(): void;
}

export function FilterBar({ mode, filters, today, onChange, onPrint }: FilterBarProps) {
  const { reference } = useReference();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <form className="toolbar reports__filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      {mode === 'range' ? (
        <>
          <TextInput label="From" type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
          <TextInput label="To" type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
          <div className="reports__quick" role="group" aria-label="Quick ranges">
            {quickRanges(today).map((range) => (
              <button
                key={range.label}
                type="button"
                className="button button--small"
                aria-pressed={filters.from === range.from && filters.to === range.to}
                onClick={() => set({ from: range.from, to: range.to })}
              >
                {range.label}
              </button>
            ))}
          </div>
        </>
      ) : (
        <TextInput
          label={mode === 'day' ? 'Date' : 'As of'}
          type="date"
          value={filters.day}
          onChange={(e) => set({ day: e.target.value })}
        />
      )}
      <Select label="Provider" value={filters.providerId} onChange={(e) => set({ providerId: e.target.value })}>
        <option value="">All providers</option>
        {(reference?.providers ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </Select>
      <button type="button" className="button reports__print" onClick={onPrint}>
        Print
      </button>
    </form>
  );
}
