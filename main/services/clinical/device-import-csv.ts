/**
 * Home-monitoring CSV exports read into candidate readings. Devices and apps
 * name their columns freely ("SYS(mmHg)", "Systolic", "Blood sugar (mmol/L)"),
 * separate with commas or semicolons (the latter with decimal commas), quote
 * fields, start with a BOM and sometimes a line or two of preamble: the header
 * is the first row naming a time and a measurement. Columns that hold nothing
 * Outpost records are reported, never guessed at.
 */
import type { Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { ApiError, type SkippedReading } from '../../contract';
import type { FileReadout, MeasuredValues } from './device-import-values';

type Column =
  'timestamp' | 'date' | 'time' | 'systolic' | 'diastolic' | 'pulse' | 'weight' | 'glucose' | 'unit' | 'weightUnit' | 'glucoseUnit';
type Measure = 'systolic' | 'diastolic' | 'pulse' | 'weight' | 'glucose';

const MEASURES: Measure[] = ['systolic', 'diastolic', 'pulse', 'weight', 'glucose'];
const LABELS: Record<Measure, string> = {
  systolic: 'systolic pressure',
  diastolic: 'diastolic pressure',
  pulse: 'pulse',
  weight: 'weight',
  glucose: 'blood glucose',
};
const HEADER_SEARCH_ROWS = 20;
const EXAMPLE_HEADER = 'Date, Systolic, Diastolic, Pulse, Weight (kg), Glucose (mg/dL)';

/** A header's words, lowercased, without its unit in brackets ("SYS (mmHg)" -> "sys"). */
const nameOf = (header: string) =>
  header
    .replace(/[([].*?[)\]]/g, ' ')
    .toLowerCase()
    .replace(/\b(mm ?hg|bpm|kgs?|lbs?|mg\/dl|mmol\/l)\b/g, ' ')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();

function columnOf(header: string): Column | null {
  const name = nameOf(header);
  if (/\bunit/.test(name)) return name.includes('weight') ? 'weightUnit' : /glucose|sugar/.test(name) ? 'glucoseUnit' : 'unit';
  if (/systolic|^sys$|^sbp$/.test(name)) return 'systolic';
  if (/diastolic|^dia$|^dbp$/.test(name)) return 'diastolic';
  if (/pulse|heart rate|^hr$|^pul$|^bpm$/.test(name)) return 'pulse';
  if (/weight|^wt$/.test(name)) return 'weight';
  if (/glucose|sugar|^bg$/.test(name)) return 'glucose';
  if (/^(timestamp|date ?time|date\/time|date and time|(measured|taken|recorded) at|measurement (date|time))$/.test(name))
    return 'timestamp';
  if (/^(date|day|measurement date)$/.test(name)) return 'date';
  if (/^(time|clock)$/.test(name)) return 'time';
  return null;
}

const unitIn = (text: string): 'kg' | 'lb' | 'mg/dL' | 'mmol/L' | null => {
  const t = text.toLowerCase();
  if (/mmol/.test(t)) return 'mmol/L';
  if (/mg ?\/ ?dl/.test(t)) return 'mg/dL';
  if (/\blbs?\b|pound/.test(t)) return 'lb';
  if (/\bkg\b|kilo/.test(t)) return 'kg';
  return null;
};

interface Header {
  row: number;
  columns: (Column | null)[];
  names: string[];
}

function findHeader(rows: string[][]): Header | null {
  for (const [row, cells] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const columns = cells.map(columnOf);
    const hasTime = columns.includes('timestamp') || columns.includes('date');
    if (hasTime && MEASURES.some((m) => columns.includes(m))) return { row, columns, names: cells };
  }
  return null;
}

function parseRows(content: string, delimiter: string, toLine?: number): string[][] {
  // Blank lines are kept (and passed over later) so a row's number is its line in a spreadsheet.
  const options: Options = { bom: true, delimiter, relax_column_count: true, trim: true, to_line: toLine };
  return parse(content, options);
}

/** Tries each separator on the first rows: the one under which a header is found is the file's. */
function sniff(content: string): { delimiter: string; header: Header } {
  let firstRow: string[] = [];
  let malformed: unknown = null;
  for (const delimiter of [',', ';', '\t']) {
    let rows: string[][];
    try {
      rows = parseRows(content, delimiter, HEADER_SEARCH_ROWS);
    } catch (error) {
      malformed = error;
      continue;
    }
    // The widest reading of the first non-blank row is the one that shows what the file holds.
    const first = rows.find((cells) => cells.some((text) => text !== '')) ?? [];
    firstRow = firstRow.length >= first.length ? firstRow : first;
    const header = findHeader(rows);
    if (header) return { delimiter, header };
  }
  if (malformed && firstRow.length === 0) throw malformedFile(malformed);
  const found = firstRow.length > 0 ? ` (its first row reads: ${firstRow.slice(0, 6).join(', ').slice(0, 120)})` : '';
  throw new ApiError(
    'VALIDATION',
    `This file has no column Outpost recognises${found}. The first row must name a date and at least one measurement, e.g. ${EXAMPLE_HEADER}.`,
    { content: 'No recognisable columns' },
  );
}

function malformedFile(error: unknown): ApiError {
  const line = error instanceof Error && 'lines' in error ? ` near line ${String(error.lines)}` : '';
  return new ApiError('VALIDATION', `This CSV file is malformed${line} (a quote left open?). Export it again from the device.`, {
    content: 'Malformed CSV',
  });
}

/** "72,5" (decimal comma), "172 lb", "5.4 mmol/L" -> the number and the unit written with it. */
function readNumber(cell: string): { value: number; unit: ReturnType<typeof unitIn> } | null {
  const match = /^([+-]?\d+(?:[.,]\d+)?)\s*(.*)$/.exec(cell.trim());
  if (!match?.[1]) return null;
  const rest = match[2] ?? '';
  const unit = unitIn(rest);
  if (rest !== '' && !unit && !/^(mm ?hg|bpm|\/min)$/i.test(rest)) return null;
  return { value: Number(match[1].replace(',', '.')), unit };
}

const DATE_FORMATS = ['d.M.yyyy', 'yyyy/M/d'];
const TIME_FORMATS = ['H:mm', 'H:mm:ss', 'h:mm a', 'h:mm:ss a', 'h:mma'];

/** Day-first or month-first, decided once for the whole file from a day over 12; null when no row says. */
function slashOrder(texts: string[]): 'd/M' | 'M/d' | null {
  for (const text of texts) {
    const match = /^(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(text.trim());
    if (match && Number(match[1]) > 12) return 'd/M';
    if (match && Number(match[2]) > 12) return 'M/d';
  }
  return null;
}

/** A time as devices write it; a time without an offset is the clinic's local time. */
function readTime(text: string, zone: string, order: 'd/M' | 'M/d' | null): DateTime | string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  // "2026-11-20 07:30" as ISO 8601 ("2026-11-20T07:30"): the ISO reader is many times faster than the SQL one.
  const iso = DateTime.fromISO(trimmed.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T'), { zone, setZone: true });
  if (iso.isValid) return iso;
  const slashed = /^\d{1,2}\/\d{1,2}\/\d{4}/.test(trimmed);
  if (slashed && !order) return `the date “${trimmed}” could be day/month or month/day: export with dates as YYYY-MM-DD`;
  const dates = slashed ? [`${order ?? 'M/d'}/yyyy`] : DATE_FORMATS;
  for (const date of dates) {
    for (const format of [date, ...TIME_FORMATS.map((time) => `${date} ${time}`)]) {
      const parsed = DateTime.fromFormat(trimmed, format, { zone, locale: 'en-US' });
      if (parsed.isValid) return parsed;
    }
  }
  return `the time “${trimmed.slice(0, 40)}” cannot be read: use e.g. 2026-11-20 07:30`;
}

export function readCsv(content: string, zone: string): FileReadout {
  const { delimiter, header } = sniff(content);
  let rows: string[][];
  try {
    rows = parseRows(content, delimiter);
  } catch (error) {
    throw malformedFile(error);
  }
  const index = (column: Column) => header.columns.indexOf(column);
  const cell = (cells: string[], column: Column) => (index(column) >= 0 ? (cells[index(column)] ?? '').trim() : '');
  const timeText = (cells: string[]) =>
    index('timestamp') >= 0 ? cell(cells, 'timestamp') : `${cell(cells, 'date')} ${cell(cells, 'time')}`.trim();
  const body = rows
    .map((cells, i) => ({ cells, origin: `Row ${i + 1}` }))
    .slice(header.row + 1)
    .filter(({ cells }) => cells.some((text) => text.trim() !== ''));
  const order = slashOrder(body.map((r) => timeText(r.cells)));
  const headerUnit = (m: 'weight' | 'glucose') => unitIn(header.names[index(m)] ?? '');

  const readout: FileReadout = {
    candidates: [],
    skipped: [],
    ignoredColumns: header.names.filter((_, i) => header.columns[i] === null && header.names[i] !== ''),
    device: null,
  };
  for (const { cells, origin } of body) {
    const skip = (reason: string) => readout.skipped.push({ origin, reason } satisfies SkippedReading);
    const takenAt = readTime(timeText(cells), zone, order);
    if (typeof takenAt === 'string') {
      skip(takenAt.charAt(0).toUpperCase() + takenAt.slice(1) + '.');
      continue;
    }
    const values: MeasuredValues = {};
    let problem: string | null = null;
    for (const measure of MEASURES) {
      const text = cell(cells, measure);
      if (text === '' || problem) continue;
      const number = readNumber(text);
      if (!number) {
        problem = `The ${LABELS[measure]} “${text.slice(0, 20)}” is not a number.`;
        continue;
      }
      if (measure === 'weight' || measure === 'glucose') {
        const unit =
          number.unit ??
          unitIn(cell(cells, measure === 'weight' ? 'weightUnit' : 'glucoseUnit')) ??
          unitIn(cell(cells, 'unit')) ??
          headerUnit(measure);
        if (measure === 'weight' && (unit === 'kg' || unit === 'lb')) values.weight = { value: number.value, unit };
        else if (measure === 'glucose' && (unit === 'mg/dL' || unit === 'mmol/L')) values.glucose = { value: number.value, unit };
        else
          problem =
            measure === 'weight'
              ? 'The weight has no unit: name it in the column, e.g. Weight (kg) or Weight (lb).'
              : 'The blood glucose has no unit: name it in the column, e.g. Glucose (mg/dL) or Glucose (mmol/L).';
      } else values[measure] = Math.round(number.value);
    }
    if (problem) skip(problem);
    else if (Object.keys(values).length === 0) skip('It holds no measurement.');
    else readout.candidates.push({ origin, takenAt: new Date(takenAt.toMillis()).toISOString(), values });
  }
  return readout;
}
