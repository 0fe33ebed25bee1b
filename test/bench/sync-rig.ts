/**
 * Two workstations (A, B) syncing through s3rver on loopback, behind a
 * counting proxy, for the sync benchmarks. Each workstation is a real
 * database with the real write path and a real SyncService.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import type { SyncTarget } from '../../main/contract';
import { createStore, type Store } from '../../main/services/store';
import type { EngineOptions } from '../../main/sync/engine';
import { S3Store } from '../../main/sync/objects/s3';
import { SyncService } from '../../main/sync/service';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startS3Server, type S3Server } from '../support/s3server';

export const CLINIC_ID = 'bench-clinic';
const PASSPHRASE = 'benchmark passphrase';

export interface Workstation {
  store: Store;
  sync: SyncService;
  changed: string[][];
  close(): Promise<void>;
}

export interface SyncRig {
  s3: S3Server;
  proxy: FaultProxy;
  target: SyncTarget;
  workstation(engine?: EngineOptions): Workstation;
  requests(): number;
  close(): Promise<void>;
}

export async function syncRig(): Promise<SyncRig> {
  const s3 = await startS3Server();
  const proxy = await startFaultProxy(s3.endpoint);
  const dirs: string[] = [];
  const target: SyncTarget = {
    kind: 's3',
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    bucket: s3.bucket,
    prefix: '',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    s3,
    proxy,
    target,
    workstation(engine = { pollMs: 3_600_000, pushDelayMs: 3_600_000 }) {
      const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-sync-'));
      dirs.push(dir);
      const { sqlite, db, schemaVersion } = openDatabase(join(dir, 'outpost.db'));
      const store = createStore(sqlite, db);
      const changed: string[][] = [];
      const sync = new SyncService({
        sqlite,
        capture: store.capture,
        schemaVersion,
        engine,
        keyringLog2N: 12,
        hooks: { status: () => undefined, changed: (tables) => changed.push(tables) },
        storeFor: () => new S3Store({ ...s3.config(), endpoint: proxy.endpoint }),
      });
      return {
        store,
        sync,
        changed,
        async close() {
          await sync.close();
          sqlite.close();
        },
      };
    },
    requests: () => Object.values(proxy.requests).reduce((sum, n) => sum + n, 0),
    async close() {
      await proxy.stop();
      await s3.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { PASSPHRASE };
