/**
 * The snippet picker: a filter box over a listbox (the ARIA combobox
 * pattern), so the keyboard never leaves the filter: type to narrow, arrows
 * to move, Enter to insert, Escape to go back to the note untouched.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { Snippet } from '../../../../main/contract';
import { Dialog } from '../../ui/Dialog';
import { Empty } from '../../ui/feedback';
import { filterSnippets, previewOf } from './snippetText';

interface Props {
  open: boolean;
  snippets: Snippet[];
  onPick(snippet: Snippet): void;
  onClose(): void;
  onManage(): void;
}

export function SnippetPicker({ open, snippets, onPick, onClose, onManage }: Props) {
  return (
    <Dialog title="Insert snippet" open={open} onClose={onClose} wide>
      <PickerBody snippets={snippets} onPick={onPick} onManage={onManage} />
    </Dialog>
  );
}

function PickerBody({ snippets, onPick, onManage }: Omit<Props, 'open' | 'onClose'>) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = filterSnippets(snippets, query);
  const current = shown[Math.min(active, shown.length - 1)];

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: shown.length - 1 };
    const next = moves[event.key];
    if (next !== undefined && shown.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(shown.length - 1, next)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current);
    }
  }

  return (
    <div className="snippet-picker">
      <label htmlFor={`${id}-filter`}>Find a snippet</label>
      <input
        id={`${id}-filter`}
        data-autofocus
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={shown.length > 0 ? `${id}-list` : undefined}
        aria-activedescendant={current ? `${id}-${current.id}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="snippet-hint">
        Type part of a trigger, title or text. ↑ ↓ to choose, Enter to insert, Esc to go back.
      </p>
      {shown.length === 0 ? (
        <Empty>{snippets.length === 0 ? 'No snippets yet.' : `No snippet matches “${query}”.`}</Empty>
      ) : (
        <ul id={`${id}-list`} role="listbox" aria-label="Snippets" className="snippet-options">
          {shown.map((snippet) => (
            <li
              key={snippet.id}
              id={`${id}-${snippet.id}`}
              role="option"
              aria-selected={snippet === current}
              className={`snippet-option${snippet === current ? ' snippet-option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(snippet)}
            >
              <span className="snippet-trigger">{snippet.trigger}</span>
              <span className="snippet-option__title">{snippet.title}</span>
              {!snippet.shared && <span className="badge snippet-badge">Yours</span>}
              <span className="snippet-option__preview">{previewOf(snippet.body)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onManage}>
          Manage snippets…
        </button>
      </div>
    </div>
  );
}
