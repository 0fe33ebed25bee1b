/**
 * The manager's money reports and the statement run over the five-year
 * billing dataset (billing-dataset.ts, about a million ledger rows):
 *  - reports.production: a month, a year, a year for one provider and the
 *    longest range allowed (two years); goal < 200 ms for the service figure;
 *  - reports.collections and reports.daySheet, the same way;
 *  - statements.batch: the statements of the 1,000 patients who owe the most,
 *    rendered to one PDF through dispatch (the time is reported, no goal).
 * Standalone: its own clinic in a temp folder, removed afterwards.
 */
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { api, type Output } from '../../main/contract';
import { daySheet } from '../../main/services/reports/day-sheet';
import { collections, production } from '../../main/services/reports/money';
import { createStore, type Store } from '../../main/services/store';
import { buildBillingDataset } from './billing-dataset';
import { emit, latency, note, round, timeAsync, timeSync } from './stats';
import { standaloneClinic } from './standalone';

const CHARGES = Number(process.env.OUTPOST_BENCH_CHARGES ?? 200_000);
const PATIENTS = Number(process.env.OUTPOST_BENCH_BILLING_PATIENTS ?? 20_000);
const STATEMENTS = 1_000;
const RUNS = 15;

const minusDays = (date: string, days: number) => new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);

function measure<T>(run: () => T): { samples: number[]; value: T } {
  let value = run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const timed = timeSync(run);
    samples.push(timed.ms);
    value = timed.value;
  }
  return { samples, value };
}

/** The patient balance the STATEMENTS-th largest debtor owes: a minimum that selects about that many patients. */
function minimumForCount(store: Store, count: number): number {
  const row = store.sqlite
    .prepare(
      `SELECT sum(cents) AS cents FROM ledger_balances WHERE payer_key = '' GROUP BY patient_id HAVING sum(cents) > 0
       ORDER BY 1 DESC LIMIT 1 OFFSET ?`,
    )
    .get(count - 1) as { cents: number } | undefined;
  return Math.max(row?.cents ?? 1, 1);
}

export async function billingReportBenchmarks(): Promise<void> {
  const clinic = await standaloneClinic('reports');
  const { dir, call } = clinic;
  try {
    const setup = { token: clinic.adminToken };
    const today = new Date().toISOString().slice(0, 10);
    const { sqlite, db } = openDatabase(join(dir, 'outpost.db'));
    const store = createStore(sqlite, db);
    try {
      const built = timeSync(() => buildBillingDataset(store, { patients: PATIENTS, charges: CHARGES, today }));
      const data = built.value;
      note(`dataset built in ${(built.ms / 1000).toFixed(1)} s`);
      const n = data.ledgerRows;
      const ranges = [
        { variant: 'month', input: { from: minusDays(today, 30), to: today } },
        { variant: 'year', input: { from: minusDays(today, 364), to: today } },
        { variant: 'year_one_provider', input: { from: minusDays(today, 364), to: today, providerId: data.providerIds[0] } },
        { variant: 'two_years', input: { from: minusDays(today, 730), to: today } },
      ];
      for (const range of ranges) {
        const parsed = api['reports.production'].input.parse(range.input);
        const { samples, value } = measure(() => production(store, parsed));
        const dispatch = (await timeAsync(() => call('reports.production', range.input, setup.token))).ms;
        emit({
          bench: 'reports.production',
          variant: range.variant,
          n,
          charges_in_range: value.totals.units,
          ...latency(samples),
          dispatch_ms: round(dispatch),
        });
      }
      for (const range of ranges.filter((r) => r.variant !== 'year_one_provider')) {
        const parsed = api['reports.collections'].input.parse(range.input);
        const { samples, value } = measure(() => collections(store, parsed));
        emit({ bench: 'reports.collections', variant: range.variant, n, rows: value.rows.length, ...latency(samples) });
      }
      const day = minusDays(today, 20);
      const sheet = measure(() => daySheet(store, { date: day }));
      emit({ bench: 'reports.day_sheet', variant: 'one_day', n, lines: sheet.value.lines.length, ...latency(sheet.samples) });

      const minimumCents = minimumForCount(store, STATEMENTS);
      const batch = await timeAsync(() => call<Output<'statements.batch'>>('statements.batch', { minimumCents }, setup.token));
      emit({
        bench: 'statements.batch',
        n,
        statements: batch.value.statements,
        pdf_bytes: Math.round((batch.value.pdfBase64.length * 3) / 4),
        total_s: round(batch.ms / 1000),
        per_statement_ms: round(batch.ms / Math.max(batch.value.statements, 1)),
      });
    } finally {
      sqlite.close();
    }
  } finally {
    await clinic.close();
  }
}
