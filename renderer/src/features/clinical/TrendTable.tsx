/**
 * A trend's readings as a table, beside its chart, for anyone who cannot use
 * the picture: newest first, with each reading's flag in words and, when
 * some were not taken in the clinic, their source.
 */
import { formatDateTime } from '../../ui/format';
import { flagLabel, type Series } from './vitalsText';

export const hasSources = (trend: Series) => trend.points.some((point) => point.source);

/** `timeLabel` names the time column as the series reads it ("Taken" for vital signs, "Collected" for lab results). */
export function TrendTable({ trend, zone, timeLabel = 'Taken' }: { trend: Series; zone: string; timeLabel?: string }) {
  const withSource = hasSources(trend);
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
          {withSource && <th scope="col">Source</th>}
        </tr>
      </thead>
      <tbody>
        {[...trend.points].reverse().map((point) => (
          <tr key={`${point.takenAt}|${point.source ?? ''}`} className={point.flag ? 'clinical-table__flagged' : undefined}>
            <td>{formatDateTime(point.takenAt, zone)}</td>
            {point.values.map((value, i) => (
              <td key={trend.lines[i]}>{value}</td>
            ))}
            <td>{flagLabel(point.flag ?? undefined) ?? ''}</td>
            {withSource && <td>{point.source ?? 'Clinic'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
