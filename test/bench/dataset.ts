/**
 * The benchmark dataset: 100,000 patients and five years of appointments for
 * 20 providers, written through the real change-capture path. Building it
 * takes minutes, so it is built once into a cache folder keyed by everything
 * that shapes it (the spec, the seed code, the migrations) and reused while
 * that key holds. It is built in a child process so the memory figures of the
 * benchmarking process are not inflated by the build, and renamed into place
 * only when complete, so an interrupted build never leaves a half dataset.
 * Benchmarks work on a copy: the cache stays pristine.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from '../../db/open';
import { note } from './stats';

/** Bump when the way the bench builds its dataset changes. */
const DATASET_VERSION = 1;

const FULL = { scryptLog2N: 10, patients: 100_000, providers: 20, rooms: 10, daysBack: 913, daysAhead: 913, fill: 0.7 };
/** OUTPOST_BENCH_SMALL=1: a small dataset to check the benchmarks themselves quickly (figures not comparable). */
const SMALL = { ...FULL, patients: 2_000, daysBack: 30, daysAhead: 30 };

export const DATASET = process.env.OUTPOST_BENCH_SMALL === '1' ? SMALL : FULL;

export interface DatasetMeta {
  patients: number;
  appointments: number;
  build_s: number;
  builtAt: string;
  bytes: number;
  /** Whether the seed ran in chunks of this many rows per transaction (0 = one transaction). */
  chunkRows: number;
}

const repoRoot = join(import.meta.dirname, '..', '..');

/** Key of the cache: changes whenever the spec, the seed code or the migrations change. */
function datasetKey(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ DATASET_VERSION, DATASET }));
  // Whitespace-insensitive, so reformatting the seed does not cost a rebuild.
  for (const file of ['db/seed/demo.ts', 'main/sync/mutate.ts'])
    hash.update(readFileSync(join(repoRoot, file), 'utf8').replace(/\s+/g, ''));
  hash.update(readFileSync(join(migrationsFolder(), 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 12);
}

export function cacheDir(): string {
  return process.env.OUTPOST_BENCH_CACHE ?? join(tmpdir(), `outpost-bench-${datasetKey()}`);
}

export interface Dataset {
  file: string;
  meta: DatasetMeta;
}

/** The cached dataset, built first if missing. */
export function ensureDataset(): Dataset {
  const dir = cacheDir();
  const file = join(dir, 'outpost.db');
  const metaFile = join(dir, 'meta.json');
  if (!existsSync(file) || !existsSync(metaFile)) {
    mkdirSync(dir, { recursive: true });
    note(
      `building the dataset in ${dir} (${DATASET.patients} patients, ${DATASET.providers} providers, ${DATASET.daysBack}+${DATASET.daysAhead} days); this takes minutes, once`,
    );
    // The child's stdout goes to our stderr: only figures belong on stdout.
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'build-dataset.ts'), dir], {
      stdio: ['ignore', 2, 2],
      cwd: repoRoot,
    });
    if (result.status !== 0)
      throw new Error(`dataset build failed (exit ${String(result.status)}${result.signal ? `, ${result.signal}` : ''})`);
    removeStaleCaches(dir);
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta;
  note(
    `dataset ${file}: ${meta.patients} patients, ${meta.appointments} appointments, ${(meta.bytes / 1e6).toFixed(0)} MB, ` +
      `built ${meta.builtAt} in ${meta.build_s} s${meta.chunkRows ? ` (chunks of ${meta.chunkRows} rows)` : ' (one transaction)'}`,
  );
  return { file, meta };
}

/** Datasets of earlier keys are 1.7 GB each and never read again: remove them once a new one is built. */
function removeStaleCaches(current: string): void {
  if (process.env.OUTPOST_BENCH_CACHE) return;
  for (const name of readdirSync(tmpdir())) {
    const dir = join(tmpdir(), name);
    if (/^outpost-bench-[0-9a-f]{12}$/.test(name) && dir !== current) {
      rmSync(dir, { recursive: true, force: true });
      note(`removed the stale dataset ${dir}`);
    }
  }
}

export interface WorkingCopy {
  dir: string;
  file: string;
  remove(): void;
}

/** A throwaway copy of the dataset in its own folder (as createCore expects: <dir>/outpost.db). */
export function workingCopy(dataset: Dataset): WorkingCopy {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-run-'));
  const file = join(dir, 'outpost.db');
  const start = performance.now();
  copyFileSync(dataset.file, file);
  note(`working copy in ${dir} (${((performance.now() - start) / 1000).toFixed(1)} s to copy)`);
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
