/** A report's loading, error and empty states, the same on every report; the body renders only with data to show. */
import type { ReactNode } from 'react';
import type { ApiError } from '../../../../main/contract';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';

interface QueryStateProps<Data> {
  query: { data: Data | undefined; error: ApiError | null; isFetching: boolean; isPlaceholderData: boolean };
  /** False while a filter is incomplete: nothing is asked of the core. */
  ready: boolean;
  loading: string;
  isEmpty: (data: Data) => boolean;
  empty: ReactNode;
  children: (data: Data) => ReactNode;
}

export function QueryState<Data>({ query, ready, loading, isEmpty, empty, children }: QueryStateProps<Data>) {
  if (!ready) return <Empty>Enter complete dates to run the report.</Empty>;
  if (query.error) return <ErrorMessage error={query.error} />;
  if (query.data === undefined) return <Loading label={loading} />;
  // The previous filters' figures stay in view while the new ones load, but cannot be exported or printed as the new ones.
  const stale = query.isPlaceholderData;
  return (
    <>
      {stale && <Loading label={loading} />}
      <div className={`reports__result${stale ? ' reports__result--stale' : ''}`} aria-busy={query.isFetching} inert={stale}>
        {isEmpty(query.data) ? <Empty>{empty}</Empty> : children(query.data)}
      </div>
    </>
  );
}
