/**
 * schedule.day: the clinic's day view, all providers' appointments of one
 * local day (appointments.range from local midnight to the next), over many
 * different clinic days (weekdays) spread across the whole dataset. Service
 * and dispatch figures as in patients.search; the goal is "p95 < 5 ms".
 */
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { ParsedInput } from '../../main/contract';
import { getClinic } from '../../main/services/settings/reference';
import type { BenchContext } from './context';
import { Rng, emit, latency, note, round, timeAsync } from './stats';

const DAYS_PER_PATH = 200;
const WARMUP = 20;

interface DayRange {
  from: string;
  to: string;
}

/** Seeded clinic weekdays between the first and last appointment of the dataset. */
function clinicDays(context: BenchContext, count: number, seed: number): DayRange[] {
  const zone = getClinic(context.store).timeZone;
  const span = context.store.db.get<{ first: string; last: string }>(
    sql`SELECT min(start_at) AS first, max(start_at) AS last FROM appointments`,
  );
  const first = DateTime.fromISO(span.first, { zone }).startOf('day');
  const totalDays = Math.floor(DateTime.fromISO(span.last, { zone }).diff(first, 'days').days);
  const rng = new Rng(seed);
  const days: DayRange[] = [];
  while (days.length < count) {
    const day = first.plus({ days: rng.int(0, totalDays) });
    if (day.weekday > 5) continue;
    days.push({ from: day.toUTC().toISO() ?? '', to: day.plus({ days: 1 }).toUTC().toISO() ?? '' });
  }
  return days;
}

export async function scheduleDay(context: BenchContext): Promise<void> {
  const n = context.dataset.meta.appointments;
  for (const day of clinicDays(context, WARMUP, 11)) {
    await context.service('appointments.range', context.parse('appointments.range', day));
    await context.call('appointments.range', day);
  }
  const paths = [
    {
      variant: 'service',
      seed: 12,
      // Parsing the input is the dispatcher's job: done before the clock starts.
      prepare: (day: DayRange): unknown => context.parse('appointments.range', day),
      run: async (input: unknown) =>
        (await context.service('appointments.range', input as ParsedInput<'appointments.range'>)).appointments.length,
    },
    {
      variant: 'dispatch',
      seed: 13,
      prepare: (day: DayRange): unknown => day,
      run: async (input: unknown) => {
        const result = await context.core.call('appointments.range', input, context.token);
        if (!result.ok) throw new Error(`appointments.range failed: ${result.error.code}`);
        return (result.value as { appointments: unknown[] }).appointments.length;
      },
    },
  ];
  for (const path of paths) {
    const days = clinicDays(context, DAYS_PER_PATH, path.seed);
    const inputs = days.map((day) => path.prepare(day));
    const samples: number[] = [];
    let rows = 0;
    for (const input of inputs) {
      const { ms, value } = await timeAsync(() => path.run(input));
      samples.push(ms);
      rows += value;
    }
    note(`schedule.day (${path.variant}): ${round(rows / days.length, 1)} appointments per day on average`);
    emit({
      bench: 'schedule.day',
      variant: path.variant,
      n,
      days: days.length,
      appointments_per_day: round(rows / days.length, 1),
      ...latency(samples),
    });
  }
}
