/**
 * Choosing the patient for a booking: an ARIA combobox over the same search
 * as the header box, driven from the keyboard (type, arrows, Enter), showing
 * the user's recent patients before anything is typed. Date of birth and MRN
 * are shown to tell namesakes apart. Enter only picks from the answer for the
 * text as typed now, so a fast typist never books the previous match.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { patientDisplayName, type PatientSummary } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { usePatientSearch, useRecentPatients } from '../patients/usePatientSearch';
import { formatDate } from '../../ui/format';

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

const RESULT_LIMIT = 8;

export function PatientPicker({ value, onChange, error, autoFocus }: PatientPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const showingRecent = text.trim() === '';
  // Once a patient is chosen the box shows their name: nothing to search for.
  const search = usePatientSearch(value ? '' : text, RESULT_LIMIT);

  const named = useApi('patients.get', { id: value?.id ?? '' }, { enabled: Boolean(value && !value.label) });
  const [namedFor, setNamedFor] = useState<string | null>(null);
  if (named.data && value && !value.label && namedFor !== named.data.id) {
    setNamedFor(named.data.id);
    setText(patientDisplayName(named.data));
  }

  const recent = useRecentPatients(open && !value && showingRecent);
  const options: PatientSummary[] = showingRecent ? (recent.data ?? []) : search.results;
  const noMatch = !showingRecent && !search.searching && !search.error && options.length === 0;
  const expanded = open && !value && (options.length > 0 || noMatch);

  function choose(patient: PatientSummary) {
    setText(patientDisplayName(patient));
    setOpen(false);
    onChange({ id: patient.id, label: patientDisplayName(patient) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && (expanded || (!value && search.searching))) {
      e.preventDefault();
      // While an answer is pending the list is the previous text's: picking from it could book the wrong patient.
      const patient = options[active];
      if (patient && !search.searching) choose(patient);
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
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching patients"
        aria-busy={!showingRecent && search.searching}
        className="patient-picker__list"
        hidden={!expanded}
      >
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
            <strong>{patientDisplayName(p)}</strong>
            <span className="patient-picker__meta">
              DOB {formatDate(p.dateOfBirth)} · MRN {p.mrn}
              {p.phoneMobile ? ` · ${p.phoneMobile}` : ''}
            </span>
          </li>
        ))}
        {expanded && noMatch && (
          <li className="patient-picker__none" role="option" aria-selected={false} aria-disabled="true">
            No patient matches “{text.trim()}”.
          </li>
        )}
      </ul>
      {!value && search.searching && (
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
