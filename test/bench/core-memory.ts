/**
 * core.memory: the process's memory with the core open on the 100k database
 * after the other benchmarks ran in it (run alone, it first runs a short
 * search and day-view workload so the figure is not that of an idle core).
 * The bench's own second connection is closed first and a full GC is forced,
 * so heap_used_mb is live memory, not garbage waiting for a collection. The
 * dataset is built in a child process, so its build never inflates rss_mb.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchContext } from './context';
import { buildQueries } from './patients-search';
import { emit, note, round } from './stats';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  if (typeof gc === 'function') {
    gc();
    gc();
  } else {
    note('core.memory: no gc() available; heap_used_mb includes garbage');
  }
}

export async function coreMemory(context: BenchContext): Promise<void> {
  const others = context.ran.filter((name) => name !== 'core.memory');
  if (others.length === 0) {
    for (const q of buildQueries(context, 200, 31)) await context.call('patients.search', { query: q.text });
    const day = Date.parse(new Date().toISOString().slice(0, 10));
    for (let i = 0; i < 20; i++) {
      await context.call('appointments.range', {
        from: new Date(day + i * 86400_000).toISOString(),
        to: new Date(day + (i + 1) * 86400_000).toISOString(),
      });
    }
  }
  context.closeService();
  collectGarbage();
  const usage = process.memoryUsage();
  emit({
    bench: 'core.memory',
    n: context.dataset.meta.patients,
    after: others.length ? others.join(',') : 'search+day warm-up',
    rss_mb: round(usage.rss / 1048576, 1),
    heap_used_mb: round(usage.heapUsed / 1048576, 1),
    heap_total_mb: round(usage.heapTotal / 1048576, 1),
    external_mb: round(usage.external / 1048576, 1),
  });
}
