/**
 * Workstations that sync: a clinic set up on workstation A with a sync
 * location, and more workstations joining it by passphrase. Polling is
 * switched off (tests say when to sync), so every step is deterministic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncTarget } from '../../main/contract';
import type { CoreConfig } from '../../main/core';
import { makeClinic, type Clinic } from './clinic';
import { makeCore, type Caller, type TestCore, type MakeCoreOptions } from './core';

export const PASSPHRASE = 'correct horse battery staple';

/** Engine settings for tests: no timers of consequence, small segments to exercise packing. */
export function testSync(target: SyncTarget, extra: Partial<NonNullable<CoreConfig['sync']>> = {}): NonNullable<CoreConfig['sync']> {
  return {
    passphrase: PASSPHRASE,
    keyringLog2N: 10,
    engine: { pollMs: 3_600_000, pushDelayMs: 3_600_000, pushLimits: { maxOps: 50, maxBytes: 64 * 1024 }, snapshotEveryMs: 0 },
    ...extra,
    target: extra.target ?? target,
  };
}

export interface SyncedClinic {
  target: SyncTarget;
  /** The workstation that created the clinic. */
  a: Clinic;
  /** Join another empty workstation to the clinic. */
  join(options?: Omit<MakeCoreOptions, 'sync'> & { sync?: Partial<NonNullable<CoreConfig['sync']>> }): Promise<TestCore>;
  close(): Promise<void>;
}

export async function makeSyncedClinic(
  options: { seed?: number; target?: SyncTarget; sync?: Partial<NonNullable<CoreConfig['sync']>> } = {},
): Promise<SyncedClinic> {
  const folder = options.target ? null : mkdtempSync(join(tmpdir(), 'outpost-cloud-'));
  const target: SyncTarget = options.target ?? { kind: 'folder', path: folder ?? '' };
  const settings = testSync(target, options.sync);
  const a = await makeClinic({ seed: options.seed, sync: settings });
  await (await a.as('admin')).ok('sync.configure', { target, passphrase: PASSPHRASE });
  const joined: TestCore[] = [];
  return {
    target,
    a,
    async join(joinOptions = {}) {
      const core = await makeCore({ ...joinOptions, sync: { ...testSync(target, joinOptions.sync), target: undefined } });
      joined.push(core);
      await core.anonymous.ok('sync.join', { target, passphrase: PASSPHRASE });
      return core;
    },
    async close() {
      for (const core of joined) await core.close();
      await a.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Sync every workstation (through these callers) in turn, twice, so what each pushed reaches all the others. */
export async function syncEach(callers: readonly Caller[], passes = 2): Promise<void> {
  for (let pass = 0; pass < passes; pass += 1) for (const caller of callers) await caller.ok('sync.now', {});
}

/** Cut these workstations off from the cloud, or reconnect them (what a lost internet line does). */
export async function setPaused(callers: readonly Caller[], paused: boolean): Promise<void> {
  for (const caller of callers) await caller.ok('sync.setPaused', { paused });
}
