/**
 * patients.search: search-as-you-type latency on the 100k-patient dataset.
 * The query mix is what a front desk types: 1–3 letter family-name prefixes,
 * "given family" partial pairs, dates of birth (ISO and US spelling), phone
 * last-4, MRNs and strings that match nobody. Queries are drawn (seeded) from
 * real rows of the dataset. Two figures: the service (handler alone; the goal
 * "p95 < 10 ms in the service" is about this one) and dispatch (core.call with
 * a session, as the renderer calls it: + zod, session check, output check).
 */
import { sql } from 'drizzle-orm';
import type { BenchContext } from './context';
import { Rng, breakdown, emit, latency, note, timeAsync } from './stats';

const QUERIES_PER_PATH = 600;
const WARMUP = 60;

interface Query {
  kind: string;
  text: string;
}

interface PatientSample {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phoneMobile: string | null;
  mrn: string;
}

const prefix = (word: string, length: number): string => word.slice(0, length).toLowerCase();

function nonsense(rng: Rng, length: number): string {
  const letters = 'qxzjkvw';
  return Array.from({ length }, () => rng.pick([...letters])).join('');
}

/** Seeded queries built from random patients of the dataset. */
export function buildQueries(context: BenchContext, count: number, seed: number): Query[] {
  const rng = new Rng(seed);
  const total = context.store.db.get<{ n: number }>(sql`SELECT max(rowid) AS n FROM patients`).n;
  const sample = (): PatientSample => {
    for (;;) {
      const row = context.store.db.get<PatientSample | undefined>(
        sql`SELECT given_name AS givenName, family_name AS familyName, date_of_birth AS dateOfBirth, phone_mobile AS phoneMobile, mrn
            FROM patients WHERE rowid = ${rng.int(1, total)}`,
      );
      if (row) return row;
    }
  };
  const kinds = [
    { value: 'prefix1', weight: 10 },
    { value: 'prefix2', weight: 10 },
    { value: 'prefix3', weight: 10 },
    { value: 'given_family', weight: 25 },
    { value: 'dob', weight: 15 },
    { value: 'phone_last4', weight: 10 },
    { value: 'mrn', weight: 10 },
    { value: 'no_match', weight: 10 },
  ];
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(kinds);
    const p = sample();
    let text: string;
    switch (kind) {
      case 'prefix1':
      case 'prefix2':
      case 'prefix3':
        text = prefix(p.familyName, Number(kind.slice(-1)));
        break;
      case 'given_family':
        // "jo smi", "john smith", "john sm": partial pairs as typed mid-word.
        text = `${prefix(p.givenName, rng.int(2, Math.max(2, p.givenName.length)))} ${prefix(p.familyName, rng.int(2, Math.max(2, p.familyName.length)))}`;
        break;
      case 'dob': {
        const [year, month, day] = p.dateOfBirth.split('-');
        text = rng.next() < 0.5 ? p.dateOfBirth : `${Number(month)}/${Number(day)}/${year}`;
        break;
      }
      case 'phone_last4':
        text = (p.phoneMobile ?? '').replace(/\D/g, '').slice(-4) || '0000';
        break;
      case 'mrn':
        text = p.mrn;
        break;
      default:
        text = rng.pick([nonsense(rng, 4), `${nonsense(rng, 3)} ${nonsense(rng, 4)}`, 'ZZZ999999', '2/30/1970', '01/01/1850']);
    }
    queries.push({ kind, text });
  }
  return queries;
}

export async function patientsSearch(context: BenchContext): Promise<void> {
  const n = context.dataset.meta.patients;
  const warmup = buildQueries(context, WARMUP, 1);
  for (const q of warmup) {
    await context.service('patients.search', { query: q.text, limit: 20 });
    await context.call('patients.search', { query: q.text });
  }

  const paths = [
    {
      variant: 'service',
      seed: 2,
      run: (q: Query) => Promise.resolve(context.service('patients.search', { query: q.text, limit: 20 })).then((r) => r.length),
    },
    {
      variant: 'dispatch',
      seed: 3,
      run: async (q: Query) => {
        const result = await context.core.call('patients.search', { query: q.text }, context.token);
        if (!result.ok) throw new Error(`patients.search failed: ${result.error.code}`);
        return (result.value as unknown[]).length;
      },
    },
  ];
  for (const path of paths) {
    const queries = buildQueries(context, QUERIES_PER_PATH, path.seed);
    const samples: number[] = [];
    const byKind = new Map<string, number[]>();
    let empty = 0;
    for (const q of queries) {
      const { ms, value } = await timeAsync(() => path.run(q));
      samples.push(ms);
      const kindSamples = byKind.get(q.kind) ?? [];
      kindSamples.push(ms);
      byKind.set(q.kind, kindSamples);
      if (value === 0) empty++;
    }
    breakdown(`patients.search (${path.variant}) by query kind:`, byKind);
    note(`  ${empty} of ${queries.length} queries found nobody`);
    emit({ bench: 'patients.search', variant: path.variant, n, queries: queries.length, ...latency(samples) });
  }
}
