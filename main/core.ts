/**
 * createCore(config): opens the workstation database, builds the services and
 * the dispatcher, and exposes { call, on, close } to the transports.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { seedDemoClinic } from '../db/seed/demo';
import type { EventName, EventPayload } from './contract';
import type { Core, CoreConfig } from './core-types';
import { createDispatcher } from './dispatch';
import { handlers } from './services';
import { createStore } from './services/store';
import { needsSetup } from './services/accounts/handlers';
import { getClinic } from './services/settings/reference';
import { detectConflicts } from './services/conflicts/detect';
import { JoinError, SyncService } from './sync/service';
import type { Store } from './services/store';

export type { Core, CoreConfig } from './core-types';

export async function createCore(config: CoreConfig): Promise<Core> {
  mkdirSync(config.dataDir, { recursive: true });
  const { sqlite, db, schemaVersion } = openDatabase(join(config.dataDir, 'outpost.db'));
  const store = createStore(sqlite, db);
  const scryptLog2N = config.scryptLog2N ?? 17;
  const empty = needsSetup(store);
  if (config.seedDemo && empty) await seedDemoClinic(store, { scryptLog2N });

  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  // Screens refetch what changed. Audit rows are written by reads too (opening a chart): announcing them would make
  // every open screen refetch, write another audit row, and refetch again, for ever.
  const announceChanged = (tables: string[]) => {
    const shown = tables.filter((table) => table !== 'audit_events');
    if (shown.length > 0) emitter.emit('data.changed', { tables: shown });
  };
  const sync = new SyncService({
    sqlite,
    capture: store.capture,
    schemaVersion,
    hooks: {
      status: (status) => emitter.emit('sync.status', status),
      changed: (tables) => announceChanged(tables),
      merged: (touched) => detectConflicts(store, touched),
    },
    engine: config.sync?.engine,
    keyringLog2N: config.sync?.keyringLog2N,
    storeFor: config.sync?.storeFor,
  });
  sync.start();
  const stopLooking = new AbortController();
  await useDefaultSyncTarget(config, store, sync, stopLooking.signal);

  // Status is recounted at most a few times a second, off the write path: a burst of writes costs one count.
  let statusTimer: NodeJS.Timeout | null = null;
  const unsubscribe = store.capture.onCommit((tables) => {
    announceChanged(tables);
    statusTimer ??= setTimeout(() => {
      statusTimer = null;
      emitter.emit('sync.status', sync.status());
    }, 250);
  });
  const dispatch = createDispatcher({ store, handlers, scryptLog2N, sync });

  return {
    async call(method, input, sessionToken) {
      const result = await dispatch(method, input, sessionToken);
      // A clinic created here starts syncing through the default location at once.
      if (method === 'setup.create' && result.ok) await useDefaultSyncTarget(config, store, sync, stopLooking.signal);
      return result;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    async close() {
      stopLooking.abort();
      if (statusTimer) clearTimeout(statusTimer);
      unsubscribe();
      await sync.close();
      emitter.removeAllListeners();
      sqlite.close();
    },
  };
}

/**
 * The embedded default (a local folder, or the demo's S3 server): a clinic on
 * this workstation starts syncing through it; an empty workstation joins the
 * clinic already there — and if none is there yet (the first workstation is
 * still starting), keeps looking until one appears or this one is set up.
 * Other failures leave sync unconfigured: the admin sets it up from the sync panel.
 */
async function useDefaultSyncTarget(config: CoreConfig, store: Store, sync: SyncService, signal?: AbortSignal): Promise<void> {
  const target = config.sync?.target;
  if (!target || sync.configured || signal?.aborted) return;
  try {
    if (needsSetup(store)) await sync.join(target, config.sync?.passphrase ?? '');
    else await sync.configure(target, config.sync?.passphrase ?? '', getClinic(store).id);
  } catch (error) {
    if (error instanceof JoinError) {
      setTimeout(() => void useDefaultSyncTarget(config, store, sync, signal), JOIN_RETRY_MS).unref();
      return;
    }
    process.stderr.write(`Sync was not started: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

const JOIN_RETRY_MS = 3000;
