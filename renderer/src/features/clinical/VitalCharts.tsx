/**
 * The full trend chart, drawn with recharts, for vital signs and for lab
 * analytes found in more than one report: a dated axis, values on hover,
 * readings the core flagged drawn larger in red. Time runs on a true time
 * axis, so readings months apart do not look as close as readings a day
 * apart. Readings not taken in the clinic (home devices, imports) are drawn
 * as squares, and the tooltip and the legend name their source. Loaded only
 * when a trend is opened (see TrendChartLazy): the summary's sparklines are
 * plain SVG (Sparkline.tsx) and its tables are TrendTable.tsx.
 */
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps } from 'recharts';
import { formatDateTime } from '../../ui/format';
import { FLAG_COLOUR, LINE_COLOURS, Marker } from './Sparkline';
import { hasSources } from './TrendTable';
import type { Series } from './vitalsText';
import './devices.css';

function chartData(trend: Series) {
  return trend.points.map((point) => ({
    time: Date.parse(point.takenAt),
    first: point.values[0],
    second: point.values[1],
    source: point.source ?? null,
  }));
}

/** A reading the core flagged stands out on the line; the others stay small. */
function flaggedDot(trend: Series, colour: string, size: number) {
  function FlaggedDot({ cx, cy, index }: DotItemDotProps): ReactNode {
    if (cx === undefined || cy === undefined) return null;
    const point = trend.points[index];
    const flagged = (point?.flag ?? null) !== null;
    return (
      <Marker
        key={index}
        cx={cx}
        cy={cy}
        r={flagged ? size + 2 : size}
        fill={flagged ? FLAG_COLOUR : colour}
        outside={Boolean(point?.source)}
      />
    );
  }
  return FlaggedDot;
}

/** The hovered reading: when, each value, and where it came from. */
function ReadingTooltip({ active, payload, label, trend, zone }: TooltipContentProps & { trend: Series; zone: string }) {
  if (!active || !payload?.length || typeof label !== 'number') return null;
  const source = (payload[0]?.payload as { source?: string | null } | undefined)?.source ?? null;
  return (
    <div className="clinical-trend__tooltip">
      <strong>{formatDateTime(new Date(label).toISOString(), zone)}</strong>
      {payload.map((entry) => (
        <span key={String(entry.dataKey)}>
          {trend.lines.length > 1 ? `${String(entry.name)}: ` : ''}
          {String(entry.value)} {trend.unit}
        </span>
      ))}
      {hasSources(trend) && <span className="clinical-trend__source">{source ?? 'Taken in the clinic'}</span>}
    </div>
  );
}

/** Which marker means which source, drawn in HTML so it reads as text too. */
function SourceLegend({ trend }: { trend: Series }) {
  const sources = [...new Set(trend.points.flatMap((point) => (point.source ? [point.source] : [])))];
  const swatch = (outside: boolean) => (
    <svg width="12" height="12" aria-hidden="true">
      <Marker cx={6} cy={6} r={5} fill="#4b5563" outside={outside} />
    </svg>
  );
  return (
    <ul className="clinical-trend__sources" aria-label="Sources of the readings">
      {trend.points.some((point) => !point.source) && <li>{swatch(false)} Taken in the clinic</li>}
      {sources.map((source) => (
        <li key={source}>
          {swatch(true)} {source}
        </li>
      ))}
    </ul>
  );
}

export function TrendChart({ trend, zone }: { trend: Series; zone: string }) {
  return (
    <>
      <TrendLines trend={trend} zone={zone} />
      {hasSources(trend) && <SourceLegend trend={trend} />}
    </>
  );
}

function TrendLines({ trend, zone }: { trend: Series; zone: string }) {
  const data = chartData(trend);
  const spansYears = data.length > 1 && DateTime.fromMillis(data[0]?.time ?? 0).year !== DateTime.fromMillis(data.at(-1)?.time ?? 0).year;
  const tick = (time: number) => DateTime.fromMillis(time, { zone }).toFormat(spansYears ? 'd LLL yy' : 'd LLL');
  return (
    <LineChart
      responsive
      style={{ width: '100%', height: 320 }}
      data={data}
      margin={{ top: 12, right: 24, bottom: 4, left: 4 }}
      title={`${trend.title} over time`}
    >
      <CartesianGrid stroke="#e5e7eb" />
      <XAxis
        dataKey="time"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        padding={{ left: 24, right: 24 }}
        tickFormatter={tick}
        tick={{ fill: '#374151', fontSize: 13 }}
      />
      <YAxis
        domain={['auto', 'auto']}
        width={56}
        tick={{ fill: '#374151', fontSize: 13 }}
        label={{ value: trend.unit, angle: -90, position: 'insideLeft', fill: '#374151', fontSize: 13 }}
      />
      <Tooltip content={(props: TooltipContentProps) => <ReadingTooltip {...props} trend={trend} zone={zone} />} />
      {/* In the order of the lines (systolic before diastolic), not alphabetical. */}
      {trend.lines.length > 1 && <Legend itemSorter={null} />}
      {trend.lines.map((line, i) => (
        <Line
          key={line}
          name={line}
          dataKey={i === 0 ? 'first' : 'second'}
          stroke={LINE_COLOURS[i]}
          strokeWidth={2.5}
          dot={flaggedDot(trend, LINE_COLOURS[i] ?? '#000', 3.5)}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
