/**
 * The schedule's controls in one row: where (date), how (day/week, providers
 * or rooms side by side), who (provider filter) and the two things the desk
 * does most (find a free time, book). Shortcut keys are announced with
 * aria-keyshortcuts; the screen listens for them.
 */
import { useId } from 'react';
import type { Reference } from '../../../../main/contract';
import type { ResourceMode } from './calendarModel';
import type { ScheduleView } from './clinicTime';

export interface ToolbarState {
  view: ScheduleView;
  mode: ResourceMode;
  date: string;
  focusId: string;
  providerIds: string[];
  showCancelled: boolean;
}

interface ScheduleToolbarProps {
  reference: Reference;
  state: ToolbarState;
  onChange(patch: Partial<ToolbarState>): void;
  onShift(direction: 1 | -1): void;
  onToday(): void;
}

function Toggle<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="segmented__button"
          aria-pressed={value === o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function ScheduleToolbar({ reference, state, onChange, onShift, onToday }: ScheduleToolbarProps) {
  const focusId = useId();
  const providers = reference.providers.filter((p) => p.active);
  const rooms = reference.rooms.filter((r) => r.active);
  const unit = state.view === 'day' ? 'day' : 'week';
  const showFilter = state.view === 'day' || state.mode === 'room';
  const shown = state.providerIds.length === 0 ? 'All providers' : `${state.providerIds.length} of ${providers.length} providers`;
  const toggleProvider = (id: string, on: boolean) => {
    const current = state.providerIds.length ? state.providerIds : providers.map((p) => p.id);
    const next = on ? [...current, id] : current.filter((x) => x !== id);
    onChange({ providerIds: next.length === providers.length ? [] : next });
  };

  return (
    <div className="toolbar schedule-toolbar" role="toolbar" aria-label="Schedule">
      <div className="schedule-toolbar__group">
        <button
          type="button"
          className="button"
          aria-label={`Previous ${unit}`}
          aria-keyshortcuts="ArrowLeft PageUp"
          onClick={() => onShift(-1)}
        >
          ‹ Prev
        </button>
        <button type="button" className="button" aria-keyshortcuts="T" onClick={onToday}>
          Today
        </button>
        <button
          type="button"
          className="button"
          aria-label={`Next ${unit}`}
          aria-keyshortcuts="ArrowRight PageDown"
          onClick={() => onShift(1)}
        >
          Next ›
        </button>
        <label className="schedule-toolbar__date">
          <span className="visually-hidden">Date</span>
          <input type="date" value={state.date} onChange={(e) => e.target.value && onChange({ date: e.target.value })} />
        </label>
      </div>
      <Toggle
        label="View"
        value={state.view}
        options={[
          { value: 'day', label: 'Day' },
          { value: 'week', label: 'Week' },
        ]}
        onChange={(view) => onChange({ view })}
      />
      <Toggle
        label="Columns"
        value={state.mode}
        options={[
          { value: 'provider', label: 'By provider' },
          { value: 'room', label: 'By room' },
        ]}
        onChange={(mode) => onChange({ mode, focusId: mode === 'provider' ? (providers[0]?.id ?? '') : (rooms[0]?.id ?? '') })}
      />
      {state.view === 'week' && (
        <div className="schedule-toolbar__focus">
          <label htmlFor={focusId}>{state.mode === 'provider' ? 'Provider' : 'Room'}</label>
          <select id={focusId} value={state.focusId} onChange={(e) => onChange({ focusId: e.target.value })}>
            {(state.mode === 'provider'
              ? providers.map((p) => ({ id: p.id, name: p.displayName }))
              : rooms.map((r) => ({ id: r.id, name: r.name }))
            ).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {showFilter && (
        <details
          className="filter"
          onBlur={(e) => {
            // A disclosure used as a popup: close it when focus leaves, like a menu.
            if (!e.currentTarget.contains(e.relatedTarget)) e.currentTarget.open = false;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && e.currentTarget.open) {
              e.preventDefault();
              e.currentTarget.open = false;
              e.currentTarget.querySelector('summary')?.focus();
            }
          }}
        >
          <summary className="button">{shown}</summary>
          <fieldset className="filter__panel">
            <legend className="visually-hidden">Providers shown</legend>
            {providers.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={state.providerIds.length === 0 || state.providerIds.includes(p.id)}
                  onChange={(e) => toggleProvider(p.id, e.target.checked)}
                />
                <span className="type-swatch" style={{ background: p.colour }} aria-hidden="true" />
                {p.displayName}
              </label>
            ))}
            <button type="button" className="button button--small" onClick={() => onChange({ providerIds: [] })}>
              Show all
            </button>
          </fieldset>
        </details>
      )}
      <label className="checkbox schedule-toolbar__cancelled">
        <input type="checkbox" checked={state.showCancelled} onChange={(e) => onChange({ showCancelled: e.target.checked })} />
        Show cancelled
      </label>
    </div>
  );
}

/** The things the desk does most, always in the same place (top right). */
export function ScheduleActions({
  canWrite,
  onFind,
  onNew,
  onMarkUnavailable,
}: {
  canWrite: boolean;
  onFind(): void;
  onNew(): void;
  onMarkUnavailable(): void;
}) {
  return (
    <div className="schedule-actions">
      <button type="button" className="button" aria-keyshortcuts="F" onClick={onFind}>
        Find next available
      </button>
      {canWrite && (
        <button type="button" className="button" aria-keyshortcuts="U" onClick={onMarkUnavailable}>
          Mark unavailable
        </button>
      )}
      {canWrite && (
        <button type="button" className="button button--primary" aria-keyshortcuts="N" onClick={onNew}>
          New appointment
        </button>
      )}
    </div>
  );
}
