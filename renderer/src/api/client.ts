/**
 * One client interface over the two transports: Electron IPC (window.outpost,
 * exposed by the preload) or the loopback HTTP server (browser mode). Screens
 * only ever see `api.call(method, input)`, typed end to end by the contract.
 */
import { ApiError, type EventName, type EventPayload, type Input, type MethodName, type Output } from '../../../main/contract';
import type { CallResult } from './types';

export interface OutpostClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  setSession(token: string | null): void;
  readonly session: string | null;
}

interface Bridge {
  call(method: string, input: unknown, sessionToken: string | null): Promise<CallResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const SESSION_KEY = 'outpost.session';
const TOKEN_KEY = 'outpost.transport';

function unwrap<M extends MethodName>(result: CallResult): Output<M> {
  if (result.ok) return result.value as Output<M>;
  throw new ApiError(result.error.code, result.error.message, result.error.fields, result.error.details);
}

function httpTransport(): Pick<Bridge, 'call' | 'on'> {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    streaming = true;
    for (;;) {
      try {
        const response = await fetch('./api/events', { headers: { Authorization: `Bearer ${token}` } });
        if (!response.body) throw new Error('no stream');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(message)?.[1];
            const data = /^data: (.+)$/m.exec(message)?.[1];
            if (event && data) for (const l of listeners.get(event) ?? []) l(JSON.parse(data));
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // The workstation core restarted or the stream broke: reconnect shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  return {
    async call(method, input, sessionToken) {
      const response = await fetch('./api/call', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          // Lets the core allow a large body for the methods that carry a file (see the HTTP transport).
          'X-Outpost-Method': method,
          ...(sessionToken ? { 'X-Outpost-Session': sessionToken } : {}),
        },
        body: JSON.stringify({ method, input }),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'UNAUTHENTICATED',
            message: 'This page lost its workstation token. Reopen the address printed by `npm run serve`.',
          },
        };
      }
      return (await response.json()) as CallResult;
    },
    on(event, listener) {
      if (!streaming) void stream();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

export function createClient(): OutpostClient {
  const bridge: Pick<Bridge, 'call' | 'on'> = (window as unknown as { outpost?: Bridge }).outpost ?? httpTransport();
  let session = sessionStorage.getItem(SESSION_KEY);
  return {
    get session() {
      return session;
    },
    setSession(token) {
      session = token;
      if (token) sessionStorage.setItem(SESSION_KEY, token);
      else sessionStorage.removeItem(SESSION_KEY);
    },
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      let result: CallResult;
      try {
        result = await bridge.call(method, input, session);
      } catch {
        throw new ApiError('INTERNAL', 'The workstation core is not responding. Check that Outpost is still running, then try again.');
      }
      return unwrap<M>(result);
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
  };
}

export const api = createClient();
