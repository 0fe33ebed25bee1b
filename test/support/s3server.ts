/**
 * A real S3 API for tests: s3rver in a child process on 127.0.0.1, storing in
 * a temporary folder, with one bucket. A child process because paginated
 * listings need `--openssl-legacy-provider` (STACK-NOTES "S3 in tests"), and
 * so that its Koa stack never shares an event loop with the code under test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { S3StoreConfig } from '../../main/sync/objects/s3';

const SCRIPT = fileURLToPath(new URL('../../scripts/s3rver-process.mjs', import.meta.url));
const STARTUP_MS = 15_000;

export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** A store config for this server's bucket; `prefix` puts the keys under it. */
  config(prefix?: string): S3StoreConfig;
  stop(): Promise<void>;
}

export async function startS3Server(): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'outpost-s3rver-'));
  const bucket = `outpost-${randomUUID().slice(0, 8)}`;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', SCRIPT, directory, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let port: number;
  try {
    port = await readPort(child);
  } catch (error) {
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    config: (prefix) => ({
      endpoint,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      ...(prefix === undefined ? {} : { prefix }),
    }),
    async stop() {
      await stopChild(child);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('s3rver child has no stdout'));
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(new Error(`s3rver did not start within ${STARTUP_MS} ms`)), STARTUP_MS);
    const onExit = (code: number | null) => fail(new Error(`s3rver exited during startup (code ${code})`));
    function fail(error: Error) {
      clearTimeout(timer);
      lines.close();
      child.off('exit', onExit);
      reject(error);
    }
    child.once('exit', onExit);
    child.once('error', fail);
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      const port = /^\{"port":(\d+)\}$/.exec(line)?.[1];
      if (port) resolve(Number(port));
      else reject(new Error(`unexpected s3rver output: ${line}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
