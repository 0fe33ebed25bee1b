/**
 * Collections: money received in the range, grouped by provider, payer or
 * payment method, each group split by method (the stacked bars); reversed
 * payments and refunds are taken off to give the net collected.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { methodLabel, payerLabel } from '../billing/billingText';
import { countColumn, moneyColumn, textColumn, type Column } from './columns';
import { Figure } from './Figure';
import { QueryState } from './QueryState';
import { palette, ReportChart } from './ReportChart';
import { rangeInput, type Filters } from './filters';
import { ReportTable } from './ReportTable';

type Collections = Output<'reports.collections'>;
type Source = Collections['rows'][number];
type GroupBy = 'provider' | 'payer' | 'method';

interface Group {
  label: string;
  payments: number;
  cents: number;
  byMethod: Record<string, number>;
}

const groupings: { value: GroupBy; label: string; of: (row: Source) => string }[] = [
  { value: 'provider', label: 'Provider', of: (row) => row.providerName },
  { value: 'payer', label: 'Payer', of: (row) => payerLabel(row.payer) },
  { value: 'method', label: 'Method', of: (row) => methodLabel(row.method) },
];

function groupRows(rows: Source[], of: (row: Source) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const label = of(row);
    const group = groups.get(label) ?? { label, payments: 0, cents: 0, byMethod: {} };
    group.payments += row.payments;
    group.cents += row.cents;
    group.byMethod[row.method] = (group.byMethod[row.method] ?? 0) + row.cents;
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => b.cents - a.cents || a.label.localeCompare(b.label));
}

export function CollectionsReport({ filters, summary }: { filters: Filters; summary: string }) {
  const [by, setBy] = useState<GroupBy>('provider');
  const input = rangeInput(filters);
  const query = useApi('reports.collections', input ?? { from: filters.from, to: filters.to }, {
    placeholderData: keepPreviousData,
    enabled: Boolean(input),
  });
  const grouping = groupings.find((g) => g.value === by) ?? groupings[0];
  return (
    <>
      <fieldset className="reports__toggle">
        <legend>Group by</legend>
        {groupings.map((g) => (
          <label key={g.value}>
            <input type="radio" name="collections-by" value={g.value} checked={by === g.value} onChange={() => setBy(g.value)} />
            {g.label}
          </label>
        ))}
      </fieldset>
      <QueryState
        query={query}
        ready={Boolean(input)}
        loading="Adding up the payments…"
        isEmpty={(data) => data.rows.length === 0 && data.totals.netCents === 0}
        empty="No money was received in this range."
      >
        {(data) => {
          if (!grouping) return null;
          const groups = groupRows(data.rows, grouping.of);
          const methods = Object.keys(data.totals.byMethod).sort((a, b) => methodLabel(a).localeCompare(methodLabel(b)));
          const columns: Column<Group>[] = [
            textColumn(by, grouping.label, (g) => g.label, true),
            countColumn('payments', 'Payments', (g) => g.payments),
            ...(by === 'method' ? [] : methods.map((m) => moneyColumn<Group>(`method-${m}`, methodLabel(m), (g) => g.byMethod[m] ?? 0))),
            moneyColumn('cents', 'Received', (g) => g.cents),
          ];
          const totals = {
            payments: groups.reduce((sum, g) => sum + g.payments, 0),
            ...Object.fromEntries(methods.map((m) => [`method-${m}`, data.totals.byMethod[m] ?? 0])),
            cents: data.totals.paymentsCents,
          };
          return (
            <>
              <dl className="reports-figures" aria-label="Collections totals">
                <Figure label="Received" cents={data.totals.paymentsCents} />
                <Figure label="Payments reversed" cents={data.totals.reversedCents} />
                <Figure label="Refunded" cents={data.totals.refundsCents} />
                <Figure label="Net collected" cents={data.totals.netCents} main />
              </dl>
              <ReportTable
                title={`Received by ${grouping.label.toLowerCase()}`}
                csvTitle={`Collections by ${grouping.label.toLowerCase()} · ${summary}`}
                fileName={`collections-by-${by}-${filters.from}-to-${filters.to}.csv`}
                columns={columns}
                rows={groups}
                rowKey={(g) => g.label}
                totals={totals}
              />
              <ReportChart
                label={`Received by ${grouping.label.toLowerCase()}, split by method`}
                data={groups.map((g) => ({ label: g.label, ...g.byMethod }))}
                xKey="label"
                series={methods.map((m, i) => ({ key: m, label: methodLabel(m), colour: palette[i % palette.length] ?? '#1d4ed8' }))}
                kind="money"
                stacked
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
