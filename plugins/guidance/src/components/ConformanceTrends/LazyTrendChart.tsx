import { Suspense, lazy } from 'react';
import { Progress } from '@backstage/core-components';
import type { TrendChartProps } from './TrendChart';

const TrendChart = lazy(() => import('./TrendChart'));

/** The chart, fetched on first use: recharts stays out of the app's first load. */
export function LazyTrendChart(props: TrendChartProps) {
  const recorded = (d: { pass: number; fail: number; waived: number }) =>
    d.pass + d.fail + d.waived > 0;
  // nothing recorded yet: the caption says so, an empty chart would not
  if (
    !(props.days ?? []).some(recorded) &&
    !(props.series ?? []).some(s => s.days.some(recorded))
  ) {
    return null;
  }
  return (
    <Suspense fallback={<Progress />}>
      <TrendChart {...props} />
    </Suspense>
  );
}

/** "failing 4 → 1 over 30 days": the chart's gist in words, for screen readers and tests. */
export function trendCaption(
  days: { fail: number; pass: number; waived: number }[],
): string {
  const withData = days.filter(d => d.pass + d.fail + d.waived > 0);
  if (withData.length === 0) return 'No history recorded yet.';
  const first = withData[0];
  const last = withData[withData.length - 1];
  return `Failing ${first.fail} → ${last.fail}, passing ${first.pass} → ${
    last.pass
  } over ${withData.length} day${withData.length === 1 ? '' : 's'} with data`;
}
