/**
 * db.open: what a workstation pays at start-up to open its database, as a new
 * connection each time (the OS file cache stays warm; dropping it needs root
 * and would disturb other work on the machine). Three cases: openDatabase on
 * the migrated 100k database (pragmas + migration check), on a new empty file
 * (all migrations run), and createCore on the 100k database (open + store +
 * services). The goal is "p50 < 300 ms".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { createCore } from '../../main/core';
import type { BenchContext } from './context';
import { emit, latency, round, timeAsync, timeSync } from './stats';

const OPENS = 10;

export async function dbOpen(context: BenchContext): Promise<void> {
  const n = context.dataset.meta.patients;
  const migrated: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const { ms, value } = timeSync(() => openDatabase(context.copy.file));
    value.sqlite.close();
    migrated.push(ms);
  }
  emit({ bench: 'db.open', variant: 'migrated', n, opens: OPENS, first_ms: round(migrated[0] ?? Number.NaN), ...latency(migrated) });

  const fresh: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-open-'));
    const { ms, value } = timeSync(() => openDatabase(join(dir, 'outpost.db')));
    value.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
    fresh.push(ms);
  }
  emit({ bench: 'db.open', variant: 'fresh', n: 0, opens: OPENS, first_ms: round(fresh[0] ?? Number.NaN), ...latency(fresh) });

  const core: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const { ms, value } = await timeAsync(() => createCore({ dataDir: context.copy.dir }));
    await value.close();
    core.push(ms);
  }
  // first_ms here is the process's very first open of the copy (when the bench context opened it).
  emit({ bench: 'db.open', variant: 'core', n, opens: OPENS, first_ms: round(context.coreOpenMs), ...latency(core) });
}
