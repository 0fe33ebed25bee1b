/**
 * Test harness: a real core (createCore) over a real SQLite file in its own
 * temp dir, and typed callers signed in as a given user. No mocks: every call
 * goes through dispatch exactly as a transport's would. Password hashes use
 * scrypt N=2^10 (the hash stores its parameters, so this only lowers cost).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDatabase } from '../../db/open';
import { seedDemoClinic, type DemoOptions } from '../../db/seed/demo';
import type { ApiErrorShape, ErrorCode, Input, MethodName, Output, User } from '../../main/contract';
import { createCore, type Core, type CoreConfig } from '../../main/core';
import type { CallResult } from '../../main/core-types';
import { createStore, type Store } from '../../main/services/store';
import { queryDb, snapshotDb, type Dump } from './snapshot';

export const TEST_LOG2N = 10;

export type Result<M extends MethodName> = { ok: true; value: Output<M> } | { ok: false; error: ApiErrorShape };

export interface Caller {
  /** Typed call: the result as dispatch returns it. */
  <M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  /** Untyped call, for malformed input and unknown methods. */
  raw(method: string, input: unknown): Promise<CallResult>;
  /** Call and return the value; fails the test with the API's message otherwise. */
  ok<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Expect a refusal with this code AND a database left exactly as it was. Returns the error. */
  refuses(method: string, input: unknown, code: ErrorCode): Promise<ApiErrorShape>;
  readonly token: string | null;
  readonly user: User | null;
}

export interface TestCore {
  readonly core: Core;
  readonly dataDir: string;
  /** A caller without a session. */
  readonly anonymous: Caller;
  caller(token: string | null, user?: User | null): Caller;
  /** Sign in through auth.login and return a caller for that session. */
  login(username: string, password: string): Promise<Caller>;
  snapshot(): Dump;
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** Close the core and open a new one over the same data folder. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export interface MakeCoreOptions {
  /** Use this folder instead of a fresh temp dir (it is then not deleted on close). */
  dataDir?: string;
  /** Write to the database through its own store before the core opens it (e.g. seed the demo clinic). */
  prepare?: (store: Store) => Promise<void> | void;
  /** Shorthand for prepare: seed the demo clinic, small by default. */
  demo?: Partial<Omit<DemoOptions, 'scryptLog2N'>> | true;
  /** Sync settings of the workstation (a sync location, fast polling for tests). */
  sync?: CoreConfig['sync'];
}

/** Open the workstation database through the real write path (a second connection, for preparing state). */
export function openStore(dataDir: string): { store: Store; close(): void } {
  const { sqlite, db } = openDatabase(join(dataDir, 'outpost.db'));
  return { store: createStore(sqlite, db), close: () => sqlite.close() };
}

function describe(error: ApiErrorShape): string {
  return `${error.code}: ${error.message}${error.fields ? ` ${JSON.stringify(error.fields)}` : ''}`;
}

export async function makeCore(options: MakeCoreOptions = {}): Promise<TestCore> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'outpost-test-'));
  const demo = options.demo === true ? {} : options.demo;
  const prepare =
    options.prepare ??
    (demo
      ? (store: Store) =>
          seedDemoClinic(store, { scryptLog2N: TEST_LOG2N, patients: 50, daysBack: 7, daysAhead: 7, ...demo }).then(() => undefined)
      : undefined);
  if (prepare) {
    const opened = openStore(dataDir);
    try {
      await prepare(opened.store);
    } finally {
      opened.close();
    }
  }
  let core = await createCore({ dataDir, scryptLog2N: TEST_LOG2N, sync: options.sync });
  let closed = false;

  const snapshot = () => snapshotDb(dataDir);

  function caller(token: string | null, user: User | null = null): Caller {
    const call = (async (method: MethodName, input: unknown) => core.call(method, input, token)) as Caller;
    const extras = {
      token,
      user,
      raw: (method: string, input: unknown) => core.call(method, input, token),
      async ok(method: MethodName, input: unknown) {
        const result = await core.call(method, input, token);
        if (!result.ok) expect.fail(`${method} was refused: ${describe(result.error)}`);
        return result.value;
      },
      async refuses(method: string, input: unknown, code: ErrorCode) {
        const before = snapshot();
        const result = await core.call(method, input, token);
        if (result.ok) expect.fail(`${method} succeeded but should have been refused with ${code}`);
        expect(result.error.code, `${method}: ${describe(result.error)}`).toBe(code);
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message.length).toBeGreaterThan(0);
        expect(snapshot(), `${method} refused with ${code} but changed the database`).toEqual(before);
        return result.error;
      },
    };
    return Object.assign(call, extras);
  }

  return {
    get core() {
      return core;
    },
    dataDir,
    anonymous: caller(null),
    caller,
    async login(username, password) {
      const session = await caller(null).ok('auth.login', { username, password });
      return caller(session.token, session.user);
    },
    snapshot,
    query: (sql, ...params) => queryDb(dataDir, sql, ...params),
    async reopen() {
      await core.close();
      core = await createCore({ dataDir, scryptLog2N: TEST_LOG2N, sync: options.sync });
    },
    async close() {
      if (closed) return;
      closed = true;
      await core.close();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Unwrap a typed result; fails the test with the API's message if it was refused. */
export function valueOf<M extends MethodName>(result: Result<M>): Output<M> {
  if (!result.ok) expect.fail(`refused: ${describe(result.error)}`);
  return result.value;
}

/** The error of a refused result; fails the test if it succeeded. */
export function errorOf(result: CallResult | Result<MethodName>, code?: ErrorCode): ApiErrorShape {
  if (result.ok) expect.fail(`succeeded but should have been refused${code ? ` with ${code}` : ''}`);
  if (code) expect(result.error.code, describe(result.error)).toBe(code);
  return result.error;
}
