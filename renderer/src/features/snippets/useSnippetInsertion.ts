/**
 * Snippets in the SOAP editor: a trigger typed before the caret expands on
 * Space or Tab, and Ctrl+. (or the "Insert snippet" button) opens the picker
 * for the section last typed in, inserting at its caret. Text goes in through
 * the browser's own editing command, so it fires the same change event as
 * typing (the autosave sees it like any keystroke) and Ctrl+Z takes it back.
 * Tab that expands nothing still moves the focus, as everywhere else.
 */
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { NoteSection, PatientSummary, Snippet } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { fillSnippet, placeholderValues, snippetForTrigger, wordBeforeCaret } from './snippetText';

interface Target {
  section: NoteSection;
  element: HTMLTextAreaElement;
  start: number;
  end: number;
}

export interface SnippetInsertion {
  snippets: Snippet[];
  pickerOpen: boolean;
  /** What was inserted last, for the status line. */
  inserted: string | null;
  onKeyDown(section: NoteSection, event: KeyboardEvent<HTMLTextAreaElement>): void;
  onFocus(section: NoteSection, event: FocusEvent<HTMLTextAreaElement>): void;
  openPicker(): void;
  closePicker(): void;
  insert(snippet: Snippet): void;
}

const ORDER = ['subjective', 'objective', 'assessment', 'plan'] as const;

/** Replace start..end with text as if typed; falls back to a plain change where the command is unavailable. */
function typeInto(target: Target, text: string, onType: (section: NoteSection, text: string) => void): void {
  const { element, section, start, end } = target;
  element.focus();
  element.setSelectionRange(start, end);
  const expected = element.value.slice(0, start) + text + element.value.slice(end);
  // Deprecated but the only way to keep the browser's undo stack; Chromium (and so Electron) supports it.
  const inserted = document.execCommand('insertText', false, text);
  if (!inserted || element.value !== expected) {
    onType(section, expected);
    const caret = start + text.length;
    requestAnimationFrame(() => element.setSelectionRange(caret, caret));
  }
}

export function useSnippetInsertion(
  patient: PatientSummary | undefined,
  enabled: boolean,
  onType: (section: NoteSection, text: string) => void,
): SnippetInsertion {
  const session = useSession();
  const { reference } = useReference();
  const list = useApi('snippets.list', {}, { enabled, staleTime: 60_000 });
  const snippets = list.data?.snippets ?? [];
  const last = useRef<{ section: NoteSection; element: HTMLTextAreaElement } | null>(null);
  const target = useRef<Target | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [inserted, setInserted] = useState<string | null>(null);

  function fill(snippet: Snippet): string {
    if (!patient || !reference) return snippet.body;
    return fillSnippet(snippet.body, placeholderValues(patient, session.user.displayName, reference.clinic.timeZone));
  }

  function openAt(section: NoteSection, element: HTMLTextAreaElement) {
    target.current = { section, element, start: element.selectionStart, end: element.selectionEnd };
    setPickerOpen(true);
  }

  return {
    snippets,
    pickerOpen,
    inserted,
    onFocus(section, event) {
      last.current = { section, element: event.currentTarget };
    },
    onKeyDown(section, event) {
      if (!enabled || event.nativeEvent.isComposing) return;
      const element = event.currentTarget;
      if ((event.ctrlKey || event.metaKey) && event.key === '.') {
        event.preventDefault();
        openAt(section, element);
        return;
      }
      if ((event.key !== ' ' && event.key !== 'Tab') || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (element.selectionStart !== element.selectionEnd) return;
      const typed = wordBeforeCaret(element.value, element.selectionStart);
      const snippet = typed && snippetForTrigger(snippets, typed.word);
      if (!typed || !snippet) return;
      event.preventDefault();
      const text = fill(snippet);
      // Space after a trigger is a space after the text too, unless the text ends a line.
      const space = event.key === ' ' && !/\s$/.test(text) ? ' ' : '';
      typeInto({ section, element, start: typed.start, end: element.selectionStart }, text + space, onType);
      setInserted(snippet.title);
    },
    openPicker() {
      const remembered = last.current;
      if (remembered && remembered.element.isConnected) {
        openAt(remembered.section, remembered.element);
        return;
      }
      const first = document.querySelector<HTMLTextAreaElement>('textarea[data-note-section]');
      const section = ORDER.find((s) => s === first?.dataset.noteSection);
      if (first && section) openAt(section, first);
    },
    closePicker() {
      setPickerOpen(false);
      const at = target.current;
      if (at) requestAnimationFrame(() => at.element.focus());
    },
    insert(snippet) {
      setPickerOpen(false);
      const at = target.current;
      if (!at) return;
      // After the dialog has closed and handed the focus back.
      requestAnimationFrame(() => {
        typeInto(at, fill(snippet), onType);
        setInserted(snippet.title);
      });
    },
  };
}
