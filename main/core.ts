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

export type { Core, CoreConfig } from './core-types';

export async function createCore(config: CoreConfig): Promise<Core> {
  mkdirSync(config.dataDir, { recursive: true });
  const { sqlite, db } = openDatabase(join(config.dataDir, 'outpost.db'));
  const store = createStore(sqlite, db);
  const scryptLog2N = config.scryptLog2N ?? 17;
  const empty = needsSetup(store);
  if (config.seedDemo && empty) await seedDemoClinic(store, { scryptLog2N });

  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  // Status is recounted at most a few times a second, off the write path: a burst of writes costs one count.
  let statusTimer: NodeJS.Timeout | null = null;
  const unsubscribe = store.capture.onCommit((tables) => {
    emitter.emit('data.changed', { tables });
    statusTimer ??= setTimeout(() => {
      statusTimer = null;
      emitter.emit('sync.status', { mode: 'local', pendingOps: store.pendingOps(), lastSyncAt: null, lastError: null });
    }, 250);
  });
  const dispatch = createDispatcher({ store, handlers, scryptLog2N });

  return {
    call: dispatch,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    close() {
      if (statusTimer) clearTimeout(statusTimer);
      unsubscribe();
      emitter.removeAllListeners();
      sqlite.close();
      return Promise.resolve();
    },
  };
}
