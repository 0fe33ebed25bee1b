/**
 * Headless entry (`npm run serve`): the core, the loopback HTTP transport and
 * the renderer build, for the browser mode, the e2e tests and the demo.
 * Environment: OUTPOST_DATA_DIR (default ./.outpost-data), OUTPOST_PORT
 * (default random), OUTPOST_TOKEN (default random per run), OUTPOST_DEMO=0
 * to start with an empty clinic (first-run setup) instead of the demo.
 * Sync: OUTPOST_SYNC_DIR (default <data dir>/cloud, the embedded stand-in for
 * the cloud) or OUTPOST_SYNC_S3_ENDPOINT + _BUCKET (+ _KEY, _SECRET, _REGION),
 * with OUTPOST_SYNC_PASSPHRASE (the demo's by default); OUTPOST_SYNC=0 for none.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewerSchemaError } from '../db/open';
import { createCore } from './core';
import type { SyncTarget } from './contract';
import { startHttpTransport } from './transports/http';

/** The demo clinic's passphrase; a real clinic chooses its own in the sync panel. */
const DEMO_PASSPHRASE = 'outpost demo passphrase';

const dataDir = resolve(process.env.OUTPOST_DATA_DIR ?? '.outpost-data');
const seedDemo = process.env.OUTPOST_DEMO !== '0';
process.stderr.write(seedDemo ? 'Opening the workstation (the demo clinic is created on first start)…\n' : 'Opening the workstation…\n');
const core = await createCore({
  dataDir,
  seedDemo,
  sync: defaultSync(),
  scryptLog2N: process.env.OUTPOST_SCRYPT_LOG2N ? Number(process.env.OUTPOST_SCRYPT_LOG2N) : undefined,
}).catch((error: unknown) => {
  // A refused database (e.g. written by a newer Outpost) explains itself; say only that, without a stack.
  process.stderr.write(`Outpost could not open ${dataDir}: ${error instanceof NewerSchemaError ? error.message : String(error)}\n`);
  process.exit(1);
});
const http = await startHttpTransport({
  core,
  staticDir: resolve(import.meta.dirname, '..', 'dist-renderer'),
  port: process.env.OUTPOST_PORT ? Number(process.env.OUTPOST_PORT) : 0,
  token: process.env.OUTPOST_TOKEN,
});
process.stdout.write(`Outpost is running. Open ${http.url}\n`);
if (seedDemo) process.stdout.write('Demo sign-ins: admin, manager, frontdesk, physician, nurse — password "outpost-demo".\n');

function defaultSync(): { target: SyncTarget; passphrase: string; engine: { pollMs: number } } | undefined {
  const env = process.env;
  if (env.OUTPOST_SYNC === '0') return undefined;
  const passphrase = env.OUTPOST_SYNC_PASSPHRASE ?? (seedDemo || env.OUTPOST_SYNC_S3_ENDPOINT ? DEMO_PASSPHRASE : undefined);
  if (!passphrase) return undefined;
  const target: SyncTarget = env.OUTPOST_SYNC_S3_ENDPOINT
    ? {
        kind: 's3',
        endpoint: env.OUTPOST_SYNC_S3_ENDPOINT,
        region: env.OUTPOST_SYNC_S3_REGION ?? 'us-east-1',
        bucket: env.OUTPOST_SYNC_S3_BUCKET ?? 'outpost-demo',
        prefix: '',
        accessKeyId: env.OUTPOST_SYNC_S3_KEY ?? 'S3RVER',
        secretAccessKey: env.OUTPOST_SYNC_S3_SECRET ?? 'S3RVER',
        forcePathStyle: true,
      }
    : { kind: 'folder', path: resolve(env.OUTPOST_SYNC_DIR ?? resolve(dataDir, 'cloud')) };
  // The embedded stand-in is ours to create; a folder named by the clinic must already exist.
  if (target.kind === 'folder' && !env.OUTPOST_SYNC_DIR) mkdirSync(target.path, { recursive: true });
  return { target, passphrase, engine: { pollMs: env.OUTPOST_SYNC_POLL_MS ? Number(env.OUTPOST_SYNC_POLL_MS) : 10_000 } };
}

async function shutdown(): Promise<void> {
  await http.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
