/** Events pushed from the core to the renderer. */
import { z } from 'zod';

export const SyncStatus = z.object({
  /** 'local' until a cloud store is configured: the data lives on this workstation only. */
  mode: z.enum(['local', 'online', 'offline']),
  pendingOps: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const events = {
  /** Tables changed by a committed write (local or remote): screens refetch what depends on them. */
  'data.changed': z.object({ tables: z.array(z.string()) }),
  'sync.status': SyncStatus,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
