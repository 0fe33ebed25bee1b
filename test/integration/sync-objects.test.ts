/**
 * The object-store contract (main/sync/objects/types.ts), one suite run
 * against every implementation: FolderStore on a temporary folder and S3Store
 * on s3rver. Each test works under its own random prefix, so tests share one
 * store without seeing each other's objects. Failures are in
 * sync-objects-faults.test.ts.
 */
import fc from 'fast-check';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderStore } from '../../main/sync/objects/folder';
import { S3Store } from '../../main/sync/objects/s3';
import type { ObjectStore } from '../../main/sync/objects/types';
import { startS3Server, type S3Server } from '../support/s3server';

let s3: S3Server;
let folder: string;

beforeAll(async () => {
  [s3, folder] = await Promise.all([startS3Server(), mkdtemp(join(tmpdir(), 'outpost-objects-'))]);
}, 30_000);

afterAll(async () => {
  await s3?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const subjects = [
  { name: 'FolderStore', make: (): ObjectStore => new FolderStore(folder), honoursIfNoneMatch: true },
  // s3rver ignores If-None-Match (STACK-NOTES "S3 in tests"): a second create overwrites and answers 200.
  { name: 'S3Store on s3rver', make: (): ObjectStore => new S3Store(s3.config()), honoursIfNoneMatch: false },
];

const ns = () => `t-${randomUUID().slice(0, 8)}/`;
const bytes = (text: string) => new TextEncoder().encode(text);
const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(Buffer.from(b));

describe.each(subjects)('$name', ({ make, honoursIfNoneMatch }) => {
  let store: ObjectStore;
  beforeAll(() => {
    store = make();
  });

  it('returns exactly the bytes it was given, small and over 1 MB', async () => {
    const p = ns();
    const every = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const large = new Uint8Array(randomBytes(1_500_000));
    await store.put(`${p}every`, every);
    await store.put(`${p}large`, large);
    await store.put(`${p}empty`, new Uint8Array());
    expect(same(await store.get(`${p}every`), every)).toBe(true);
    expect(same(await store.get(`${p}large`), large)).toBe(true);
    expect(await store.get(`${p}empty`)).toEqual(new Uint8Array());
  });

  it('answers null for a missing object', async () => {
    expect(await store.get(`${ns()}nothing/here`)).toBeNull();
  });

  it('creates only where nothing is stored', async () => {
    const key = `${ns()}keyring.json`;
    expect(await store.create(key, bytes('first'))).toBe('created');
    expect(same(await store.get(key), bytes('first'))).toBe(true);
    const second = await store.create(key, bytes('second'));
    if (honoursIfNoneMatch) {
      expect(second).toBe('exists');
      expect(same(await store.get(key), bytes('first'))).toBe(true);
    }
  });

  it('lists by key prefix, not only by folder, with sizes', async () => {
    const p = ns();
    await Promise.all(['a/1', 'a/2', 'ab', 'b/1'].map((key) => store.put(`${p}${key}`, bytes(key))));
    const keys = async (prefix: string) => (await store.list(prefix)).map((object) => object.key);
    expect(await keys(`${p}a/`)).toEqual([`${p}a/1`, `${p}a/2`]);
    expect(await keys(`${p}a`)).toEqual([`${p}a/1`, `${p}a/2`, `${p}ab`]);
    expect(await keys(`${p}c`)).toEqual([]);
    expect((await store.list(`${p}ab`))[0]?.size).toBe(2);
  });

  it('lists only keys after startAfter', async () => {
    const p = ns();
    await Promise.all(['0001', '0002', '0003', '0004'].map((seq) => store.put(`${p}log/${seq}`, bytes(seq))));
    const after = await store.list(`${p}log/`, `${p}log/0002`);
    expect(after.map((object) => object.key)).toEqual([`${p}log/0003`, `${p}log/0004`]);
    expect(await store.list(`${p}log/`, `${p}log/0004`)).toEqual([]);
    expect(await store.list(`${p}log/`, `${p}log/0000`)).toHaveLength(4);
  });

  it('lists in key order across folder boundaries', async () => {
    const p = ns();
    const keys = ['x/b', 'x/a/1', 'x/a-1', 'x/a.1', 'x/A', 'x/a0', 'x/a/0'];
    for (const key of keys) await store.put(`${p}${key}`, bytes(key));
    const listed = (await store.list(`${p}x/`)).map((object) => object.key.slice(p.length));
    // Byte order: '-' < '.' < '/' < '0' < 'A' < 'b'.
    expect(listed).toEqual(['x/A', 'x/a-1', 'x/a.1', 'x/a/0', 'x/a/1', 'x/a0', 'x/b']);
  });

  it('lists more than one page (over 1,000 keys)', async () => {
    const p = ns();
    const keys = Array.from({ length: 1_100 }, (_, i) => `${p}heads/${String(i).padStart(6, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => store.put(key, bytes('h'))));
    }
    const listed = await store.list(`${p}heads/`);
    expect(listed.map((object) => object.key)).toEqual(keys);
    const tail = await store.list(`${p}heads/`, keys[1_049]);
    expect(tail.map((object) => object.key)).toEqual(keys.slice(1_050));
  });

  it('deletes, and deleting a missing object is fine', async () => {
    const key = `${ns()}gone`;
    await store.put(key, bytes('x'));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
    await store.delete(`${ns()}never/was`);
  });

  it('changes the etag when an object is rewritten', async () => {
    const p = ns();
    await store.put(`${p}head`, bytes('seq 1'));
    const [before] = await store.list(`${p}head`);
    await store.put(`${p}head`, bytes('seq 2'));
    const [after] = await store.list(`${p}head`);
    expect(before?.etag).toBeTruthy();
    expect(after?.etag).not.toBe(before?.etag);
    expect(after?.etag).not.toMatch(/"/);
  });

  it('reports a clock skew once it has heard from the store', async () => {
    const fresh = make();
    expect(fresh.clockSkewMs()).toBeNull();
    await fresh.put(`${ns()}tick`, bytes('t'));
    // Same machine, same clock: below the Date header's resolution counts as none.
    expect(fresh.clockSkewMs()).toBe(0);
  });

  it('lists what was stored, in order, after any startAfter (property)', async () => {
    const segment = fc.stringMatching(/^[a-cA.\-_0-9]{1,3}$/).filter((s) => s !== '.' && s !== '..');
    const key = fc.tuple(segment, segment).map(([a, b]) => `${a}/${b}`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(key, { minLength: 1, maxLength: 12 }), segment, async (keys, after) => {
        const p = ns();
        await Promise.all(keys.map((k) => store.put(`${p}${k}`, bytes(k))));
        const expected = keys
          .filter((k) => k > after)
          .sort()
          .map((k) => `${p}${k}`);
        expect((await store.list(p, `${p}${after}`)).map((object) => object.key)).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});

describe('S3Store with a prefix', () => {
  it('keeps keys relative to the prefix, and out of sight of other prefixes', async () => {
    const tenant = `clinic-${randomUUID().slice(0, 8)}`;
    const inside = new S3Store(s3.config(tenant));
    const outside = new S3Store(s3.config());
    await inside.put('heads/dev1', bytes('h'));
    expect((await inside.list('heads/')).map((object) => object.key)).toEqual(['heads/dev1']);
    expect((await inside.list('')).map((object) => object.key)).toEqual(['heads/dev1']);
    expect(same(await outside.get(`${tenant}/heads/dev1`), bytes('h'))).toBe(true);
    expect(inside.description).toBe(`S3 bucket ${s3.bucket} at ${new URL(s3.endpoint).host}`);
  });
});
