/** Report tables: one column description drives the screen, the sort and the CSV, and the quick date ranges. */
import { describe, expect, it } from 'vitest';
import type { AgingRow } from '../../main/contract';
import {
  formatCell,
  moneyColumn,
  nextSort,
  sortRows,
  tableCsv,
  textColumn,
  type Column,
} from '../../renderer/src/features/reports/columns';
import { quickRanges, rangeInput } from '../../renderer/src/features/reports/filters';
import { buckets } from '../../renderer/src/features/reports/reportsText';

const agingColumns: Column<AgingRow>[] = [
  textColumn('patient', 'Patient', (row) => row.label, true),
  ...buckets.map((b) => moneyColumn<AgingRow>(b.key, b.label, (row) => row[b.key])),
  moneyColumn('total', 'Total', (row) => row.total),
];

describe('report CSV', () => {
  it('quotes names, keeps money as plain numbers and ends with the totals', () => {
    const row = { key: 'p1', label: 'Doe, Jane (MRN1)', current: 12500, days31to60: 0, days61to90: 0, over90: -1000, total: 11500 };
    const { key: _key, label: _label, ...totals } = row;
    const csv = tableCsv('A/R aging by patient · As of 23 Nov 2026 · All providers', agingColumns, [row], totals);
    expect(csv.split('\r\n')).toEqual([
      '"A/R aging by patient · As of 23 Nov 2026 · All providers"',
      '"Patient","Current","31–60","61–90","90+","Total"',
      '"Doe, Jane (MRN1)",125.00,0.00,0.00,-10.00,115.00',
      '"Total",125.00,0.00,0.00,-10.00,115.00',
      '',
    ]);
  });

  it('writes shares as percentages and minutes as hours, and says so in the header', () => {
    type Row = { name: string; rate: number; minutes: number };
    const columns: Column<Row>[] = [
      textColumn('name', 'Provider', (r) => r.name, true),
      { key: 'rate', label: 'No-show rate', kind: 'percent', value: (r) => r.rate },
      { key: 'minutes', label: 'Time booked', kind: 'hours', value: (r) => r.minutes },
    ];
    const csv = tableCsv('t', columns, [{ name: '=cmd()', rate: 0.125, minutes: 90 }]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['"Provider","No-show rate (%)","Time booked (hours)"', `"'=cmd()",12.5,1.50`]);
  });
});

describe('report cells', () => {
  it('formats figures by kind and never shows a negative zero', () => {
    expect(formatCell('money', -0)).toBe('$0.00');
    expect(formatCell('money', -4000)).toBe('-$40.00');
    expect(formatCell('count', 2001)).toBe('2,001');
    expect(formatCell('percent', 0.6421)).toBe('64.2%');
    expect(formatCell('hours', 6216)).toBe('103.6 h');
    expect(formatCell('money', 'Total')).toBe('Total');
  });
});

describe('report sorting', () => {
  type Row = { name: string; cents: number };
  const name = textColumn<Row>('name', 'Name', (r) => r.name, true);
  const cents = moneyColumn<Row>('cents', 'Amount', (r) => r.cents);
  const rows: Row[] = [
    { name: 'Room 10', cents: -4000 },
    { name: 'room 2', cents: 11000 },
    { name: 'Room 1', cents: 0 },
  ];

  it('sorts text as people read it and figures by size, leaving the rows given untouched', () => {
    expect(sortRows(rows, [name, cents], { key: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'Room 1',
      'room 2',
      'Room 10',
    ]);
    expect(sortRows(rows, [name, cents], { key: 'cents', direction: 'descending' }).map((r) => r.cents)).toEqual([11000, 0, -4000]);
    expect(sortRows(rows, [name, cents], null)).toBe(rows);
    expect(rows[0]?.name).toBe('Room 10');
  });

  it('starts text A→Z and figures largest first, and turns the order on a second click', () => {
    expect(nextSort(null, name)).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort(null, cents)).toEqual({ key: 'cents', direction: 'descending' });
    expect(nextSort({ key: 'cents', direction: 'descending' }, cents)).toEqual({ key: 'cents', direction: 'ascending' });
    expect(nextSort({ key: 'cents', direction: 'ascending' }, name)).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('report date ranges', () => {
  it('offers this month, last month (across the new year) and this year', () => {
    expect(quickRanges('2027-01-15')).toEqual([
      { label: 'This month', from: '2027-01-01', to: '2027-01-31' },
      { label: 'Last month', from: '2026-12-01', to: '2026-12-31' },
      { label: 'This year', from: '2027-01-01', to: '2027-12-31' },
    ]);
    expect(quickRanges('2028-03-31')[1]).toEqual({ label: 'Last month', from: '2028-02-01', to: '2028-02-29' });
  });

  it('runs a report only on complete dates', () => {
    const filters = { from: '2026-11-01', to: '2026-11-30', day: '2026-11-23', providerId: '' };
    expect(rangeInput(filters)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(rangeInput({ ...filters, to: '' })).toBeUndefined();
    expect(rangeInput({ ...filters, providerId: 'p1' })).toEqual({ from: '2026-11-01', to: '2026-11-30', providerId: 'p1' });
  });
});
