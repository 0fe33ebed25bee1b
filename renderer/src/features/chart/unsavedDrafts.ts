/**
 * Note text typed on this workstation that the core has not acknowledged yet,
 * per user and note. It outlives the note's component on purpose: leaving the
 * chart, switching encounters or a sign-out while a save is failing must
 * never drop what was typed, and a note signed elsewhere meanwhile still
 * shows the text so it can be copied into an addendum. Memory only: patient
 * text is never written to browser storage.
 */
import { useSyncExternalStore } from 'react';
import type { NoteContent } from '../../../../main/contract';

type Sections = Partial<NoteContent>;

const unsaved = new Map<string, Sections>();
const listeners = new Set<() => void>();

function keyOf(userId: string, noteId: string): string {
  return `${userId}:${noteId}`;
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function readUnsaved(userId: string, noteId: string): Sections | undefined {
  return unsaved.get(keyOf(userId, noteId));
}

/** Remember what was typed in these sections until the core acknowledges it. */
export function keepUnsaved(userId: string, noteId: string, sections: Sections): void {
  const key = keyOf(userId, noteId);
  unsaved.set(key, { ...unsaved.get(key), ...sections });
  changed();
}

/** The core saved these values: forget each section still holding exactly what was saved (newer typing stays). */
export function acknowledge(userId: string, noteId: string, saved: Sections): void {
  const key = keyOf(userId, noteId);
  const current = unsaved.get(key);
  if (!current) return;
  const rest: Sections = { ...current };
  for (const [section, text] of Object.entries(saved) as [keyof NoteContent, string][]) {
    if (rest[section] === text) delete rest[section];
  }
  if (Object.keys(rest).length === 0) unsaved.delete(key);
  else unsaved.set(key, rest);
  changed();
}

/** The person chose to throw the text away (after copying it, or because it is no longer needed). */
export function discardUnsaved(userId: string, noteId: string): void {
  if (unsaved.delete(keyOf(userId, noteId))) changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUnsaved(userId: string, noteId: string): Sections | undefined {
  return useSyncExternalStore(subscribe, () => unsaved.get(keyOf(userId, noteId)));
}
