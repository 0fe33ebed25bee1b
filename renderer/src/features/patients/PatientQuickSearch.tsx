/**
 * The always-visible "Find patient" box in the header: the front desk's way
 * into any chart without leaving the keyboard (Ctrl+K or F2 from anywhere,
 * type, arrows, Enter). An ARIA 1.2 combobox: focus stays in the box and the
 * highlighted option is announced through aria-activedescendant.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { patientDisplayName, type PatientSummary } from '../../../../main/contract';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { dobWithAge, primaryPhone, sexLabel, summaryText } from './patientDisplay';
import { offerRegistrationDraft } from './registrationDraft';
import { usePatientSearch, useRecentPatients } from './usePatientSearch';
import './patients.css';

type Choice = { kind: 'patient'; patient: PatientSummary } | { kind: 'register' };

const RESULT_LIMIT = 8;

/** Ctrl+K (Cmd+K on a Mac keyboard) or F2, from anywhere in the app. */
function isFindShortcut(event: globalThis.KeyboardEvent): boolean {
  if (event.key === 'F2' && !event.ctrlKey && !event.altKey && !event.metaKey) return true;
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

export function PatientQuickSearch() {
  const { navigate } = useNavigation();
  const canRegister = useSession().can('patients.write');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;

  const showingRecent = text.trim() === '';
  const search = usePatientSearch(text, RESULT_LIMIT);
  const recent = useRecentPatients(open && showingRecent);
  const patients = showingRecent ? (recent.data ?? []) : search.results;
  const choices: Choice[] = [
    ...patients.map((patient): Choice => ({ kind: 'patient', patient })),
    // Offered once the answer is in, so a quick Enter never registers someone who was about to be found.
    ...(canRegister && !showingRecent && !search.searching ? [{ kind: 'register' } as const] : []),
  ];
  const activeIndex = choices.length === 0 ? -1 : Math.min(active, choices.length - 1);
  const noMatch = !showingRecent && !search.searching && !search.error && search.results.length === 0;

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (!isFindShortcut(event)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function choose(choice: Choice) {
    if (choice.kind === 'patient') navigate({ screen: 'patients', patientId: choice.patient.id });
    else {
      offerRegistrationDraft(text);
      navigate({ screen: 'patients', mode: 'new' });
    }
    setText('');
    setOpen(false);
    inputRef.current?.blur();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = choices.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
      } else if (count > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((Math.max(activeIndex, 0) + step + count) % count);
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // While an answer is pending the list is the previous text's: opening from it could open the wrong chart.
      const choice = choices[activeIndex];
      if (open && choice && !(search.searching && !showingRecent)) choose(choice);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open) setOpen(false);
      else setText('');
    }
  }

  const optionId = (i: number) => `${baseId}-option-${i}`;
  const count = search.results.length;
  const announcement = !open
    ? ''
    : showingRecent
      ? recent.data
        ? `${recent.data.length} recent patient${recent.data.length === 1 ? '' : 's'}`
        : ''
      : search.searching
        ? ''
        : noMatch
          ? `No patient matches ${text.trim()}`
          : `${count}${count === RESULT_LIMIT ? ' or more' : ''} patient${count === 1 ? '' : 's'} found`;

  return (
    <div className="pq">
      <label htmlFor={`${baseId}-input`} className="visually-hidden">
        Find patient
      </label>
      <span className="pq__icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        id={`${baseId}-input`}
        className="pq__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Find patient — Ctrl+K"
        aria-keyshortcuts="Control+K F2"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <kbd className="pq__kbd" aria-hidden="true">
        Ctrl K
      </kbd>
      <div className="pq__popup" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
        <div className="pq__caption">
          {showingRecent ? 'Recent patients' : search.searching && count === 0 ? 'Searching…' : 'Matching patients'}
        </div>
        {showingRecent && recent.isPending && <div className="pq__note">Loading recent patients…</div>}
        {showingRecent && recent.error && <div className="pq__note pq__note--error">{recent.error.message}</div>}
        {showingRecent && recent.data?.length === 0 && (
          <div className="pq__note">No recent patients yet. Type a name, date of birth (MM/DD/YYYY), phone or MRN.</div>
        )}
        {!showingRecent && search.error && <div className="pq__note pq__note--error">{search.error.message}</div>}
        {noMatch && (
          <div className="pq__note">
            No patient matches “<strong>{text.trim()}</strong>”.
          </div>
        )}
        <ul
          id={listId}
          role="listbox"
          aria-label={showingRecent ? 'Recent patients' : 'Matching patients'}
          aria-busy={!showingRecent && search.searching}
          className={`pq__list${!showingRecent && search.searching ? ' pq__list--busy' : ''}`}
        >
          {choices.map((choice, i) => (
            <li
              key={choice.kind === 'patient' ? choice.patient.id : 'register'}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={`pq__option${i === activeIndex ? ' pq__option--active' : ''}${choice.kind === 'register' ? ' pq__option--register' : ''}`}
              aria-label={
                choice.kind === 'patient' ? summaryText(choice.patient, patientDisplayName(choice.patient)) : 'Register new patient'
              }
              onMouseMove={() => i !== activeIndex && setActive(i)}
              onClick={() => choose(choice)}
            >
              {choice.kind === 'patient' ? <PatientOption patient={choice.patient} /> : <span>+ Register new patient</span>}
            </li>
          ))}
        </ul>
        <div className="pq__help" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
        </div>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

function PatientOption({ patient }: { patient: PatientSummary }) {
  const phone = primaryPhone(patient);
  return (
    <>
      <span className="pq__row">
        <span className="pq__name">{patientDisplayName(patient)}</span>
        <span className="pq__mrn">MRN {patient.mrn}</span>
      </span>
      <span className="pq__meta">
        {dobWithAge(patient.dateOfBirth)} · {sexLabel(patient.sex)}
        {phone ? ` · ${phone}` : ''}
      </span>
    </>
  );
}
