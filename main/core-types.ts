/** The shape of the core that transports (HTTP, Electron IPC) talk to. */
import type { ApiErrorShape, EventName, EventPayload, SyncTarget } from './contract';
import type { EngineOptions } from './sync/engine';
import type { ObjectStore } from './sync/objects/types';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

export interface Core {
  /** Validate, authorize and run one API method. Never throws: errors come back typed. */
  call(method: string, input: unknown, sessionToken: string | null): Promise<CallResult>;
  /** Subscribe to core events; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  close(): Promise<void>;
}

export interface CoreConfig {
  /** Folder holding outpost.db (created if missing). */
  dataDir: string;
  /** Seed the demo clinic when the database is empty. */
  seedDemo?: boolean;
  /** log2 of scrypt's N for new password hashes; 17 (OWASP) unless tests lower it for speed. */
  scryptLog2N?: number;
  sync?: {
    /** Sync through this location from the start (the embedded default: a local folder) unless configured otherwise. */
    target?: SyncTarget;
    passphrase: string;
    engine?: EngineOptions;
    keyringLog2N?: number;
    /** Tests and the demo wrap the store (fault injection, cut-off). */
    storeFor?: (target: SyncTarget) => ObjectStore;
  };
}
