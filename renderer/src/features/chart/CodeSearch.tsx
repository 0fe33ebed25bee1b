/**
 * Adding a diagnosis: an ARIA combobox over the ICD-10-CM search, by code
 * ("E11.9", "e11") or by words in any order ("hypertension", "diab neph").
 * Arrows move, Enter adds and clears the box for the next one, Escape closes
 * the list and keeps the text. Enter only picks from the answer for the text
 * as typed now, so a fast typist never adds the previous match. A category
 * header (not billable) is marked, and a code already on the list is offered
 * disabled.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DiagnosisCode } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useDebouncedValue } from '../patients/usePatientSearch';
import { MAX_DIAGNOSES } from './chartText';

const SEARCH_DEBOUNCE_MS = 150;
const RESULT_LIMIT = 10;
/** One letter matches a whole chapter: wait for a second character. */
const MIN_QUERY = 2;

interface Props {
  chosen: string[];
  full: boolean;
  /** While the caller is saving, a pick is ignored (the box keeps its text). */
  busy?: boolean;
  onPick(code: DiagnosisCode): void;
}

export function CodeSearch({ chosen, full, busy = false, onPick }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const searching = query.length >= MIN_QUERY;
  const search = useApi('codes.search', { query, limit: RESULT_LIMIT }, { enabled: searching, placeholderData: keepPreviousData });
  const settled = searching && query === text.trim() && !search.isFetching;
  const options = searching ? (search.data?.codes ?? []) : [];
  const noMatch = settled && !search.error && options.length === 0;
  const expanded = open && text.trim().length >= MIN_QUERY && (options.length > 0 || noMatch);
  const isChosen = (code: DiagnosisCode) => chosen.includes(code.code);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!expanded) return;
    // The box sits low on the page: bring the list into view, then the option the arrows reached.
    const list = listRef.current;
    list?.scrollIntoView({ block: 'nearest' });
    list?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [expanded, active, options.length]);

  function pick(code: DiagnosisCode) {
    if (isChosen(code) || busy) return;
    onPick(code);
    setText('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const code = options[active];
      if (expanded && settled && code) pick(code);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = expanded && options[active] ? `${id}-option-${active}` : undefined;
  const hint = full
    ? `An encounter holds at most ${MAX_DIAGNOSES} diagnoses: remove one to add another.`
    : 'Type a code or words, then ↑ ↓ and Enter to add.';
  return (
    <div className="field chart-code-search">
      <label htmlFor={id}>Add a diagnosis</label>
      <div className="chart-code-search__box">
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          disabled={full}
          placeholder="ICD-10-CM code or words, e.g. I10 or hypertension"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Matching diagnosis codes"
          aria-busy={searching && !settled}
          className="chart-code-search__list"
          hidden={!expanded}
        >
          {options.map((code, i) => {
            const taken = isChosen(code);
            return (
              <li
                key={code.code}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={taken || undefined}
                aria-label={`${code.code} ${code.title}${code.billable ? '' : ', category, not billable'}${taken ? ', already added' : ''}`}
                className={`chart-code-search__option${i === active ? ' chart-code-search__option--active' : ''}${taken ? ' chart-code-search__option--taken' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(code);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="chart-code-search__code chart-mono">{code.code}</span>
                <span className="chart-code-search__title">
                  {code.title}
                  {!code.billable && <span className="chart-code-search__flag"> · category, not billable</span>}
                  {taken && <span className="chart-code-search__flag"> · already added</span>}
                </span>
              </li>
            );
          })}
          {noMatch && (
            <li className="chart-code-search__none" role="option" aria-selected={false} aria-disabled="true">
              No code matches “{text.trim()}”.
            </li>
          )}
        </ul>
      </div>
      <span id={hintId} className="field__hint">
        {hint}
      </span>
      {searching && !settled && (
        <span className="field__hint" role="status">
          Searching…
        </span>
      )}
      {search.error && <span className="field__error">{search.error.message}</span>}
    </div>
  );
}
