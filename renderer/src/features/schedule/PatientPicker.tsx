/**
 * Choosing the patient for a booking: an ARIA combobox over patients.search,
 * driven from the keyboard (type, arrows, Enter), showing the user's recent
 * patients before anything is typed. Date of birth and MRN are shown to tell
 * namesakes apart.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { PatientSummary } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { formatDate, patientLabel } from '../../ui/format';

export interface PatientChoice {
  id: string;
  /** Unknown when the booking starts from a patient id only; then it is looked up. */
  label?: string;
}

interface PatientPickerProps {
  value: PatientChoice | null;
  onChange(choice: PatientChoice | null): void;
  error?: string;
  autoFocus?: boolean;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function PatientPicker({ value, onChange, error, autoFocus }: PatientPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const searching = query.length >= 2 && !value;

  const named = useApi('patients.get', { id: value?.id ?? '' }, { enabled: Boolean(value && !value.label) });
  const [namedFor, setNamedFor] = useState<string | null>(null);
  if (named.data && value && !value.label && namedFor !== named.data.id) {
    setNamedFor(named.data.id);
    setText(patientLabel(named.data));
  }

  const search = useApi('patients.search', { query, limit: 8 }, { enabled: searching });
  const recent = useApi('patients.recent', {}, { enabled: open && !value && text.trim() === '' });
  const options: PatientSummary[] = (searching ? search.data : text.trim() === '' ? recent.data : undefined) ?? [];
  const expanded = open && !value && (options.length > 0 || (searching && !search.isPending));

  function choose(patient: PatientSummary) {
    setText(patientLabel(patient));
    setOpen(false);
    onChange({ id: patient.id, label: patientLabel(patient) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const patient = options[active];
      if (patient) choose(patient);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = expanded && options[active] ? `${id}-option-${active}` : undefined;
  return (
    <div className={`field patient-picker${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Patient</label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder="Name, date of birth, phone or MRN"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Matching patients" className="patient-picker__list" hidden={!expanded}>
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className={`patient-picker__option${i === active ? ' patient-picker__option--active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(p);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <strong>{patientLabel(p)}</strong>
            <span className="patient-picker__meta">
              DOB {formatDate(p.dateOfBirth)} · MRN {p.mrn}
              {p.phoneMobile ? ` · ${p.phoneMobile}` : ''}
            </span>
          </li>
        ))}
        {expanded && options.length === 0 && (
          <li className="patient-picker__none" role="option" aria-selected={false} aria-disabled="true">
            No patient matches “{query}”.
          </li>
        )}
      </ul>
      {searching && search.isFetching && (
        <span className="field__hint" role="status">
          Searching…
        </span>
      )}
      {search.error && <span className="field__error">{search.error.message}</span>}
      {error && (
        <div id={errorId} className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
