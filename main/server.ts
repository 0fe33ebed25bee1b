/**
 * Headless entry (`npm run serve`): the core, the loopback HTTP transport and
 * the renderer build, for the browser mode, the e2e tests and the demo.
 * Environment: OUTPOST_DATA_DIR (default ./.outpost-data), OUTPOST_PORT
 * (default random), OUTPOST_TOKEN (default random per run), OUTPOST_DEMO=0
 * to start with an empty clinic (first-run setup) instead of the demo.
 */
import { resolve } from 'node:path';
import { NewerSchemaError } from '../db/open';
import { createCore } from './core';
import { startHttpTransport } from './transports/http';

const dataDir = resolve(process.env.OUTPOST_DATA_DIR ?? '.outpost-data');
const seedDemo = process.env.OUTPOST_DEMO !== '0';
process.stderr.write(seedDemo ? 'Opening the workstation (the demo clinic is created on first start)…\n' : 'Opening the workstation…\n');
const core = await createCore({
  dataDir,
  seedDemo,
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

async function shutdown(): Promise<void> {
  await http.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
