/**
 * The chart's left column with the way back to the clinical summary above
 * the encounter list: the summary is what the chart shows when no encounter
 * is open, and its entry is marked current then, as an encounter is when it
 * is open. The column, not the list, sticks below the patient header now.
 */
import type { ReactNode } from 'react';
import './chart-parts.css';

interface Props {
  current: boolean;
  onSelect(): void;
  /** The encounter list. */
  children: ReactNode;
}

export function ChartSummaryEntry({ current, onSelect, children }: Props) {
  return (
    <div className="clinical-chart-side">
      <button
        type="button"
        className={`clinical-summary-entry${current ? ' clinical-summary-entry--current' : ''}`}
        aria-current={current ? 'page' : undefined}
        onClick={onSelect}
      >
        <span className="clinical-summary-entry__title">Clinical summary</span>
        <span className="clinical-summary-entry__what">Allergies, problems, medications, vitals, immunizations, labs</span>
      </button>
      {children}
    </div>
  );
}
