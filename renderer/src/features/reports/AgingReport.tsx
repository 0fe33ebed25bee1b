/**
 * A/R aging: what is owed, by payer or by patient, split by how long ago the
 * service was (as of a chosen day), optionally for one provider; a table with
 * totals, the same figures as stacked bars, and a CSV of the table.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgingRow } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { formatDate } from '../../ui/format';
import { moneyColumn, textColumn, type Column } from './columns';
import { QueryState } from './QueryState';
import { ReportChart } from './ReportChart';
import { dayInput, type Filters } from './filters';
import { ReportTable } from './ReportTable';
import { buckets } from './reportsText';

type By = 'payer' | 'patient';

export function AgingReport({ filters, summary }: { filters: Filters; summary: string }) {
  const [by, setBy] = useState<By>('payer');
  return (
    <>
      <fieldset className="reports__toggle">
        <legend>Group by</legend>
        {(['payer', 'patient'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="aging-by" value={value} checked={by === value} onChange={() => setBy(value)} />
            {value === 'payer' ? 'Payer' : 'Patient'}
          </label>
        ))}
      </fieldset>
      {/* Keyed by the grouping: rows by payer are never shown under a "Patient" heading while patients load. */}
      <AgingResult key={by} by={by} filters={filters} summary={summary} />
    </>
  );
}

function AgingResult({ by, filters, summary }: { by: By; filters: Filters; summary: string }) {
  const input = dayInput(filters);
  const query = useApi(
    'reports.arAging',
    { by, ...(input ? { asOf: input.date } : {}), ...(input?.providerId ? { providerId: input.providerId } : {}) },
    { placeholderData: keepPreviousData, enabled: Boolean(input) },
  );
  const columns: Column<AgingRow>[] = [
    textColumn(by, by === 'payer' ? 'Payer' : 'Patient', (row) => row.label, true),
    ...buckets.map((b) => moneyColumn<AgingRow>(b.key, b.label, (row) => row[b.key])),
    moneyColumn('total', 'Total', (row) => row.total),
  ];
  return (
    <QueryState
      query={query}
      ready={Boolean(input)}
      loading="Adding up what is owed…"
      isEmpty={(data) => data.rows.length === 0}
      empty={`Nothing owed as of ${formatDate(query.data?.asOf ?? filters.day)}.`}
    >
      {(data) => (
        <>
          <ReportTable
            title={`A/R aging by ${by} as of ${formatDate(data.asOf)}`}
            csvTitle={`A/R aging by ${by} · ${summary}`}
            fileName={`ar-aging-by-${by}-${data.asOf}.csv`}
            columns={columns}
            rows={data.rows}
            rowKey={(row) => row.key}
            totals={data.totals}
            virtualizeOver={by === 'patient' ? 150 : undefined}
          />
          <ReportChart
            label="A/R aging chart"
            data={data.rows.slice(0, 20)}
            xKey="label"
            series={buckets.map((b) => ({ key: b.key, label: b.label, colour: b.colour }))}
            kind="money"
            stacked
          />
        </>
      )}
    </QueryState>
  );
}
