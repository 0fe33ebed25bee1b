/**
 * The cloud as the sync engine sees it: a flat key space of immutable or
 * overwritable objects (ARCHITECTURE §4). S3Store and FolderStore implement
 * it with the same behaviour, checked by one shared test suite.
 */

export interface ListedObject {
  key: string;
  size: number;
  /** Changes whenever the object is rewritten; lets a poll skip unchanged heads. */
  etag: string;
}

export interface ObjectStore {
  /** For status and error messages: where the data goes, never credentials. */
  readonly description: string;
  /**
   * Write only if nothing is stored under `key`. Returns 'exists' when the
   * store could tell the key was taken (a store that cannot tell overwrites
   * and returns 'created': callers verify what they read back).
   */
  create(key: string, body: Uint8Array): Promise<'created' | 'exists'>;
  /** Write or overwrite. */
  put(key: string, body: Uint8Array): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Every object under `prefix` (all pages), sorted by key, optionally only keys after `startAfter`. */
  list(prefix: string, startAfter?: string): Promise<ListedObject[]>;
  /** Remove an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** The store's clock minus ours, in ms, as last observed (null before the first answer). */
  clockSkewMs(): number | null;
}

export type StoreFailure =
  /** The store cannot be reached (no network, DNS, refused, timeout): the workstation is offline. */
  | 'unreachable'
  /** Credentials refused or no permission on the bucket/folder. */
  | 'denied'
  /** Bucket or folder does not exist. */
  | 'missing'
  /** The store answered with a server error; retry later. */
  | 'server';

/** A failure talking to the store, with a message a person at the desk can act on. No PHI, no secrets. */
export class StoreError extends Error {
  constructor(
    readonly failure: StoreFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
