/**
 * The workstation's sync state, shared by the header and the panel: read once
 * with sync.status, then kept current by the core's `sync.status` events
 * (written into the same query, so every reader sees the newest state).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError, SyncStatus } from '../../../../main/contract';
import { api } from '../../api/client';

const KEY = ['sync.status', {}] as const;

/**
 * How many sync.status events have arrived. Events come in order on one
 * stream, but the answer to a call may arrive after an event that is newer
 * than it (the round that setPaused(false) starts can finish first), so an
 * answer is only used when no event came in while it was on its way.
 */
let eventsSeen = 0;

export function useSyncStatus(): SyncStatus | undefined {
  const client = useQueryClient();
  const query = useQuery<SyncStatus, ApiError>({
    queryKey: KEY,
    // A refetch (after data.changed) must not undo an event that arrived while it was on its way.
    queryFn: async () => {
      const before = eventsSeen;
      const status = await api.call('sync.status', {});
      return eventsSeen === before ? status : (client.getQueryData<SyncStatus>(KEY) ?? status);
    },
    staleTime: Infinity,
  });
  useEffect(
    () =>
      api.on('sync.status', (status) => {
        eventsSeen += 1;
        client.setQueryData(KEY, status);
      }),
    [client],
  );
  return query.data;
}

/** Runs a call that answers with the sync state (sync.now, sync.setPaused, sync.configure) and shows that answer unless a newer event beat it. */
export function useSyncCall(): (call: () => Promise<SyncStatus>) => Promise<SyncStatus> {
  const client = useQueryClient();
  return async (call) => {
    const before = eventsSeen;
    const status = await call();
    if (eventsSeen === before) client.setQueryData(KEY, status);
    return status;
  };
}

/** The current time, refreshed every `everyMs` (for "2 min ago"). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
