/**
 * Vital signs at a glance: the latest value of each kind (a kind not taken at
 * the last visit shows its own, older, date), out-of-range values flagged in
 * words and colour as the core flagged them, weight, height and temperature
 * in both systems with the workstation's habit first, and a sparkline per
 * trend that opens the full chart. A reading from a home device says so,
 * with its device and file, wherever it shows.
 */
import { useState } from 'react';
import type { VitalSigns } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Empty } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { ChangeStatusDialog } from './ChangeStatusDialog';
import { DeviceImportDialog } from './DeviceImportDialog';
import { Panel } from './Panel';
import { useUnitHabit } from './useUnitHabit';
import { Sparkline } from './Sparkline';
import { TrendChartLazy } from './TrendChartLazy';
import { TrendTable } from './TrendTable';
import { VitalsDialog } from './VitalsDialog';
import { flagLabel, latestWith, sourceOf, trendKindOf, trendOf, vitalMeasures, type TrendKind, type VitalMeasure } from './vitalsText';
import type { UnitHabit } from './units';
import './vitals.css';

export function VitalsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const vitals = useApi('vitals.list', { patientId, limit: 200 });
  const markError = useApiMutation('vitals.markError');
  const { habit, choose } = useUnitHabit();
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const [charting, setCharting] = useState<TrendKind | null>(null);
  const [withdrawing, setWithdrawing] = useState<VitalSigns | null>(null);
  const readings = vitals.data?.vitals ?? [];
  const newest = readings[0];
  const shown = vitalMeasures.filter((measure) => latestWith(readings, measure, habit) !== null);
  const trend = charting ? trendOf(readings, charting, habit) : null;

  return (
    <Panel
      title="Vital signs"
      className="clinical-vitals"
      pending={vitals.isPending}
      error={vitals.error}
      actions={
        canWrite && (
          <>
            <button type="button" className="button button--small" onClick={() => setImporting(true)}>
              Import device readings
            </button>
            <button type="button" className="button button--small" onClick={() => setRecording(true)}>
              Record vitals
            </button>
          </>
        )
      }
    >
      {!newest ? (
        <Empty>No vital signs recorded yet.</Empty>
      ) : (
        <>
          <p className="clinical-vitals__when">
            Latest: {formatDateTime(newest.takenAt, zone)}{' '}
            {sourceOf(newest) ? `from ${sourceOf(newest)}, imported by ${newest.recordedByName}` : `by ${newest.recordedByName}`}
            {canWrite && (
              <button type="button" className="button button--small" onClick={() => setWithdrawing(newest)}>
                Entered in error…
              </button>
            )}
          </p>
          <ul className="clinical-vital-grid" aria-label="Latest vital signs">
            {shown.map((measure) => (
              <VitalTile
                key={measure.kind}
                measure={measure}
                readings={readings}
                newest={newest}
                habit={habit}
                zone={zone}
                onChart={setCharting}
              />
            ))}
          </ul>
        </>
      )}
      <DeviceImportDialog patientId={patientId} zone={zone} habit={habit} open={importing} onClose={() => setImporting(false)} />
      <VitalsDialog patientId={patientId} zone={zone} units={habit} onUnits={choose} open={recording} onClose={() => setRecording(false)} />
      <Dialog title={trend ? `${trend.title} over time` : 'Trend'} open={trend !== null} onClose={() => setCharting(null)} wide>
        {trend && (
          <figure className="clinical-trend">
            <TrendChartLazy trend={trend} zone={zone} />
            <figcaption className="clinical-muted">
              {trend.points.length} readings in {trend.unit}; readings outside the reference range are drawn larger, in red
              {trend.points.some((point) => point.source) ? '; readings not taken in the clinic are squares' : ''}.
            </figcaption>
            <details>
              <summary>Readings as a table</summary>
              <TrendTable trend={trend} zone={zone} />
            </details>
          </figure>
        )}
      </Dialog>
      <ChangeStatusDialog
        title="Mark vital signs entered in error"
        open={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        confirmLabel="Mark entered in error"
        danger
        reason={{ label: 'Reason', path: 'reason' }}
        submit={({ reason }) => (withdrawing ? markError.mutateAsync({ id: withdrawing.id, reason }) : Promise.resolve())}
      >
        {withdrawing && (
          <p>
            The whole reading taken {formatDateTime(withdrawing.takenAt, zone)} by {withdrawing.recordedByName} leaves the chart and its
            trends.
          </p>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}

interface TileProps {
  measure: VitalMeasure;
  readings: VitalSigns[];
  newest: VitalSigns;
  habit: UnitHabit;
  zone: string;
  onChart(kind: TrendKind): void;
}

function VitalTile({ measure, readings, newest, habit, zone, onChart }: TileProps) {
  const reading = latestWith(readings, measure, habit);
  const value = reading && measure.value(reading, habit);
  if (!reading || !value) return null;
  const flag = flagLabel(reading.flags[measure.kind]);
  const trendKind = trendKindOf(measure.kind);
  const trend = trendKind ? trendOf(readings, trendKind, habit) : null;
  return (
    <li className={`clinical-vital${flag ? ' clinical-vital--flagged' : ''}`}>
      <span className="clinical-vital__top">
        <span className="clinical-vital__label">{measure.label}</span>
        {flag && <span className="clinical-vital__flag">{flag}</span>}
      </span>
      <span className="clinical-vital__value">{value.main}</span>
      {value.alternate && <span className="clinical-vital__alternate">{value.alternate}</span>}
      {reading.id !== newest.id && <span className="clinical-vital__older">{formatDateTime(reading.takenAt, zone)}</span>}
      {sourceOf(reading) && <span className="clinical-vital__source">{sourceOf(reading)}</span>}
      {trend && trend.points.length > 1 && (
        <button
          type="button"
          className="clinical-vital__spark"
          aria-label={`${measure.label} trend, ${trend.points.length} readings: open the chart`}
          onClick={() => onChart(trend.kind)}
        >
          <Sparkline trend={trend} />
        </button>
      )}
    </li>
  );
}
