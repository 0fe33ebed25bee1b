/**
 * The columns of a report table, described once so the screen, the sort and
 * the CSV read the same figures: a money column is cents everywhere and only
 * formatted at the edge ("$1,234.56" on screen, "1234.56" in the CSV, so a
 * spreadsheet reads it as a number).
 */
import { csvField } from '../audit/auditText';
import { formatCents } from '../../ui/format';

export type CellKind = 'text' | 'money' | 'count' | 'percent' | 'hours';

export interface Column<Row> {
  key: string;
  label: string;
  kind: CellKind;
  /** Cents for money, a 0..1 share for percent, minutes for hours. */
  value: (row: Row) => string | number;
  /** The cell that names the row (a row header for screen readers). */
  rowHeader?: boolean;
}

/** The totals row, by column key; a column without a figure is left blank, the row header reads "Total". */
export type Totals = Record<string, string | number>;

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

const counts = new Intl.NumberFormat('en-US');

export function formatCell(kind: CellKind, figure: string | number): string {
  if (typeof figure === 'string') return figure;
  // A negated zero would read "-$0.00".
  const value = figure === 0 ? 0 : figure;
  switch (kind) {
    case 'money':
      return formatCents(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return `${(value / 60).toFixed(1)} h`;
    default:
      return counts.format(value);
  }
}

function csvCell(kind: CellKind, value: string | number): string {
  if (typeof value === 'string') return csvField(value);
  switch (kind) {
    case 'money':
      return (value / 100).toFixed(2);
    case 'percent':
      return (value * 100).toFixed(1);
    case 'hours':
      return (value / 60).toFixed(2);
    default:
      return String(value);
  }
}

const csvHeader = (column: Column<never>) =>
  csvField(column.kind === 'percent' ? `${column.label} (%)` : column.kind === 'hours' ? `${column.label} (hours)` : column.label);

/** The table as the person sees it (same order), a title line first, the totals row last. */
export function tableCsv<Row>(title: string, columns: Column<Row>[], rows: Row[], totals?: Totals): string {
  const line = (row: Row) => columns.map((c) => csvCell(c.kind, c.value(row)));
  const totalsLine = (figures: Totals) => columns.map((c) => csvCell(c.kind, totalOf(c, figures)));
  const lines = [
    [csvField(title)],
    columns.map((c) => csvHeader(c as Column<never>)),
    ...rows.map(line),
    ...(totals ? [totalsLine(totals)] : []),
  ];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

export function totalOf<Row>(column: Column<Row>, totals: Totals): string | number {
  return totals[column.key] ?? (column.rowHeader ? 'Total' : '');
}

/** Text sorts as a person reads it (numbers inside names in order); figures by size. */
export function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: SortState | null): Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * order;
  });
}

/** A first click sorts text A→Z and figures largest first, which is what a manager looks for. */
export function nextSort<Row>(current: SortState | null, column: Column<Row>): SortState {
  if (current?.key === column.key) {
    return { key: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key: column.key, direction: column.kind === 'text' ? 'ascending' : 'descending' };
}

export const moneyColumn = <Row>(key: string, label: string, value: (row: Row) => number): Column<Row> => ({
  key,
  label,
  kind: 'money',
  value,
});

export const countColumn = <Row>(key: string, label: string, value: (row: Row) => number): Column<Row> => ({
  key,
  label,
  kind: 'count',
  value,
});

export const textColumn = <Row>(key: string, label: string, value: (row: Row) => string, rowHeader = false): Column<Row> => ({
  key,
  label,
  kind: 'text',
  value,
  rowHeader,
});
