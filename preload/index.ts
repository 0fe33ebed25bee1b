/**
 * Preload (sandboxed, bundled as CommonJS): exposes window.outpost = { call, on }
 * and nothing else. Policy: no ipcRenderer or event objects reach the page;
 * method and event names are checked against the contract before anything
 * crosses IPC; listeners receive the payload only. Authorization is not done
 * here — main checks the sender frame and dispatch checks the session.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, isMethodName, type EventName, type EventPayload, type Input, type MethodName, type Output } from '../main/contract';
import type { BridgeCallResult, OutpostBridge } from './bridge-types';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventEnvelope } from './channels';

type Listener = (payload: unknown) => void;

const knownEvents: ReadonlySet<string> = new Set(eventNames);
const listeners = new Map<EventName, Set<Listener>>();

function isKnownEvent(value: unknown): value is EventName {
  return typeof value === 'string' && knownEvents.has(value);
}

ipcRenderer.on(EVENT_CHANNEL, (_event, envelope: Partial<EventEnvelope> | null) => {
  if (!isKnownEvent(envelope?.event)) return;
  for (const listener of [...(listeners.get(envelope.event) ?? [])]) {
    try {
      listener(envelope.payload);
    } catch (error) {
      console.error(`An outpost "${envelope.event}" listener failed:`, error);
    }
  }
});

function call<M extends MethodName>(method: M, input: Input<M>, sessionToken: string | null): Promise<BridgeCallResult<Output<M>>> {
  if (typeof method !== 'string' || !isMethodName(method)) {
    return Promise.reject(new TypeError(`Unknown API method: ${String(method)}`));
  }
  if (sessionToken !== null && typeof sessionToken !== 'string') {
    return Promise.reject(new TypeError('The session token must be a string or null.'));
  }
  return ipcRenderer.invoke(CALL_CHANNEL, method, input, sessionToken) as Promise<BridgeCallResult<Output<M>>>;
}

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!isKnownEvent(event)) throw new TypeError(`Unknown event: ${String(event)}`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

const bridge: OutpostBridge = { call, on };
contextBridge.exposeInMainWorld('outpost', bridge);
