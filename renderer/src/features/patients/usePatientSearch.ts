/**
 * Search-as-you-type shared by the header box and the search page: waits
 * ~120 ms after the last keystroke so typing a name costs one query, and keeps
 * the previous results on screen while the next ones load (no flicker).
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/hooks';

export const SEARCH_DEBOUNCE_MS = 120;

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function usePatientSearch(text: string, limit: number) {
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const active = query.length > 0;
  const search = useApi('patients.search', { query, limit }, { enabled: active, placeholderData: keepPreviousData });
  const settled = active && query === text.trim() && !search.isFetching;
  return {
    /** What the results are for (the debounced text). */
    query,
    active,
    results: active ? (search.data ?? []) : [],
    /** True until the first answer for the current text arrives. */
    searching: text.trim().length > 0 && !settled && !search.error,
    error: search.error,
  };
}

/** Always refetched when shown: opening a patient changes the list without a data.changed event. */
export function useRecentPatients(enabled: boolean) {
  return useApi('patients.recent', {}, { enabled, staleTime: 0 });
}
