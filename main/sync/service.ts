/**
 * The workstation's sync as the rest of the core sees it: where it syncs
 * (kept in sync_state), the engine while configured, and the two ways in:
 * configure (this workstation's clinic starts syncing) and join (an empty
 * workstation becomes a copy of a clinic that already syncs).
 */
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../contract/events';
import type { SyncTarget, SyncTargetView } from '../contract/sync';
import type { BlobCloud } from './blobs';
import { localCounts, SyncEngine, type EngineHooks, type EngineOptions } from './engine';
import { clinicsAt, createOrOpenKeyring, openKeyring, type DataKeys } from './keyring';
import type { ChangeCapture } from './mutate';
import { objectStoreFor } from './objects';
import type { ObjectStore } from './objects/types';
import { deviceKey } from './roster';
import { readState, writeState } from './state';

interface SavedConfig {
  target: SyncTarget;
  clinicId: string;
  /** epoch -> base64 data key. Protected by the database's own encryption at rest (ARCHITECTURE §5). */
  keys: Record<string, string>;
}

export interface SyncServiceOptions {
  sqlite: Database.Database;
  capture: ChangeCapture;
  schemaVersion: number;
  hooks: EngineHooks;
  engine?: EngineOptions;
  /** scrypt cost of a new clinic keyring (tests lower it). */
  keyringLog2N?: number;
  /** Builds the store for a target; tests wrap it (fault proxy, cut-off). */
  storeFor?: (target: SyncTarget) => ObjectStore;
}

export class SyncService {
  private engine: SyncEngine | null = null;
  private queue: Promise<void> = Promise.resolve();
  private config: SavedConfig | null;
  /** The store the engine syncs through, shared with on-demand blob downloads. */
  private objects: ObjectStore | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    this.config = this.load();
  }

  /** Start syncing if this workstation was configured before. */
  start(): void {
    if (this.config) this.startEngine(this.config);
  }

  status(): SyncStatus {
    if (this.engine) return this.engine.status();
    return {
      mode: 'local',
      ...localCounts(this.options.sqlite),
      lastSyncAt: null,
      lastError: null,
      syncing: false,
      progress: null,
      offlineSince: null,
      quarantinedOps: 0,
      alarms: [],
      target: null,
      paused: false,
      history: [],
    };
  }

  async syncNow(): Promise<SyncStatus> {
    await this.engine?.syncNow();
    return this.status();
  }

  /** Write a snapshot of this workstation's data now, and prune what it makes redundant. */
  async writeSnapshot(): Promise<void> {
    await this.engine?.writeSnapshot();
  }

  setPaused(paused: boolean): SyncStatus {
    this.engine?.setPaused(paused);
    return this.status();
  }

  settings(): { target: SyncTargetView | null } {
    const target = this.config?.target;
    if (!target) return { target: null };
    if (target.kind === 'folder') return { target };
    const { secretAccessKey, ...shown } = target;
    return { target: { ...shown, hasSecret: secretAccessKey.length > 0 } };
  }

  get configured(): boolean {
    return this.config !== null;
  }

  /** The clinic's cloud for fetching attachment content on demand (main/sync/blobs.ts); null when this workstation does not sync. */
  blobCloud(): BlobCloud | null {
    if (!this.config || !this.objects) return null;
    return { objects: this.objects, clinicId: this.config.clinicId, keys: decodeKeys(this.config.keys) };
  }

  /** Sync this workstation's clinic through `target`, creating the clinic's keyring there or opening it. */
  async configure(target: SyncTarget, passphrase: string, clinicId: string): Promise<SyncStatus> {
    return this.one(() => this.configureNow(target, passphrase, clinicId));
  }

  private async configureNow(target: SyncTarget, passphrase: string, clinicId: string): Promise<SyncStatus> {
    const objects = this.storeFor(target);
    const keys = await createOrOpenKeyring(objects, clinicId, passphrase, this.options.keyringLog2N);
    await this.replace({ target, clinicId, keys: encodeKeys(keys) });
    await this.engine?.syncNow();
    return this.status();
  }

  /** Join the one clinic found at `target`: keys from the passphrase, then everything pulled. */
  async join(target: SyncTarget, passphrase: string): Promise<void> {
    return this.one(() => this.joinNow(target, passphrase));
  }

  private async joinNow(target: SyncTarget, passphrase: string): Promise<void> {
    const objects = this.storeFor(target);
    const clinics = await clinicsAt(objects);
    const clinicId = clinics[0];
    if (clinics.length !== 1 || !clinicId) {
      throw new JoinError(
        clinics.length === 0
          ? 'No Outpost clinic syncs through this location yet. Check the folder or bucket, or set this workstation up as a new clinic.'
          : 'Several clinics sync through this location. Ask your administrator for the folder or prefix of yours.',
      );
    }
    const keys = await openKeyring(objects, clinicId, passphrase);
    await this.replace({ target, clinicId, keys: encodeKeys(keys) });
    await this.engine?.syncNow();
  }

  async close(): Promise<void> {
    await this.engine?.stop();
    this.engine = null;
  }

  /**
   * One configure or join at a time: two interleaved (a setup finishing while the workstation looks for its
   * clinic) would each close the engine before the other starts its own, leaving one running unseen.
   */
  private one<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async replace(config: SavedConfig): Promise<void> {
    await this.close();
    writeState(this.options.sqlite, 'sync_config', JSON.stringify(config));
    this.config = config;
    this.startEngine(config);
  }

  private startEngine(config: SavedConfig): void {
    const { sqlite, capture, schemaVersion, hooks } = this.options;
    this.objects = this.storeFor(config.target);
    this.engine = new SyncEngine(
      {
        sqlite,
        objects: this.objects,
        clinicId: config.clinicId,
        deviceId: capture.deviceId,
        keys: decodeKeys(config.keys),
        schemaVersion,
        deviceKey: deviceKey(sqlite, capture.deviceId),
      },
      capture,
      hooks,
      this.options.engine,
    );
    this.engine.start();
  }

  private storeFor(target: SyncTarget): ObjectStore {
    return (this.options.storeFor ?? objectStoreFor)(target);
  }

  private load(): SavedConfig | null {
    const saved = readState(this.options.sqlite, 'sync_config');
    return saved ? (JSON.parse(saved) as SavedConfig) : null;
  }
}

export class JoinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JoinError';
  }
}

function encodeKeys(keys: DataKeys): Record<string, string> {
  return Object.fromEntries([...keys].map(([epoch, key]) => [String(epoch), key.toString('base64')]));
}

function decodeKeys(saved: Record<string, string>): DataKeys {
  return new Map(Object.entries(saved).map(([epoch, key]) => [Number(epoch), Buffer.from(key, 'base64')]));
}
