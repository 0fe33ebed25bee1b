/**
 * The manager's reports, run on this workstation's copy (so offline too): a
 * report picker (WAI-ARIA tabs, arrows move between them, like Billing), the
 * shared filters, and the chosen report. "Print" prints the report's tables
 * and totals without the app around them (see reports.css).
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useReference } from '../../app/reference';
import { clinicToday } from '../billing/billingText';
import { AgingReport } from './AgingReport';
import { AppointmentsReport } from './AppointmentsReport';
import { CollectionsReport } from './CollectionsReport';
import { DaySheetReport } from './DaySheetReport';
import { NewPatientsReport } from './NewPatientsReport';
import { ProductionReport } from './ProductionReport';
import { quickRanges, type FilterMode, type Filters } from './filters';
import { FilterBar, useFilterSummary } from './ReportFilters';
import './reports.css';

type ReportProps = { filters: Filters; summary: string };

const reports: { id: string; tab: string; title: string; mode: FilterMode; Report: (props: ReportProps) => ReactNode }[] = [
  { id: 'aging', tab: 'A/R aging', title: 'Accounts receivable aging', mode: 'asOf', Report: AgingReport },
  { id: 'day-sheet', tab: 'Day sheet', title: 'Day sheet', mode: 'day', Report: DaySheetReport },
  { id: 'production', tab: 'Production', title: 'Production', mode: 'range', Report: ProductionReport },
  { id: 'collections', tab: 'Collections', title: 'Collections', mode: 'range', Report: CollectionsReport },
  { id: 'new-patients', tab: 'New patients', title: 'New patients', mode: 'range', Report: NewPatientsReport },
  { id: 'appointments', tab: 'Appointments', title: 'Appointments', mode: 'range', Report: AppointmentsReport },
];

export function ReportsScreen() {
  const { reference } = useReference();
  const today = clinicToday(reference?.clinic.timeZone ?? 'UTC');
  const [selected, setSelected] = useState(0);
  const [filters, setFilters] = useState<Filters>(() => {
    const thisMonth = quickRanges(today)[0];
    return { from: thisMonth?.from ?? today, to: thisMonth?.to ?? today, day: today, providerId: '' };
  });
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const report = reports[selected] ?? reports[0];
  const summary = useFilterSummary(filters, report?.mode ?? 'range');
  if (!report) return null;

  function onKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: reports.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + reports.length) % reports.length;
    setSelected(target);
    tabs.current[target]?.focus();
  }

  return (
    <div className="reports">
      <h1>Reports</h1>
      <div role="tablist" aria-label="Reports" className="reports-tabs">
        {reports.map((r, i) => (
          <button
            key={r.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`reports-tab-${r.id}`}
            aria-selected={i === selected}
            aria-controls={`reports-panel-${r.id}`}
            tabIndex={i === selected ? 0 : -1}
            className={`reports-tabs__tab${i === selected ? ' reports-tabs__tab--active' : ''}`}
            onClick={() => setSelected(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {r.tab}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`reports-panel-${report.id}`} aria-labelledby={`reports-tab-${report.id}`}>
        <section aria-labelledby={`reports-title-${report.id}`} className="reports__section">
          <div className="reports__title">
            <h2 id={`reports-title-${report.id}`}>{report.title}</h2>
            <p className="reports__summary">{summary}</p>
          </div>
          <FilterBar mode={report.mode} filters={filters} today={today} onChange={setFilters} onPrint={() => window.print()} />
          <report.Report key={report.id} filters={filters} summary={summary} />
        </section>
      </div>
    </div>
  );
}
