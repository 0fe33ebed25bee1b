/**
 * Lab results, newest report first, each a small table. A value the core
 * flagged against its reference range is red AND says "High", "Low" or
 * "Abnormal" in words. A numeric test found in more than one report gets a
 * sparkline (the same charts as the vital signs) that opens the full trend.
 * A wrong report leaves the chart, and its trends, only after a confirmation.
 * A long chart shows its newest reports and the older ones on request: ten
 * years of results drawn at once kept the whole summary from painting, and
 * the trends already carry their history.
 */
import { useState } from 'react';
import type { LabPanel } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Empty } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { ChangeStatusDialog } from './ChangeStatusDialog';
import { LabReportDialog } from './LabReportDialog';
import { Panel } from './Panel';
import { labTrends, labValueText, referenceRangeText, sourceTag } from './resultsText';
import { Sparkline } from './Sparkline';
import { TrendChartLazy } from './TrendChartLazy';
import { TrendTable } from './TrendTable';
import { flagLabel, type Series } from './vitalsText';
import './results.css';

/** Reports shown before "Show all": the last visit's usually, a metabolic panel, lipids, HbA1c and a blood count. */
const NEWEST_REPORTS = 6;

export function LabsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const labs = useApi('labs.list', { patientId });
  const markError = useApiMutation('labs.markError');
  const [adding, setAdding] = useState(false);
  const [charting, setCharting] = useState<Series | null>(null);
  const [withdrawing, setWithdrawing] = useState<LabPanel | null>(null);
  const [showingAll, setShowingAll] = useState(false);
  const panels = labs.data?.panels ?? [];
  const shown = showingAll ? panels : panels.slice(0, NEWEST_REPORTS);
  const trends = labTrends(panels);

  return (
    <Panel
      title="Lab results"
      className="clinical-labs"
      pending={labs.isPending}
      error={labs.error}
      actions={
        canWrite && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add lab report
          </button>
        )
      }
    >
      {panels.length === 0 && <Empty>No lab results recorded.</Empty>}
      {trends.length > 0 && (
        <ul className="clinical-lab-trends" aria-label="Lab trends">
          {trends.map((trend) => {
            const latest = trend.points.at(-1);
            const flag = flagLabel(latest?.flag);
            return (
              <li key={trend.title} className={`clinical-lab-trend${flag ? ' clinical-lab-trend--flagged' : ''}`}>
                <span className="clinical-lab-trend__name">{trend.title}</span>
                <span className="clinical-lab-trend__value">
                  {latest?.values[0]} {trend.unit}
                  {flag && <span className="clinical-flag"> {flag}</span>}
                </span>
                <button
                  type="button"
                  className="clinical-vital__spark"
                  aria-label={`${trend.title} trend, ${trend.points.length} results: open the chart`}
                  onClick={() => setCharting(trend)}
                >
                  <Sparkline trend={trend} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {shown.map((panel) => (
        <LabReport key={panel.panelId} panel={panel} zone={zone} onWithdraw={canWrite ? () => setWithdrawing(panel) : undefined} />
      ))}
      {panels.length > NEWEST_REPORTS && (
        <button
          type="button"
          className="button button--small clinical-lab-more"
          aria-expanded={showingAll}
          onClick={() => setShowingAll(!showingAll)}
        >
          {showingAll ? `Show only the ${NEWEST_REPORTS} newest reports` : `Show all ${panels.length} reports`}
        </button>
      )}
      <LabReportDialog patientId={patientId} zone={zone} open={adding} onClose={() => setAdding(false)} />
      <Dialog title={charting ? `${charting.title} over time` : 'Trend'} open={charting !== null} onClose={() => setCharting(null)} wide>
        {charting && (
          <figure className="clinical-trend">
            <TrendChartLazy trend={charting} zone={zone} />
            <figcaption className="clinical-muted">
              {charting.points.length} results in {charting.unit || 'the units reported'}; results outside the reference range are drawn
              larger, in red.
            </figcaption>
            <details>
              <summary>Results as a table</summary>
              <TrendTable trend={charting} zone={zone} timeLabel="Collected" />
            </details>
          </figure>
        )}
      </Dialog>
      <ChangeStatusDialog
        title="Mark lab report entered in error"
        open={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        confirmLabel="Mark entered in error"
        danger
        submit={() => (withdrawing ? markError.mutateAsync({ panelId: withdrawing.panelId }) : Promise.resolve())}
      >
        {withdrawing && (
          <p>
            The whole report <strong>{withdrawing.panel}</strong> collected {formatDateTime(withdrawing.collectedAt, zone)} leaves the chart
            and its trends: use this only for a report that does not belong to this patient or was typed wrongly.
          </p>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}

function LabReport({ panel, zone, onWithdraw }: { panel: LabPanel; zone: string; onWithdraw?: () => void }) {
  const when = formatDateTime(panel.collectedAt, zone);
  return (
    <article className="clinical-lab-report" aria-label={`${panel.panel}, ${when}`}>
      <header className="clinical-lab-report__header">
        <div>
          <h3>{panel.panel}</h3>
          <span className="clinical-muted clinical-small">
            Collected {when}
            {panel.lab && ` · ${panel.lab}`}
            {sourceTag(panel.source) && ` · ${sourceTag(panel.source)}`}
          </span>
        </div>
        {onWithdraw && (
          <button
            type="button"
            className="button button--small"
            aria-label={`Mark ${panel.panel} of ${when} entered in error…`}
            onClick={onWithdraw}
          >
            Entered in error…
          </button>
        )}
      </header>
      <table className="table clinical-table clinical-lab-table">
        <caption className="visually-hidden">
          {panel.panel}, {when}
        </caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Result</th>
            <th scope="col">Reference range</th>
            <th scope="col">Flag</th>
          </tr>
        </thead>
        <tbody>
          {panel.results.map((result) => {
            const flag = flagLabel(result.flag) ?? (result.flag ? result.flag : null);
            return (
              <tr key={result.id} className={flag ? 'clinical-table__flagged' : undefined}>
                <th scope="row">{result.name}</th>
                <td className="clinical-mono">{labValueText(result)}</td>
                <td className="clinical-mono">{referenceRangeText(result)}</td>
                <td>{flag && <span className="clinical-flag">{flag}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
