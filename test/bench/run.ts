/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [<name>…]`
 * runs some. Figures go to stdout as JSON lines (ARCHITECTURE §6), progress to
 * stderr; benchmarks print figures and never pass or fail on them. All share
 * one process and one working copy of the cached dataset, in the order below,
 * so core.memory (last) sees the core after the others ran.
 */
import { cpus, loadavg } from 'node:os';
import { appointmentsBook } from './appointments-book';
import { billingBenchmarks } from './billing';
import { billingReportBenchmarks } from './billing-reports';
import { careGapsList } from './care-gaps';
import { chartOpen, noteAutosave } from './chart';
import { codesSearch } from './codes-search';
import { benchContext, closeBenchContext, type BenchContext } from './context';
import { coreMemory } from './core-memory';
import { dbOpen } from './db-open';
import { patientsSearch } from './patients-search';
import { scheduleDay } from './schedule-day';
import { syncIdle, syncLatency, syncOps } from './sync';
import { syncBootstrap } from './sync-bootstrap';
import { note } from './stats';

const benchmarks: Record<string, (context: BenchContext) => Promise<void>> = {
  'patients.search': patientsSearch,
  'schedule.day': scheduleDay,
  'appointments.book': appointmentsBook,
  'chart.open': chartOpen,
  'note.autosave': noteAutosave,
  'care_gaps.list': careGapsList,
  'db.open': dbOpen,
  'core.memory': coreMemory,
};

/** Benchmarks with their own data (two workstations and an S3 server), not the cached clinic dataset. */
const standalone: Record<string, () => Promise<void>> = {
  'sync.ops': syncOps,
  'sync.latency': syncLatency,
  'sync.idle': syncIdle,
  'sync.bootstrap': syncBootstrap,
  'codes.search': codesSearch,
  // Prints reports.ar_aging and ledger.post (one five-year dataset for both).
  'reports.ar_aging': billingBenchmarks,
  // Prints reports.production, reports.collections, reports.day_sheet and statements.batch (its own five-year dataset).
  'reports.production': billingReportBenchmarks,
};

/** Figures printed by another benchmark's run: asking for one runs that one. */
const aliases: Record<string, string> = {
  'ledger.post': 'reports.ar_aging',
  'reports.collections': 'reports.production',
  'reports.day_sheet': 'reports.production',
  'statements.batch': 'reports.production',
};

async function main(asked: string[]): Promise<number> {
  const args = asked.map((name) => aliases[name] ?? name);
  const unknown = args.filter((name) => !Object.hasOwn(benchmarks, name) && !Object.hasOwn(standalone, name));
  if (unknown.length > 0) {
    note(`unknown benchmark ${unknown.join(', ')}; choose from: ${[...Object.keys(benchmarks), ...Object.keys(standalone)].join(', ')}`);
    return 2;
  }
  const selected = Object.keys(benchmarks).filter((name) => args.length === 0 || args.includes(name));
  const started = performance.now();
  // Figures from a busy machine are not comparable: say how busy it was.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  note(`${cpus().length} cores, load average ${load()}`);
  try {
    const context = selected.length > 0 ? await benchContext() : null;
    for (const name of selected) {
      const run = benchmarks[name];
      if (!run) continue;
      note(`running ${name}`);
      const start = performance.now();
      if (!context) break;
      context.ran.push(name);
      await run(context);
      note(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    for (const [name, run] of Object.entries(standalone)) {
      if (args.length > 0 && !args.includes(name)) continue;
      note(`running ${name}`);
      const start = performance.now();
      await run();
      note(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  } finally {
    await closeBenchContext();
  }
  note(`all done in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${load()}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    note(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
