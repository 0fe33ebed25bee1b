/**
 * Saving the encounter's diagnoses (and visit reason) as they are changed.
 * Each change carries the whole list, so changes are sent one after another
 * in the order they were made (a later one must never be overtaken by an
 * earlier one), and the list on screen shows the latest change at once. If
 * the core refuses one, the changes made on top of it are dropped too and
 * the list goes back to what the core holds, with the reason shown.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Diagnosis, Encounter, EncounterDetail } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';

export function useDiagnosisChanges(encounter: Encounter) {
  const queryClient = useQueryClient();
  const save = useApiMutation('encounters.setDiagnoses');
  const [shown, setShown] = useState<Diagnosis[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const queue = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef(0);
  /** Bumped by a refusal: changes queued before it were built on the refused list. */
  const generation = useRef(0);

  function change(next: Diagnosis[], done: string, reason?: string | null, onFailed?: () => void): void {
    setShown(next);
    waiting.current += 1;
    const madeIn = generation.current;
    queue.current = queue.current.then(async () => {
      try {
        if (madeIn !== generation.current) {
          onFailed?.();
          return;
        }
        const detail = await save.mutateAsync({ id: encounter.id, diagnoses: next, ...(reason !== undefined ? { reason } : {}) });
        queryClient.setQueryData<EncounterDetail>(['encounters.get', { id: encounter.id }], detail);
        setAnnouncement(done);
      } catch {
        generation.current += 1;
        onFailed?.();
      } finally {
        waiting.current -= 1;
        if (waiting.current === 0) setShown(null);
      }
    });
  }

  return { diagnoses: shown ?? encounter.diagnoses, change, error: save.error, announcement };
}
