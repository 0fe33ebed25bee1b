/**
 * Child process that builds the benchmark dataset into the cache folder given
 * as its argument (see dataset.ts). It seeds through the real change-capture
 * path (seedDemoClinic -> ChangeCapture), then checkpoints the WAL so the cache
 * is one self-contained file, and only then moves it into place.
 */
import { renameSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { seedDemoClinic } from '../../db/seed/demo';
import { createStore } from '../../main/services/store';
import { DATASET, type DatasetMeta } from './dataset';
import { note } from './stats';

async function main(dir: string): Promise<void> {
  const staging = join(dir, `building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const file = join(staging, 'outpost.db');

  const start = performance.now();
  const { sqlite, db } = openDatabase(file);
  const store = createStore(sqlite, db);
  const counts = await seedDemoClinic(store, DATASET);
  const seeded = performance.now();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  const build_s = Math.round((performance.now() - start) / 100) / 10;
  note(
    `seeded in ${((seeded - start) / 1000).toFixed(1)} s, checkpointed in ${((performance.now() - seeded) / 1000).toFixed(1)} s; peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );

  const meta: DatasetMeta = {
    patients: counts.patients,
    appointments: counts.appointments,
    build_s,
    builtAt: new Date().toISOString(),
    bytes: statSync(file).size,
    chunkRows: 0,
  };
  renameSync(file, join(dir, 'outpost.db'));
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  rmSync(staging, { recursive: true, force: true });
  note(`dataset built in ${build_s} s: ${meta.patients} patients, ${meta.appointments} appointments, ${(meta.bytes / 1e6).toFixed(0)} MB`);
}

const dir = process.argv[2];
if (!dir) {
  note('usage: build-dataset.ts <cache dir>');
  process.exit(2);
}
main(dir).catch((error: unknown) => {
  note(`dataset build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
