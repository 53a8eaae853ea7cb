import { ConformanceTrendDay } from '@paved-road/plugin-guidance-common';

type Series = { key: string; days: ConformanceTrendDay[] };

/** Lines a chart can show with a legend that still leaves room for the chart. */
export const MAX_CHART_SERIES = 8;

/**
 * The series worth drawing: those that failed at least once in the window, the most failing
 * results first, at most `max` of them. With fifty rules, a line per rule buries the chart under
 * its legend and the few rules that matter under the many that never failed.
 */
export function mostFailingSeries(
  series: Series[],
  max = MAX_CHART_SERIES,
): { shown: Series[]; failing: number } {
  const totals = series
    .map(s => ({ s, total: s.days.reduce((sum, d) => sum + d.fail, 0) }))
    .filter(t => t.total > 0)
    .sort((a, b) => b.total - a.total || a.s.key.localeCompare(b.s.key));
  return { shown: totals.slice(0, max).map(t => t.s), failing: totals.length };
}

/** What the chart above the lines says about the lines it left out. */
export function seriesCaption(failing: number, shown: number, noun: string) {
  if (failing === 0) return `No ${noun} failed in this window.`;
  if (failing === shown) return `${failing} ${noun} failed in this window.`;
  return `${failing} ${noun} failed in this window; the ${shown} with the most failing results are drawn.`;
}
