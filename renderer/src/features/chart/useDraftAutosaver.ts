/**
 * The React side of DraftAutosaver: one saver per note for as long as the
 * note is on screen (saving straight through the client rather than a
 * react-query mutation, whose observer goes away with the component), fed with what the core sends, flushed when the page is
 * hidden or closed, when the component goes away, and on Ctrl+S / Cmd+S.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Note } from '../../../../main/contract';
import { api } from '../../api/client';
import { DraftAutosaver, type AutosaveSnapshot } from './draftAutosaver';

export function useDraftAutosaver(note: Note, userId: string): AutosaveSnapshot & { saver: DraftAutosaver } {
  const [saver] = useState(
    () => new DraftAutosaver(note.id, userId, note.content, note.updatedAt, (content) => api.call('notes.save', { id: note.id, content })),
  );

  useEffect(() => {
    saver.attach();
    const saveNow = () => void saver.flush();
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveNow();
      }
    }
    function onHidden() {
      if (document.visibilityState === 'hidden') saveNow();
    }
    window.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onHidden);
      saver.detach();
    };
  }, [saver]);

  useEffect(() => saver.serverSent(note.content, note.updatedAt), [saver, note.content, note.updatedAt]);

  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  return { ...snapshot, saver };
}
