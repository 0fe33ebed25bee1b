/**
 * Finding a service on the fee schedule while typing its code or words of
 * its description: an ARIA combobox (focus stays in the box, arrows move,
 * Enter picks), like the diagnosis search in the chart. What is typed stays
 * the code when nothing is picked, so a code missing from the schedule can
 * still be billed with a price entered by hand.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import type { FeeItem } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { formatCents } from '../../ui/format';
import { useDebouncedValue, SEARCH_DEBOUNCE_MS } from '../patients/usePatientSearch';

interface Props {
  scheduleId: string | null;
  code: string;
  onCode(code: string): void;
  onPick(item: FeeItem): void;
  error?: string;
}

export function FeeCodeSearch({ scheduleId, code, onCode, onPick, error }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(code.trim(), SEARCH_DEBOUNCE_MS);
  const items = useApi(
    'feeSchedules.items',
    { scheduleId: scheduleId ?? '', query },
    { enabled: Boolean(scheduleId) && open, placeholderData: keepPreviousData },
  );
  const options = (items.data?.items ?? []).filter((item) => item.active).slice(0, 12);
  const expanded = open && options.length > 0;
  /** The list on show is still the previous text's: Enter waits for the answer rather than pick from it. */
  const searching = query !== code.trim() || items.isFetching;

  function pick(item: FeeItem) {
    onPick(item);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(options.length - 1, 0)));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const item = options[active];
      if (item && !searching) pick(item);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className={`field billing-search${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Service code</label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder="Code or words, e.g. 99213 or venipuncture"
        value={code}
        onChange={(e) => {
          onCode(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Services on the fee schedule"
        aria-busy={searching}
        className="billing-search__list"
        hidden={!expanded}
      >
        {options.map((item, i) => (
          <li
            key={item.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className={`billing-search__option${i === active ? ' billing-search__option--active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(item);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="mono">{item.code}</span> {item.description}
            <span className="billing-search__price">{formatCents(item.priceCents)}</span>
          </li>
        ))}
      </ul>
      {error ? (
        <div id={`${id}-error`} className="field__error" role="alert">
          {error}
        </div>
      ) : (
        <div id={`${id}-hint`} className="field__hint">
          {scheduleId ? 'Type to search the fee schedule; arrows and Enter to pick' : 'No fee schedule: type the code and its price'}
        </div>
      )}
    </div>
  );
}
