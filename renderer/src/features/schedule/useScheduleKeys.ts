/**
 * The schedule's single-key shortcuts (N new, U unavailable, T today, F find,
 * arrows/PageUp/PageDown to move). They only act when the person is not
 * typing and no dialog is open, so a letter typed in a field stays a letter.
 * The buttons announce them with aria-keyshortcuts.
 */
import { useEffect } from 'react';

/** keys: a lower-case letter or a KeyboardEvent.key name, mapped to what it does. */
export function useScheduleKeys(keys: Record<string, () => void>): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], summary') || document.querySelector('dialog[open]')) return;
      const action = keys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keys]);
}
