/**
 * Billing over five years of a 20-provider clinic (billing-dataset.ts):
 *  - reports.ar_aging: A/R aging by payer and by patient, the whole clinic
 *    and one provider (the goal "< 200 ms" is about the service figure);
 *  - ledger.post: taking a patient's payment through dispatch (core.call with
 *    a manager's session: validation, balance check, FIFO allocation, the
 *    ledger rows, change capture and the audit row), goal p95 < 5 ms.
 * Standalone: its own clinic in a temp folder, removed afterwards.
 */
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { api } from '../../main/contract';
import { arAging } from '../../main/services/billing/aging';
import { createStore } from '../../main/services/store';
import { buildBillingDataset } from './billing-dataset';
import { Rng, emit, latency, note, round, timeAsync, timeSync } from './stats';
import { standaloneClinic } from './standalone';

const CHARGES = Number(process.env.OUTPOST_BENCH_CHARGES ?? 200_000);
const PATIENTS = Number(process.env.OUTPOST_BENCH_BILLING_PATIENTS ?? 20_000);
const REPORT_RUNS = 15;
const POSTINGS = 300;

export async function billingBenchmarks(): Promise<void> {
  const clinic = await standaloneClinic('billing');
  const { dir, call } = clinic;
  try {
    const manager = { token: await clinic.staff('manager', 'bench.manager') };
    const today = new Date().toISOString().slice(0, 10);

    const { sqlite, db } = openDatabase(join(dir, 'outpost.db'));
    const store = createStore(sqlite, db);
    try {
      const built = timeSync(() => buildBillingDataset(store, { patients: PATIENTS, charges: CHARGES, today }));
      const data = built.value;
      note(`dataset built in ${(built.ms / 1000).toFixed(1)} s`);
      const n = data.charges + data.ledgerRows;

      const variants = [
        { variant: 'by_payer', input: { by: 'payer' } },
        { variant: 'by_patient', input: { by: 'patient' } },
        { variant: 'by_payer_one_provider', input: { by: 'payer', providerId: data.providerIds[0] } },
      ];
      for (const v of variants) {
        const parsed = api['reports.arAging'].input.parse(v.input);
        arAging(store, parsed);
        const samples: number[] = [];
        let rows = 0;
        for (let i = 0; i < REPORT_RUNS; i++) {
          const { ms, value } = timeSync(() => arAging(store, parsed));
          samples.push(ms);
          rows = value.rows.length;
        }
        const dispatch: number[] = [];
        for (let i = 0; i < 5; i++) dispatch.push((await timeAsync(() => call('reports.arAging', v.input, manager.token))).ms);
        emit({
          bench: 'reports.ar_aging',
          variant: v.variant,
          n,
          charges: data.charges,
          ledger_rows: data.ledgerRows,
          rows,
          ...latency(samples),
          dispatch_p50_ms: round(latency(dispatch).p50_ms),
        });
      }

      const rng = new Rng(77);
      const samples: number[] = [];
      for (let i = 0; i < POSTINGS; i++) {
        const patientId = rng.pick(data.patientIds);
        const { ms } = await timeAsync(() =>
          call(
            'payments.post',
            { patientId, amountCents: rng.int(500, 6000), method: rng.pick(['cash', 'card']), reference: `R${i}` },
            manager.token,
          ),
        );
        samples.push(ms);
      }
      emit({ bench: 'ledger.post', variant: 'dispatch', n, postings: POSTINGS, ...latency(samples) });
    } finally {
      sqlite.close();
    }
  } finally {
    await clinic.close();
  }
}
