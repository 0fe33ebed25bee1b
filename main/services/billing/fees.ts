/**
 * Fee schedules and their priced codes. An item's id is derived from its
 * schedule and code, so the same code priced on two offline workstations is
 * one row that converges (last writer wins on the price), never two.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, eq, isNull, like, or } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { feeScheduleItems, feeSchedules } from '../../../db/schema';
import { ApiError, spreadsheetSafe, type FeeItem, type FeeSchedule, type ParsedInput } from '../../contract';
import { ProcedureCode } from '../../contract/billing';
import type { Writer } from '../../sync/mutate';
import type { Store } from '../store';
import { SHIPPED_FEES, SHIPPED_SCHEDULE_ID, SHIPPED_SCHEDULE_NAME } from './shipped-fees';

type ScheduleRow = typeof feeSchedules.$inferSelect;
type ItemRow = typeof feeScheduleItems.$inferSelect;

export function feeItemId(scheduleId: string, code: string): string {
  return `fee-${createHash('sha256').update(`${scheduleId}|${code}`).digest('hex').slice(0, 32)}`;
}

function toSchedule(store: Store, row: ScheduleRow): FeeSchedule {
  const items =
    store.db
      .select({ n: count() })
      .from(feeScheduleItems)
      .where(and(eq(feeScheduleItems.scheduleId, row.id), isNull(feeScheduleItems.deletedAt)))
      .get()?.n ?? 0;
  return { id: row.id, name: row.name, kind: row.kind, payerName: row.payerName, active: row.active, itemCount: items };
}

function toItem(row: ItemRow): FeeItem {
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    code: row.code,
    description: row.description,
    priceCents: row.priceCents,
    active: row.active,
  };
}

export function listSchedules(store: Store): FeeSchedule[] {
  return store.db
    .select()
    .from(feeSchedules)
    .where(isNull(feeSchedules.deletedAt))
    .orderBy(asc(feeSchedules.name))
    .all()
    .map((row) => toSchedule(store, row));
}

export function scheduleRow(store: Store, id: string): ScheduleRow {
  const row = store.db.select().from(feeSchedules).where(eq(feeSchedules.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', 'That fee schedule no longer exists. Reload the list.');
  return row;
}

export function saveSchedule(store: Store, input: ParsedInput<'feeSchedules.save'>): FeeSchedule {
  if (input.id) scheduleRow(store, input.id);
  const values = {
    name: input.name,
    kind: input.kind,
    payerName: input.kind === 'payer' ? (input.payerName ?? null) : null,
    active: input.active,
  };
  const id = store.capture.mutate((w) => {
    if (!input.id) return w.insert(feeSchedules, values);
    w.update(feeSchedules, input.id, values);
    return input.id;
  });
  return toSchedule(store, scheduleRow(store, id));
}

export function listItems(store: Store, scheduleId: string, query: string): FeeItem[] {
  scheduleRow(store, scheduleId);
  // Every word must match: the start of the code, or anywhere in the description ("visit low" finds "Office visit, est., low").
  const words = query
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  const matches = and(
    ...words.map((word) => or(like(feeScheduleItems.code, `${word.toUpperCase()}%`), like(feeScheduleItems.description, `%${word}%`))),
  );
  return store.db
    .select()
    .from(feeScheduleItems)
    .where(and(eq(feeScheduleItems.scheduleId, scheduleId), isNull(feeScheduleItems.deletedAt), matches))
    .orderBy(asc(feeScheduleItems.code))
    .all()
    .map(toItem);
}

/** The active price of a code in a schedule, or undefined. */
export function priceOf(store: Store, scheduleId: string, code: string): FeeItem | undefined {
  const row = store.db
    .select()
    .from(feeScheduleItems)
    .where(eq(feeScheduleItems.id, feeItemId(scheduleId, code)))
    .get();
  return row && !row.deletedAt && row.active ? toItem(row) : undefined;
}

interface ItemValues {
  code: string;
  description: string;
  priceCents: number;
  active: boolean;
}

/** Insert or update one item; says what happened. */
function writeItem(w: Writer, store: Store, scheduleId: string, item: ItemValues): 'created' | 'updated' | 'unchanged' {
  const id = feeItemId(scheduleId, item.code);
  const current = store.db.select().from(feeScheduleItems).where(eq(feeScheduleItems.id, id)).get();
  if (!current) {
    w.insert(feeScheduleItems, { id, scheduleId, ...item });
    return 'created';
  }
  if (current.deletedAt) w.restore(feeScheduleItems, id);
  return w.update(feeScheduleItems, id, item).length > 0 || current.deletedAt ? 'updated' : 'unchanged';
}

export function saveItem(store: Store, input: ParsedInput<'feeSchedules.saveItem'>): FeeItem {
  scheduleRow(store, input.scheduleId);
  const { scheduleId, ...item } = input;
  store.capture.mutate((w) => writeItem(w, store, scheduleId, item));
  const saved = store.db
    .select()
    .from(feeScheduleItems)
    .where(eq(feeScheduleItems.id, feeItemId(scheduleId, item.code)))
    .get();
  if (!saved) throw new Error('Fee item vanished after saving');
  return toItem(saved);
}

