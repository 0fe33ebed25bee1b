/** One column of the queue: a labelled region with its count, a list, or a short empty note. */
import { Children, type ReactNode } from 'react';

interface QueueColumnProps {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}

export function QueueColumn({ id, title, count, empty, children }: QueueColumnProps) {
  const titleId = `${id}-title`;
  return (
    <section id={id} className="queue-column" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="queue-column__title">
        {title} <span className="queue__count">{count}</span>
      </h2>
      {Children.count(children) === 0 ? (
        <p className="queue-column__empty">{empty}</p>
      ) : (
        <ul className="queue-column__list" aria-labelledby={titleId}>
          {children}
        </ul>
      )}
    </section>
  );
}
