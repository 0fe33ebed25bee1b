/**
 * A report's figures as bars (stacked when the parts add up to a whole). The
 * table beside it is the text alternative and has every row; the chart draws
 * the largest ones so the bars stay readable.
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCell, type CellKind } from './columns';

export interface Series {
  key: string;
  label: string;
  colour: string;
}

/** Colours that stay apart for people with the common colour-vision deficiencies. */
export const palette = ['#1d4ed8', '#15803d', '#ca8a04', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4b5563'];

const MAX_BARS = 20;

interface ReportChartProps {
  label: string;
  data: Record<string, string | number>[];
  /** The field naming each bar. */
  xKey: string;
  series: Series[];
  kind: CellKind;
  stacked?: boolean;
}

export function ReportChart({ label, data, xKey, series, kind, stacked = false }: ReportChartProps) {
  const drawn = data.slice(0, MAX_BARS);
  const format = (value: unknown) => formatCell(kind, Number(value));
  return (
    <figure className="reports-chart" aria-label={`${label} (the same figures as the table)`}>
      <BarChart responsive style={{ width: '100%', height: 280 }} data={drawn} margin={{ top: 12, right: 24, bottom: 4, left: 24 }}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey={xKey} tick={{ fill: '#374151', fontSize: 13 }} />
        <YAxis tickFormatter={format} tick={{ fill: '#374151', fontSize: 12 }} width={90} allowDecimals={kind !== 'count'} />
        <Tooltip formatter={format} />
        {series.length > 1 && <Legend itemSorter={null} />}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.colour}
            maxBarSize={90}
            isAnimationActive={false}
            {...(stacked ? { stackId: 'report' } : {})}
          />
        ))}
      </BarChart>
      {data.length > MAX_BARS && (
        <figcaption>
          The first {MAX_BARS} of {data.length} rows are drawn; the table has them all.
        </figcaption>
      )}
    </figure>
  );
}
