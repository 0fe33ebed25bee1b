/**
 * codes.search: diagnosis search as a physician types, over a full-size
 * release (~74,000 synthetic codes imported through codes.import, plus the
 * shipped primary care list). The query mix is what people type while
 * charting: whole codes (dotted or not), code prefixes, a lone chapter
 * letter, word prefixes of two to five letters (the two-letter ones match
 * tens of thousands of titles), two- and three-word partial phrases in any
 * order, and strings that match nothing. Two figures: the service (the
 * search alone; the goal "p95 < 10 ms" is about this one) and dispatch
 * (core.call with a physician's session: + zod, session, output check).
 * Standalone: its own clinic in a temp folder, removed afterwards.
 */
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { dottedCode, type Output } from '../../main/contract';
import { primaryCareCodes } from '../../main/services/codes/seed';
import { searchCodes } from '../../main/services/codes/search';
import { createStore } from '../../main/services/store';
import { orderFile, syntheticCodes, type SyntheticCode } from './codes-dataset';
import { Rng, breakdown, emit, latency, note, round, timeAsync } from './stats';
import { standaloneClinic } from './standalone';

const CODES = Number(process.env.OUTPOST_BENCH_CODES ?? 74_000);
const QUERIES = 600;
const WARMUP = 60;

interface Query {
  kind: string;
  text: string;
}

const words = (title: string) => title.split(/[^A-Za-z]+/).filter((w) => w.length >= 4);
const prefix = (word: string, length: number) => word.slice(0, length).toLowerCase();

/** Seeded queries drawn from the codes themselves. */
function buildQueries(codes: readonly SyntheticCode[], count: number, seed: number): Query[] {
  const rng = new Rng(seed);
  const kinds = [
    { value: 'code_exact', weight: 12 },
    { value: 'code_prefix', weight: 15 },
    { value: 'letter', weight: 4 },
    { value: 'word_prefix2', weight: 8 },
    { value: 'word_prefix3_5', weight: 16 },
    { value: 'two_words', weight: 20 },
    { value: 'three_words', weight: 15 },
    { value: 'no_match', weight: 10 },
  ];
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(kinds);
    const { code, title } = rng.pick(codes);
    const titleWords = words(title);
    const pickWord = () => rng.pick(titleWords.length > 0 ? titleWords : ['pain']);
    let text: string;
    switch (kind) {
      case 'code_exact':
        text = rng.next() < 0.7 ? dottedCode(code) : code.toLowerCase();
        break;
      case 'code_prefix':
        text = dottedCode(code.slice(0, rng.int(2, Math.min(5, code.length))));
        break;
      case 'letter':
        text = code.charAt(0).toLowerCase();
        break;
      case 'word_prefix2':
        text = prefix(pickWord(), 2);
        break;
      case 'word_prefix3_5':
        text = prefix(pickWord(), rng.int(3, 5));
        break;
      case 'two_words':
      case 'three_words': {
        const n = kind === 'two_words' ? 2 : 3;
        const chosen = Array.from({ length: n }, () => pickWord()).map((w) => prefix(w, rng.int(3, w.length)));
        text = (rng.next() < 0.5 ? chosen : chosen.reverse()).join(' ');
        break;
      }
      default:
        text = rng.pick(['qxzv', 'zzyzx wub', 'Q99.ZZ', 'xylophonitis']);
    }
    queries.push({ kind, text });
  }
  return queries;
}

export async function codesSearch(): Promise<void> {
  const clinic = await standaloneClinic('codes');
  const { dir, call } = clinic;
  try {
    const setup = { token: clinic.adminToken };
    const physician = { token: await clinic.staff('physician', 'bench.physician') };

    const codes = syntheticCodes(CODES, 74_074, new Set(primaryCareCodes.map((c) => c.code)));
    const content = orderFile(codes);
    note(`importing ${codes.length} synthetic codes (${(content.length / 1e6).toFixed(1)} MB order file)`);
    const imported = await timeAsync(() =>
      call<Output<'codes.import'>>('codes.import', { fileName: 'icd10cm-order-2099.txt', content }, setup.token),
    );
    const n = codes.length + primaryCareCodes.length;
    emit({ bench: 'codes.search', variant: 'import', n: codes.length, import_s: round(imported.ms / 1000), added: imported.value.added });

    const { sqlite, db } = openDatabase(join(dir, 'outpost.db'));
    const store = createStore(sqlite, db);
    try {
      for (const q of buildQueries(codes, WARMUP, 1)) {
        searchCodes(store, q.text, 20);
        await call('codes.search', { query: q.text }, physician.token);
      }
      const paths = [
        { variant: 'service', seed: 2, run: (q: Query) => Promise.resolve(searchCodes(store, q.text, 20).length) },
        {
          variant: 'dispatch',
          seed: 3,
          run: async (q: Query) => (await call<Output<'codes.search'>>('codes.search', { query: q.text }, physician.token)).codes.length,
        },
      ];
      for (const path of paths) {
        const queries = buildQueries(codes, QUERIES, path.seed);
        const samples: number[] = [];
        const byKind = new Map<string, number[]>();
        let empty = 0;
        for (const q of queries) {
          const { ms, value } = await timeAsync(() => path.run(q));
          samples.push(ms);
          byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
          if (value === 0) empty++;
        }
        breakdown(`codes.search (${path.variant}) by query kind:`, byKind);
        note(`  ${empty} of ${queries.length} queries found nothing`);
        emit({ bench: 'codes.search', variant: path.variant, n, queries: queries.length, ...latency(samples) });
      }
    } finally {
      sqlite.close();
    }
  } finally {
    await clinic.close();
  }
}
