/**
 * Appointments: how many were booked in the range and what became of them
 * (completed, no-show, cancelled, still open), with the rates and the
 * utilization (minutes kept of minutes open) per provider and per room.
 */
import { keepPreviousData } from '@tanstack/react-query';
import type { AppointmentCounts } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { countColumn, formatCell, textColumn, type Column, type Totals } from './columns';
import { QueryState } from './QueryState';
import { palette, ReportChart } from './ReportChart';
import { rangeInput, type Filters } from './filters';
import { ReportTable } from './ReportTable';

const share = (key: string, label: string, value: (r: AppointmentCounts) => number): Column<AppointmentCounts> => ({
  key,
  label,
  kind: 'percent',
  value,
});

function columnsFor(label: string): Column<AppointmentCounts>[] {
  return [
    textColumn('label', label, (r) => r.label, true),
    countColumn('total', 'Booked', (r) => r.total),
    countColumn('completed', 'Completed', (r) => r.completed),
    countColumn('noShow', 'No-shows', (r) => r.noShow),
    countColumn('cancelled', 'Cancelled', (r) => r.cancelled),
    countColumn('open', 'Still open', (r) => r.open),
    share('completedRate', 'Completed rate', (r) => r.completedRate),
    share('noShowRate', 'No-show rate', (r) => r.noShowRate),
    share('cancellationRate', 'Cancellation rate', (r) => r.cancellationRate),
    { key: 'bookedMinutes', label: 'Time booked', kind: 'hours', value: (r) => r.bookedMinutes },
    { key: 'availableMinutes', label: 'Time open', kind: 'hours', value: (r) => r.availableMinutes },
    share('utilization', 'Utilization', (r) => r.utilization),
  ];
}

/** The range's totals as the table's last row (every figure of AppointmentCounts but its name). */
function totalsRow(totals: AppointmentCounts): Totals {
  const { key: _key, label: _label, ...figures } = totals;
  return figures;
}

const outcomes = [
  { key: 'completed', label: 'Completed', colour: palette[1] ?? '#15803d' },
  { key: 'open', label: 'Still open', colour: palette[0] ?? '#1d4ed8' },
  { key: 'noShow', label: 'No-show', colour: palette[2] ?? '#ca8a04' },
  { key: 'cancelled', label: 'Cancelled', colour: palette[3] ?? '#b91c1c' },
];

export function AppointmentsReport({ filters, summary }: { filters: Filters; summary: string }) {
  const input = rangeInput(filters);
  const query = useApi('reports.appointments', input ?? { from: filters.from, to: filters.to }, {
    placeholderData: keepPreviousData,
    enabled: Boolean(input),
  });
  const file = (table: string) => `appointments-${table}-${filters.from}-to-${filters.to}.csv`;
  return (
    <QueryState
      query={query}
      ready={Boolean(input)}
      loading="Counting appointments…"
      isEmpty={(data) => data.totals.total === 0 && data.totals.availableMinutes === 0}
      empty="No appointments and no working hours in this range."
    >
      {(data) => (
        <>
          <p className="reports__headline">
            <strong>{formatCell('count', data.totals.total)}</strong> booked: {formatCell('count', data.totals.completed)} completed,{' '}
            {formatCell('count', data.totals.noShow)} no-show
            {data.totals.noShow === 1 ? '' : 's'}, {formatCell('count', data.totals.cancelled)} cancelled; utilization{' '}
            {formatCell('percent', data.totals.utilization)}.
          </p>
          <ReportTable
            title="By provider"
            csvTitle={`Appointments by provider · ${summary}`}
            fileName={file('by-provider')}
            columns={columnsFor('Provider')}
            rows={data.providers}
            rowKey={(r) => r.key}
            totals={totalsRow(data.totals)}
          />
          <ReportChart
            label="Appointments by provider, by outcome"
            data={data.providers.map((p) => ({
              label: p.label,
              completed: p.completed,
              open: p.open,
              noShow: p.noShow,
              cancelled: p.cancelled,
            }))}
            xKey="label"
            series={outcomes}
            kind="count"
            stacked
          />
          <ReportTable
            title="By room"
            csvTitle={`Appointments by room · ${summary}`}
            fileName={file('by-room')}
            columns={columnsFor('Room')}
            rows={data.rooms}
            rowKey={(r) => r.key}
            totals={totalsRow(data.totals)}
          />
        </>
      )}
    </QueryState>
  );
}
