/**
 * What the benchmarks share in one process: the dataset, one working copy of
 * it, the real core on that copy (measured "dispatch" path: core.call with a
 * front-desk session, exactly as the renderer calls it), and a second
 * connection with a store and call context for the "service" path (the
 * handler alone: no zod, no session, no events). Opened lazily, once. The
 * two connections keep separate clocks under one device id, which is harmless
 * in a working copy that is thrown away.
 */
import { openDatabase } from '../../db/open';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import type { Core } from '../../main/core';
import { createCore } from '../../main/core';
import type { MethodName, Output, ParsedInput } from '../../main/contract';
import { api } from '../../main/contract';
import { handlers } from '../../main/services';
import type { CallContext, Handler } from '../../main/services/handler';
import { SyncService } from '../../main/sync/service';
import { createStore, type Store } from '../../main/services/store';
import { DATASET, ensureDataset, workingCopy, type Dataset, type WorkingCopy } from './dataset';
import { note } from './stats';

export interface BenchContext {
  dataset: Dataset;
  copy: WorkingCopy;
  core: Core;
  token: string;
  store: Store;
  ctx: CallContext;
  /** core.call that throws on an error result (for setup calls, not measured). */
  call<M extends MethodName>(method: M, input: unknown): Promise<Output<M>>;
  /** The handler alone, on already-parsed input. */
  service<M extends MethodName>(method: M, input: ParsedInput<M>): Output<M> | Promise<Output<M>>;
  parse<M extends MethodName>(method: M, input: unknown): ParsedInput<M>;
  /** createCore on the working copy, the first open of that file in this process. */
  coreOpenMs: number;
  /** Benchmarks that ran in this process, in order (for core.memory). */
  ran: string[];
  closeService(): void;
  close(): Promise<void>;
}

let shared: Promise<BenchContext> | null = null;

export function benchContext(): Promise<BenchContext> {
  shared ??= open();
  return shared;
}

export async function closeBenchContext(): Promise<void> {
  if (!shared) return;
  const context = await shared;
  shared = null;
  await context.close();
}

async function open(): Promise<BenchContext> {
  const dataset = ensureDataset();
  const copy = workingCopy(dataset);
  const opening = performance.now();
  const core = await createCore({ dataDir: copy.dir, scryptLog2N: DATASET.scryptLog2N });
  const coreOpenMs = performance.now() - opening;
  const login = await core.call('auth.login', { username: 'frontdesk', password: DEMO_PASSWORD }, null);
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  const session = login.value as Output<'auth.login'>;
  const { sqlite, db } = openDatabase(copy.file);
  const store = createStore(sqlite, db);
  const ctx: CallContext = {
    store,
    user: { id: session.user.id, role: 'front_desk', displayName: session.user.displayName, mustChangePassword: false, locked: false },
    sessionToken: session.token,
    scryptLog2N: DATASET.scryptLog2N,
    // Not configured: the service-level figures measure the local write path only.
    sync: new SyncService({
      sqlite,
      capture: store.capture,
      schemaVersion: 0,
      hooks: { status: () => undefined, changed: () => undefined },
    }),
  };
  let serviceOpen = true;
  note('core open on the working copy, signed in as front desk');
  return {
    dataset,
    copy,
    core,
    token: session.token,
    store,
    ctx,
    coreOpenMs,
    ran: [],
    async call(method, input) {
      const result = await core.call(method, input, session.token);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as Output<typeof method>;
    },
    service(method, input) {
      const handler = handlers[method] as Handler<typeof method>;
      return handler(input, ctx);
    },
    parse(method, input) {
      return api[method].input.parse(input) as ParsedInput<typeof method>;
    },
    closeService() {
      if (serviceOpen) sqlite.close();
      serviceOpen = false;
    },
    async close() {
      if (serviceOpen) sqlite.close();
      serviceOpen = false;
      await core.close();
      copy.remove();
    },
  };
}
