/**
 * The manager's reports. A/R aging: what is owed, by payer or by patient,
 * split by how long ago the service was (as of a chosen day), optionally for
 * one provider; as a table with totals, a stacked bar chart of the same
 * figures, and a CSV of the table.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgingRow } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { Select, TextInput } from '../../ui/Field';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { saveFile } from '../../ui/files';
import { formatDate, formatMoney } from '../../ui/format';
import { clinicToday } from '../billing/billingText';
import { agingCsv, buckets } from './reportsText';
import './reports.css';

type By = 'payer' | 'patient';

export function ReportsScreen() {
  const { reference } = useReference();
  const zone = reference?.clinic.timeZone ?? 'UTC';
  const [by, setBy] = useState<By>('payer');
  const [asOf, setAsOf] = useState(() => clinicToday(zone));
  const [providerId, setProviderId] = useState('');
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const query = useApi(
    'reports.arAging',
    { by, ...(validDate ? { asOf } : {}), ...(providerId ? { providerId } : {}) },
    { placeholderData: keepPreviousData },
  );

  return (
    <div className="reports">
      <h1>Reports</h1>
      <section aria-labelledby="aging-title" className="reports__section">
        <h2 id="aging-title">Accounts receivable aging</h2>
        <form className="toolbar reports__filters" aria-label="Aging options" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="reports__toggle">
            <legend>Group by</legend>
            {(['payer', 'patient'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="aging-by" value={value} checked={by === value} onChange={() => setBy(value)} />
                {value === 'payer' ? 'Payer' : 'Patient'}
              </label>
            ))}
          </fieldset>
          <TextInput label="As of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          <Select label="Provider" value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">All providers</option>
            {(reference?.providers ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </Select>
          <button
            type="button"
            className="button"
            disabled={!query.data || query.data.rows.length === 0}
            onClick={() => {
              if (!query.data) return;
              const csv = agingCsv(by, query.data.asOf, query.data.rows, query.data.totals);
              saveFile(`ar-aging-by-${by}-${query.data.asOf}.csv`, new Blob([csv], { type: 'text/csv' }));
            }}
          >
            Export CSV
          </button>
        </form>
        {query.isPending ? (
          <Loading label="Adding up what is owed…" />
        ) : query.error ? (
          <ErrorMessage error={query.error} />
        ) : query.data.rows.length === 0 ? (
          <Empty>Nothing owed as of {formatDate(query.data.asOf)}.</Empty>
        ) : (
          <>
            <AgingTable by={by} asOf={query.data.asOf} rows={query.data.rows} totals={query.data.totals} />
            <AgingChart rows={query.data.rows} />
          </>
        )}
      </section>
    </div>
  );
}

function AgingTable({ by, asOf, rows, totals }: { by: By; asOf: string; rows: AgingRow[]; totals: Omit<AgingRow, 'key' | 'label'> }) {
  return (
    <table className="table reports-table" aria-label={`A/R aging by ${by} as of ${formatDate(asOf)}`}>
      <thead>
        <tr>
          <th scope="col">{by === 'payer' ? 'Payer' : 'Patient'}</th>
          {buckets.map((b) => (
            <th key={b.key} scope="col" className="num">
              {b.label}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {buckets.map((b) => (
              <td key={b.key} className="num">
                {formatMoney(row[b.key])}
              </td>
            ))}
            <td className="num">{formatMoney(row.total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {buckets.map((b) => (
            <td key={b.key} className="num">
              {formatMoney(totals[b.key])}
            </td>
          ))}
          <td className="num">{formatMoney(totals.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The table as a picture; the table above is its text alternative. */
function AgingChart({ rows }: { rows: AgingRow[] }) {
  const data = rows.slice(0, 20);
  return (
    <figure className="reports-chart" aria-label="A/R aging chart (the same figures as the table)">
      <BarChart responsive style={{ width: '100%', height: 300 }} data={data} margin={{ top: 12, right: 24, bottom: 4, left: 24 }}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: '#374151', fontSize: 13 }} />
        <YAxis tickFormatter={(cents: number) => formatMoney(cents)} tick={{ fill: '#374151', fontSize: 12 }} width={90} />
        <Tooltip formatter={(cents) => formatMoney(Number(cents))} />
        <Legend itemSorter={null} />
        {buckets.map((b) => (
          <Bar key={b.key} dataKey={b.key} name={b.label} stackId="aging" fill={b.colour} maxBarSize={90} isAnimationActive={false} />
        ))}
      </BarChart>
      {rows.length > 20 && <figcaption>The 20 largest of {rows.length} rows are drawn; the table has them all.</figcaption>}
    </figure>
  );
}
