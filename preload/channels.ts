/**
 * The two IPC channels between the preload and main/app/ipc.ts, named once.
 * Nothing else crosses IPC: one request channel, one event channel.
 */
import type { EventName } from '../main/contract';

/** Renderer -> main: invoke(CALL_CHANNEL, method, input, sessionToken) -> CallResult. */
export const CALL_CHANNEL = 'outpost:call';
/** Main -> renderer: send(EVENT_CHANNEL, { event, payload }). */
export const EVENT_CHANNEL = 'outpost:event';

export interface EventEnvelope {
  event: EventName;
  payload: unknown;
}
