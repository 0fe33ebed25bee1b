/**
 * Shared helpers of the benchmarks. Policy (ARCHITECTURE §6): figures go to
 * stdout as one JSON object per line, everything else to stderr; benchmarks
 * never judge their own figures. Randomness is seeded so every run measures
 * the same queries and bookings.
 */

export type Figures = Record<string, string | number | boolean>;

/** One benchmark result line on stdout. */
export function emit(figures: Figures & { bench: string }): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Progress and diagnostics: stderr only, never patient data. */
export function note(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** p50/p95/max of durations in milliseconds, rounded for the JSON line. */
export function latency(samples: number[]): { p50_ms: number; p95_ms: number; max_ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)), max_ms: round(sorted.at(-1) ?? Number.NaN) };
}

export function timeSync<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Small seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** An item chosen by weight. */
  weighted<T>(items: readonly { value: T; weight: number }[]): T {
    const total = items.reduce((sum, i) => sum + i.weight, 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item.value;
    }
    const last = items.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last.value;
  }
}

/** Table of per-kind latencies for stderr (diagnostics, not figures). */
export function breakdown(title: string, byKind: Map<string, number[]>): void {
  note(title);
  for (const [kind, samples] of [...byKind.entries()].sort()) {
    const l = latency(samples);
    note(
      `  ${kind.padEnd(16)} n=${String(samples.length).padStart(4)}  p50 ${l.p50_ms.toFixed(3)} ms  p95 ${l.p95_ms.toFixed(3)} ms  max ${l.max_ms.toFixed(3)} ms`,
    );
  }
}
