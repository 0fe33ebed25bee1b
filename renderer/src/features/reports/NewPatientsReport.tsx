/** New patients: how many were registered each month of the range (with a provider: whose first appointment is with them). */
import { keepPreviousData } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useApi } from '../../api/hooks';
import { countColumn, formatCell, type Column } from './columns';
import { QueryState } from './QueryState';
import { palette, ReportChart } from './ReportChart';
import { rangeInput, type Filters } from './filters';
import { ReportTable } from './ReportTable';

interface MonthRow {
  month: string;
  label: string;
  patients: number;
}

const columns: Column<MonthRow>[] = [
  // Sorted by the ISO month, shown as words.
  { key: 'month', label: 'Month', kind: 'text', value: (r) => r.label, rowHeader: true },
  countColumn('patients', 'New patients', (r) => r.patients),
];

const monthLabel = (month: string) => DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' }).toFormat('LLL yyyy');

export function NewPatientsReport({ filters, summary }: { filters: Filters; summary: string }) {
  const input = rangeInput(filters);
  const query = useApi('reports.newPatients', input ?? { from: filters.from, to: filters.to }, {
    placeholderData: keepPreviousData,
    enabled: Boolean(input),
  });
  return (
    <QueryState
      query={query}
      ready={Boolean(input)}
      loading="Counting new patients…"
      isEmpty={(data) => data.months.length === 0}
      empty="The range has no whole month to count."
    >
      {(data) => {
        const rows = data.months.map((m) => ({ ...m, label: monthLabel(m.month) }));
        return (
          <>
            <p className="reports__headline">
              <strong>{formatCell('count', data.total)}</strong> new patient{data.total === 1 ? '' : 's'} in the range.
            </p>
            <ReportTable
              title="New patients by month"
              csvTitle={`New patients by month · ${summary}`}
              fileName={`new-patients-${filters.from}-to-${filters.to}.csv`}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.month}
              totals={{ patients: data.total }}
            />
            <ReportChart
              label="New patients by month"
              data={rows.map((r) => ({ label: r.label, patients: r.patients }))}
              xKey="label"
              series={[{ key: 'patients', label: 'New patients', colour: palette[1] ?? '#15803d' }]}
              kind="count"
            />
          </>
        );
      }}
    </QueryState>
  );
}
