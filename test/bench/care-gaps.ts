/**
 * care_gaps.list: the care gaps computed on every chart open. A patient of
 * the dataset gets a long chart, written through the API like a real
 * clinic's: ten years of quarterly vital signs (40), 30 immunizations,
 * 40 lab reports of 8 analytes (320 rows), 8 problems (one diabetes) and
 * 10 recorded outcomes. Timed in the service (the evaluation and its
 * queries) and through dispatch with a physician's session (zod, audit).
 * Goal: well under the 50 ms of the whole chart open.
 */
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import type { MethodName, Output } from '../../main/contract';
import type { BenchContext } from './context';
import { Rng, emit, latency, note, timeAsync } from './stats';

const READS = 300;
const VACCINES = ['Influenza, seasonal', 'Tdap', 'Hepatitis B', 'MMR', 'Zoster recombinant', 'COVID-19 mRNA'];
const PROBLEMS: [string, string][] = [
  ['E11.9', 'Type 2 diabetes mellitus without complications'],
  ['I10', 'Essential (primary) hypertension'],
  ['E78.5', 'Hyperlipidemia, unspecified'],
  ['J45.909', 'Unspecified asthma, uncomplicated'],
  ['K21.9', 'Gastro-esophageal reflux disease without esophagitis'],
  ['M54.5', 'Low back pain'],
  ['F41.1', 'Generalized anxiety disorder'],
  ['G43.909', 'Migraine, unspecified'],
];

async function physician(context: BenchContext) {
  const login = await context.core.call('auth.login', { username: 'physician', password: DEMO_PASSWORD }, null);
  if (!login.ok) throw new Error(`physician login failed: ${login.error.code}`);
  const token = (login.value as Output<'auth.login'>).token;
  return async <M extends MethodName>(method: M, input: unknown): Promise<Output<M>> => {
    const result = await context.core.call(method, input, token);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Output<M>;
  };
}

export async function careGapsList(context: BenchContext): Promise<void> {
  const rng = new Rng(717);
  const call = await physician(context);
  const patient = context.store.db.get<{ id: string }>(sql`SELECT id FROM patients ORDER BY rowid LIMIT 1 OFFSET 1234`);
  const start = DateTime.utc().minus({ years: 10 });
  for (let i = 0; i < 40; i++) {
    const takenAt = start.plus({ months: i * 3 }).toISO() ?? '';
    const systolic = rng.int(110, 150);
    await call('vitals.record', { patientId: patient.id, takenAt, systolic, diastolic: systolic - 40, weight: { value: 80, unit: 'kg' } });
  }
  for (let i = 0; i < 30; i++) {
    const administeredOn = start.plus({ months: i * 4 }).toISODate();
    await call('immunizations.save', { patientId: patient.id, vaccine: rng.pick(VACCINES), administeredOn, source: 'historical' });
  }
  for (let i = 0; i < 40; i++) {
    const collectedAt = start.plus({ months: i * 3, days: 2 }).toISO();
    const results = ['2093-3', '2085-9', '2571-8', '13457-7', '4548-4', '2345-7', '2160-0', '2823-3'].map((loinc, k) => ({
      name: `Analyte ${k + 1}`,
      loinc,
      value: rng.int(1, 200),
      unit: 'mg/dL',
    }));
    await call('labs.record', { patientId: patient.id, panel: 'Chemistry', collectedAt, results });
  }
  for (const [code, title] of PROBLEMS) await call('problems.save', { patientId: patient.id, code, title, onsetDate: '2018-01-01' });
  for (let i = 0; i < 10; i++) {
    await call('careGaps.recordOutcome', {
      patientId: patient.id,
      ruleId: i % 2 === 0 ? 'colorectal' : 'pneumococcal',
      outcome: i % 2 === 0 ? 'done_elsewhere' : 'declined',
      doneOn: i % 2 === 0 ? start.plus({ years: i }).toISODate() : null,
      method: i % 2 === 0 ? 'fit' : null,
    });
  }
  note('care_gaps.list: chart written (40 vitals, 30 immunizations, 320 lab rows, 8 problems, 10 outcomes)');

  const input = context.parse('careGaps.list', { patientId: patient.id });
  const gaps = (context.service('careGaps.list', input) as Output<'careGaps.list'>).gaps.length;
  const service: number[] = [];
  for (let i = 0; i < READS; i++) service.push((await timeAsync(async () => context.service('careGaps.list', input))).ms);
  emit({ bench: 'care_gaps.list', variant: 'service', reads: READS, gaps, lab_rows: 320, ...latency(service) });

  const dispatch: number[] = [];
  for (let i = 0; i < READS; i++) dispatch.push((await timeAsync(() => call('careGaps.list', { patientId: patient.id }))).ms);
  emit({ bench: 'care_gaps.list', variant: 'dispatch', reads: READS, gaps, lab_rows: 320, ...latency(dispatch) });
}
