/**
 * The full patient search: one big box that answers as you type, a table
 * that tells similar patients apart (DOB + age, sex, MRN, phone), and the
 * desk's recent patients when the box is empty. Keyboard-first: the focus
 * stays in the box, arrows move the highlighted row, Enter opens it.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { patientDisplayName, type PatientSummary } from '../../../../main/contract';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { dobWithAge, primaryPhone, sexLabel, summaryText } from './patientDisplay';
import { offerRegistrationDraft } from './registrationDraft';
import { usePatientSearch, useRecentPatients } from './usePatientSearch';

const LIMIT = 50;

export function PatientSearchPage({ text, onTextChange }: { text: string; onTextChange(text: string): void }) {
  const { navigate } = useNavigation();
  const canRegister = useSession().can('patients.write');
  const [active, setActive] = useState(0);
  const id = useId();
  const showingRecent = text.trim() === '';
  const search = usePatientSearch(text, LIMIT);
  const recent = useRecentPatients(showingRecent);
  const rows = showingRecent ? (recent.data ?? []) : search.results;
  const activeIndex = rows.length === 0 ? -1 : Math.min(active, rows.length - 1);
  const activeRow = rows[activeIndex];

  function open(patient: PatientSummary) {
    navigate({ screen: 'patients', patientId: patient.id });
  }

  function register() {
    offerRegistrationDraft(text);
    navigate({ screen: 'patients', mode: 'new' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (rows.length > 0) setActive((Math.max(activeIndex, 0) + (event.key === 'ArrowDown' ? 1 : -1) + rows.length) % rows.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Rows on screen during a pending search belong to the previous text: wait for the answer.
      if (activeRow && !(search.searching && !showingRecent)) open(activeRow);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      onTextChange('');
    }
  }

  return (
    <div className="patients-page">
      <div className="patients-page__head">
        <h1>Patients</h1>
        {canRegister && (
          <button type="button" className="button button--primary" onClick={register}>
            + Register new patient
          </button>
        )}
      </div>

      <div className="patients-search">
        <label htmlFor={`${id}-q`} className="patients-search__label">
          Search patients
        </label>
        <input
          id={`${id}-q`}
          className="patients-search__input"
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="Name, date of birth (MM/DD/YYYY), phone or MRN"
          aria-describedby={`${id}-help`}
          aria-controls={`${id}-results`}
          value={text}
          onChange={(e) => {
            onTextChange(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={`${id}-help`} className="patients-search__help">
          Names in any order, e.g. “garcia ana” · <kbd>↑</kbd> <kbd>↓</kbd> choose a patient · <kbd>Enter</kbd> open
        </div>
      </div>

      <section id={`${id}-results`} aria-labelledby={`${id}-heading`} className="patients-results">
        <h2 id={`${id}-heading`}>{showingRecent ? 'Your recent patients' : `Patients matching “${text.trim()}”`}</h2>
        {showingRecent ? (
          recent.isPending ? (
            <Loading label="Loading recent patients…" />
          ) : recent.error ? (
            <ErrorMessage error={recent.error} />
          ) : rows.length === 0 ? (
            <Empty>No recent patients yet. Search above by name, date of birth, phone number or MRN.</Empty>
          ) : null
        ) : search.error ? (
          <ErrorMessage error={search.error} />
        ) : search.searching && rows.length === 0 ? (
          <Loading label="Searching…" />
        ) : rows.length === 0 ? (
          <Empty>
            <p className="patients-empty__title">No patient matches “{text.trim()}”.</p>
            <p>Check the spelling, try the date of birth or phone number, or register the patient.</p>
            {canRegister && (
              <button type="button" className="button button--primary" onClick={register}>
                + Register new patient
              </button>
            )}
          </Empty>
        ) : null}
        {rows.length > 0 && (
          <PatientTable rows={rows} activeIndex={activeIndex} onOpen={open} onHover={setActive} busy={!showingRecent && search.searching} />
        )}
        {!showingRecent && rows.length === LIMIT && (
          <p className="patients-results__more">
            Showing the first {LIMIT} matches. Add a first name, date of birth or phone number to narrow it down.
          </p>
        )}
        <div className="visually-hidden" role="status" aria-live="polite">
          {!showingRecent && !search.searching
            ? `${rows.length}${rows.length === LIMIT ? ' or more' : ''} patient${rows.length === 1 ? '' : 's'} found`
            : ''}
          {activeRow ? `. Highlighted: ${summaryText(activeRow, patientDisplayName(activeRow))}. Press Enter to open.` : ''}
        </div>
      </section>
    </div>
  );
}

interface TableProps {
  rows: PatientSummary[];
  activeIndex: number;
  busy: boolean;
  onOpen(patient: PatientSummary): void;
  onHover(index: number): void;
}

function PatientTable({ rows, activeIndex, busy, onOpen, onHover }: TableProps) {
  return (
    <table className={`table patients-table${busy ? ' patients-table--busy' : ''}`} aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Date of birth</th>
          <th scope="col">Sex</th>
          <th scope="col">MRN</th>
          <th scope="col">Phone</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p, i) => (
          <tr
            key={p.id}
            className={i === activeIndex ? 'patients-table__row--active' : undefined}
            aria-current={i === activeIndex ? 'true' : undefined}
            onClick={() => onOpen(p)}
            onMouseMove={() => i !== activeIndex && onHover(i)}
          >
            <td>
              <button
                type="button"
                className="patients-link patients-table__name"
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(p);
                }}
              >
                {patientDisplayName(p)}
              </button>
            </td>
            <td>{dobWithAge(p.dateOfBirth)}</td>
            <td>{sexLabel(p.sex)}</td>
            <td className="patients-mono">{p.mrn}</td>
            <td>{primaryPhone(p) ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
