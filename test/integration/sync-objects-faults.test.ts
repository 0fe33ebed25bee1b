/**
 * How the object stores fail: every failure is a StoreError of the kind the
 * engine acts on ('unreachable' means offline, not broken), with a message
 * that names where the data goes but never a key or a secret. Network faults
 * come from a proxy in front of s3rver.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FolderStore } from '../../main/sync/objects/folder';
import { S3Store, type S3StoreConfig } from '../../main/sync/objects/s3';
import { StoreError, type StoreFailure } from '../../main/sync/objects/types';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startS3Server, type S3Server } from '../support/s3server';

let s3: S3Server;
let proxy: FaultProxy;

beforeAll(async () => {
  s3 = await startS3Server();
  proxy = await startFaultProxy(s3.endpoint, { slowMs: 300 });
}, 30_000);

afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const SECRET_KEY = `clinic-secret-${randomUUID()}`;

/** The StoreError an operation fails with, checked for leaks. */
async function failureOf(operation: Promise<unknown>, ...mustNotMention: string[]): Promise<StoreError> {
  const error = await operation.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  const failure = error as StoreError;
  for (const text of mustNotMention) expect(failure.message).not.toContain(text);
  return failure;
}

async function expectFailure(operation: Promise<unknown>, kind: StoreFailure, ...mustNotMention: string[]): Promise<void> {
  const failure = await failureOf(operation, ...mustNotMention);
  expect({ kind: failure.failure, message: failure.message }).toMatchObject({ kind });
}

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('FolderStore failures', () => {
  it('reports a folder that is not there as missing', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'outpost-gone-'));
    const store = new FolderStore(join(parent, 'unplugged-drive'));
    try {
      await expectFailure(store.get('clinics/c1/roster'), 'missing', 'roster');
      await expectFailure(store.list('clinics/'), 'missing');
      await expectFailure(store.put('clinics/c1/heads/d1', bytes('h')), 'missing', 'heads');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe('S3Store failures', () => {
  it('reports a closed port as unreachable, quickly', async () => {
    const store = new S3Store({ ...s3.config(), endpoint: `http://127.0.0.1:${await unusedPort()}` });
    const started = Date.now();
    await expectFailure(store.get('clinics/c1/roster'), 'unreachable', 'roster');
    await expectFailure(store.list('clinics/'), 'unreachable');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(store.clockSkewMs()).toBeNull();
  });

  it('reports a missing bucket as missing', async () => {
    const store = new S3Store({ ...s3.config(), bucket: 'no-such-bucket' });
    await expectFailure(store.get('clinics/c1/roster'), 'missing', 'roster');
    await expectFailure(store.put('clinics/c1/roster', bytes('r')), 'missing', 'roster');
    await expectFailure(store.list('clinics/'), 'missing');
  });

  // s3rver knows one access key id (S3RVER) but does not verify SigV4 signatures: a wrong secret passes there, so only the id is tested.
  it('reports a refused access key as denied, without repeating it', async () => {
    const wrongId = new S3Store({ ...s3.config(), accessKeyId: 'NOT-AN-ACCOUNT', secretAccessKey: SECRET_KEY });
    await expectFailure(wrongId.list('clinics/'), 'denied', SECRET_KEY, 'NOT-AN-ACCOUNT');
    await expectFailure(wrongId.put('clinics/c1/roster', bytes('r')), 'denied', SECRET_KEY, 'NOT-AN-ACCOUNT', 'roster');
  });
});

describe('S3Store behind a faulty line', () => {
  let store: S3Store;
  const config = (): S3StoreConfig => ({ ...s3.config(), endpoint: proxy.endpoint, timeouts: { connectMs: 1_000, requestMs: 600 } });

  beforeAll(() => {
    store = new S3Store(config());
  });
  afterEach(() => proxy.setMode('pass'));

  it('works through the proxy and counts requests', async () => {
    const before = { ...proxy.requests };
    await store.put('line/a', bytes('a'));
    await store.get('line/a');
    await store.list('line/');
    await store.delete('line/a');
    const delta = (kind: string) => (proxy.requests[kind] ?? 0) - (before[kind] ?? 0);
    expect([delta('PUT'), delta('GET'), delta('LIST'), delta('DELETE')]).toEqual([1, 1, 1, 1]);
  });

  it('reports 5xx answers as server errors', async () => {
    await proxy.setMode('error503');
    await expectFailure(store.list('line/'), 'server');
    await proxy.setMode('error500');
    await expectFailure(store.get('line/a'), 'server', 'line/a');
  });

  it('reports dropped connections as unreachable', async () => {
    await proxy.setMode('reset');
    await expectFailure(store.put('line/b', bytes('b')), 'unreachable', 'line/b');
  });

  it('reports a store that never answers as unreachable', async () => {
    await proxy.setMode('hang');
    await expectFailure(store.get('line/a'), 'unreachable', 'line/a');
  });

  it('reports a body cut short as unreachable, never as data', async () => {
    await store.put('line/big', new Uint8Array(200_000).fill(7));
    await proxy.setMode('truncate');
    await expectFailure(store.get('line/big'), 'unreachable', 'line/big');
  });

  it('goes offline and comes back on the same endpoint', async () => {
    await store.put('line/c', bytes('c'));
    await proxy.setMode('offline');
    await expectFailure(store.get('line/c'), 'unreachable');
    await expectFailure(store.list('line/'), 'unreachable');
    await proxy.setMode('pass');
    expect(await store.get('line/c')).toEqual(bytes('c'));
  });

  it('rides out one intermittent fault with the SDK retry, and slow answers', async () => {
    proxy.failNext(1, 'error503');
    await store.put('line/d', bytes('d'));
    proxy.failNext(1, 'reset');
    expect(await store.get('line/d')).toEqual(bytes('d'));
    await proxy.setMode('slow', 300);
    expect(await store.get('line/d')).toEqual(bytes('d'));
  });
});
