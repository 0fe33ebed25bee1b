/**
 * One panel of the clinical summary: a titled region with its actions on the
 * right, and the same loading and error states as every other screen, so a
 * list that fails to load says so in its own panel and the rest still shows.
 */
import { useId, type ReactNode } from 'react';
import type { ApiErrorShape } from '../../../../main/contract';
import { ErrorMessage, Loading } from '../../ui/feedback';

interface PanelProps {
  title: string;
  /** Buttons shown beside the title (only to those who may use them). */
  actions?: ReactNode;
  pending: boolean;
  error: ApiErrorShape | null;
  className?: string;
  children: ReactNode;
}

export function Panel({ title, actions, pending, error, className, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={`clinical-panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <header className="clinical-panel__header">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="clinical-panel__actions">{actions}</div>}
      </header>
      {pending ? <Loading label={`Loading ${title.toLowerCase()}…`} /> : error ? <ErrorMessage error={error} /> : children}
    </section>
  );
}

/** A collapsed list of the entries that are no longer current (resolved problems, stopped medications). */
export function PastEntries({ label, count, children }: { label: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <details className="clinical-past">
      <summary>
        {label} ({count})
      </summary>
      {children}
    </details>
  );
}
