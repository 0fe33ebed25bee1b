/** Events pushed from the core to the renderer. */
import { z } from 'zod';

export const SyncStatus = z.object({
  /** 'local' until a cloud store is configured: the data lives on this workstation only. */
  mode: z.enum(['local', 'online', 'offline']),
  /** Local changes not yet in the cloud. */
  pendingOps: z.number().int(),
  lastSyncAt: z.string().nullable(),
  /** What went wrong last, in words for the person at the desk (never patient data). */
  lastError: z.string().nullable(),
  /** Syncing right now, and how far. */
  syncing: z.boolean().default(false),
  progress: z
    .object({ done: z.number().int(), total: z.number().int().nullable(), phase: z.enum(['push', 'pull', 'bootstrap']) })
    .nullable()
    .default(null),
  /** Since when the cloud could not be reached. */
  offlineSince: z.string().nullable().default(null),
  /** Changes from other workstations waiting to be applied (a record not seen yet, or from a newer Outpost). */
  quarantinedOps: z.number().int().default(0),
  /** Problems a person must look at: altered cloud history, a workstation's clock far off. */
  alarms: z.array(z.string()).default([]),
  /** Where the data syncs to, e.g. "folder /srv/outpost" (no credentials). */
  target: z.string().nullable().default(null),
  /** The sync location was cut off on purpose from the sync panel (practice / demo). */
  paused: z.boolean().default(false),
  /** Recent sync rounds that did something or failed, newest first. */
  history: z
    .array(
      z.object({
        at: z.string(),
        outcome: z.enum(['ok', 'offline', 'error']),
        /** Local changes sent / changes from other workstations applied. */
        sent: z.number().int(),
        received: z.number().int(),
        message: z.string().nullable(),
      }),
    )
    .default([]),
  /** Conflicts found after merging other workstations' changes, waiting for a person. */
  openConflicts: z.number().int().default(0),
  /** Of those, the ones about the content of a chart (only clinical staff see them). */
  openClinicalConflicts: z.number().int().default(0),
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
