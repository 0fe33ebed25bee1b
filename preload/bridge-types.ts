/**
 * The type of window.outpost, the only thing the preload exposes to the page.
 * Types only, so the renderer can re-export them without pulling in electron.
 */
import type { ApiErrorShape, EventName, EventPayload, Input, MethodName, Output } from '../main/contract';

/** What a call resolves to: never a thrown API error, always a typed result. */
export type BridgeCallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface OutpostBridge {
  /**
   * Run one API method in the core. The session token is kept by the renderer
   * and passed on every call (null before login). Rejects only for a method
   * name the contract does not know or a malformed token (programming errors).
   */
  call<M extends MethodName>(method: M, input: Input<M>, sessionToken: string | null): Promise<BridgeCallResult<Output<M>>>;
  /** Listen to a core event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