const PRICE = /^\$?\s*(\d{1,7})(?:\.(\d{1,2}))?$/;

function parsePrice(text: string): number | undefined {
  const match = PRICE.exec(text.trim().replace(/,(?=\d{3}\b)/g, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Parse a fee schedule file; throws a VALIDATION error naming the first bad line. */
export function parseFeeCsv(csv: string): ItemValues[] {
  const text = csv.replace(/^\uFEFF/, '');
  // Spreadsheets save with commas, semicolons (where the decimal mark is a comma) or tabs: the header row tells which.
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ',');
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      delimiter,
    });
  } catch (error) {
    if (error instanceof Error && 'lines' in error) {
      throw new ApiError(
        'VALIDATION',
        `Line ${String(error.lines)}: the row does not match the header (a stray comma or quote?). Nothing was imported.`,
      );
    }
    throw new ApiError('VALIDATION', 'The file is not a readable CSV. Save it as CSV (comma separated) and try again.');
  }
  const first = records[0]?.record ?? {};
  for (const column of ['code', 'description', 'price']) {
    if (!(column in first)) {
      throw new ApiError('VALIDATION', `The file needs a header row with the columns code, description and price (missing: ${column}).`);
    }
  }
  const seen = new Map<string, number>();
  return records.map(({ record, info }) => {
    const line = info.lines;
    const code = ProcedureCode.safeParse(record.code ?? '');
    if (!code.success)
      throw new ApiError('VALIDATION', `Line ${line}: "${record.code ?? ''}" is not a CPT or HCPCS code. Nothing was imported.`);
    const description = (record.description ?? '').trim();
    if (!description || description.length > 200) {
      throw new ApiError(
        'VALIDATION',
        `Line ${line}: the description of ${code.data} is empty or longer than 200 characters. Nothing was imported.`,
      );
    }
    const priceCents = parsePrice(record.price ?? '');
    if (priceCents === undefined) {
      throw new ApiError(
        'VALIDATION',
        `Line ${line}: the price "${record.price ?? ''}" of ${code.data} is not an amount such as 125.00. Nothing was imported.`,
      );
    }
    const earlier = seen.get(code.data);
    if (earlier !== undefined)
      throw new ApiError('VALIDATION', `Line ${line}: ${code.data} is already on line ${earlier}. Nothing was imported.`);
    seen.set(code.data, line);
    return { code: code.data, description, priceCents, active: true };
  });
}

export function importFeeCsv(store: Store, input: ParsedInput<'feeSchedules.importCsv'>) {
  scheduleRow(store, input.scheduleId);
  const items = parseFeeCsv(input.csv);
  if (items.length === 0) throw new ApiError('VALIDATION', 'The file has a header but no fee lines. Nothing was imported.');
  const counts = { created: 0, updated: 0, unchanged: 0 };
  if (input.dryRun) {
    for (const item of items) {
      const current = store.db
        .select()
        .from(feeScheduleItems)
        .where(eq(feeScheduleItems.id, feeItemId(input.scheduleId, item.code)))
        .get();
      const same =
        current &&
        !current.deletedAt &&
        current.description === item.description &&
        current.priceCents === item.priceCents &&
        current.active;
      counts[!current ? 'created' : same ? 'unchanged' : 'updated'] += 1;
    }
    return counts;
  }
  store.capture.mutate((w) => {
    for (const item of items) counts[writeItem(w, store, input.scheduleId, item)] += 1;
  });
  return counts;
}

export function exportFeeCsv(store: Store, scheduleId: string) {
  const schedule = scheduleRow(store, scheduleId);
  const rows = listItems(store, scheduleId, '').filter((item) => item.active);
  const csv = stringify(
    rows.map((item) => [item.code, spreadsheetSafe(item.description), (item.priceCents / 100).toFixed(2)]),
    { header: true, columns: ['code', 'description', 'price'], record_delimiter: 'windows' },
  );
  const slug =
    schedule.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'fee-schedule';
  return { fileName: `${slug}.csv`, csv };
}

/** The schedule a new clinic starts with; safe to call again (adds only missing codes, keeps edited prices). */
export function seedFeeSchedules(w: Writer, store: Store): void {
  const existing = store.db.select().from(feeSchedules).where(eq(feeSchedules.id, SHIPPED_SCHEDULE_ID)).get();
  if (!existing)
    w.insert(feeSchedules, { id: SHIPPED_SCHEDULE_ID, name: SHIPPED_SCHEDULE_NAME, kind: 'self_pay', payerName: null, active: true });
  for (const [code, description, priceCents] of SHIPPED_FEES) {
    const id = feeItemId(SHIPPED_SCHEDULE_ID, code);
    if (!store.db.select({ id: feeScheduleItems.id }).from(feeScheduleItems).where(eq(feeScheduleItems.id, id)).get()) {
      w.insert(feeScheduleItems, { id, scheduleId: SHIPPED_SCHEDULE_ID, code, description, priceCents, active: true });
    }
  }
}
