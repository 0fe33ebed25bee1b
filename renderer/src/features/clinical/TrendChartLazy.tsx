/**
 * The full trend chart, loaded on first use: the charting library is large
 * and only a trend someone opens needs it, so the summary never waits for it.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/feedback';
import type { Series } from './vitalsText';

const TrendChart = lazy(() => import('./VitalCharts').then((module) => ({ default: module.TrendChart })));

export function TrendChartLazy({ trend, zone }: { trend: Series; zone: string }) {
  return (
    <Suspense fallback={<Loading label="Drawing the chart…" />}>
      <TrendChart trend={trend} zone={zone} />
    </Suspense>
  );
}
