/**
 * Trends drawn with recharts, for vital signs and for lab analytes found in
 * more than one report: a sparkline small enough for a summary tile, and the full chart (dated axis, values on hover, readings the
 * core flagged drawn larger in red) with the same readings as a table for
 * anyone who cannot use the picture. Time runs on a true time axis, so
 * readings months apart do not look as close as readings a day apart.
 */
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import { formatDateTime } from '../../ui/format';
import { flagLabel, type Series } from './vitalsText';

const LINE_COLOURS = ['#1d4ed8', '#0f766e'];
const FLAG_COLOUR = '#b91c1c';

function chartData(trend: Series) {
  return trend.points.map((point) => ({
    time: Date.parse(point.takenAt),
    first: point.values[0],
    second: point.values[1],
  }));
}

/** A reading the core flagged stands out on the line; the others stay small. */
function flaggedDot(trend: Series, colour: string, size: number) {
  function FlaggedDot({ cx, cy, index }: DotItemDotProps): ReactNode {
    if (cx === undefined || cy === undefined) return null;
    const flagged = (trend.points[index]?.flag ?? null) !== null;
    return <circle key={index} cx={cx} cy={cy} r={flagged ? size + 2 : size} fill={flagged ? FLAG_COLOUR : colour} stroke="#fff" />;
  }
  return FlaggedDot;
}

export function Sparkline({ trend }: { trend: Series }) {
  const data = chartData(trend);
  return (
    <LineChart width={132} height={40} data={data} margin={{ top: 6, right: 6, bottom: 6, left: 6 }} accessibilityLayer={false}>
      <XAxis dataKey="time" type="number" domain={['dataMin', 'dataMax']} hide />
      <YAxis domain={['dataMin', 'dataMax']} hide />
      {trend.lines.map((line, i) => (
        <Line
          key={line}
          dataKey={i === 0 ? 'first' : 'second'}
          stroke={LINE_COLOURS[i]}
          strokeWidth={2}
          dot={flaggedDot(trend, LINE_COLOURS[i] ?? '#000', 1.5)}
          activeDot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

export function TrendChart({ trend, zone }: { trend: Series; zone: string }) {
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
      <Tooltip
        labelFormatter={(label) => (typeof label === 'number' ? formatDateTime(new Date(label).toISOString(), zone) : label)}
        formatter={(value) => `${String(value)} ${trend.unit}`}
      />
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

/** `timeLabel` names the time column as the series reads it ("Taken" for vital signs, "Collected" for lab results). */
export function TrendTable({ trend, zone, timeLabel = 'Taken' }: { trend: Series; zone: string; timeLabel?: string }) {
  return (
    <table className="table clinical-table">
      <caption className="visually-hidden">{trend.title} readings</caption>
      <thead>
        <tr>
          <th scope="col">{timeLabel}</th>
          {trend.lines.map((line) => (
            <th key={line} scope="col">
              {line} ({trend.unit})
            </th>
          ))}
          <th scope="col">Flag</th>
        </tr>
      </thead>
      <tbody>
        {[...trend.points].reverse().map((point) => (
          <tr key={point.takenAt} className={point.flag ? 'clinical-table__flagged' : undefined}>
            <td>{formatDateTime(point.takenAt, zone)}</td>
            {point.values.map((value, i) => (
              <td key={trend.lines[i]}>{value}</td>
            ))}
            <td>{flagLabel(point.flag ?? undefined) ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
