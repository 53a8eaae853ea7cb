import { ConformanceSummary, RuleStatus } from './types';

/**
 * Counts rule results by status: the summary beside every set of results, in the API and in
 * `paved-road check`.
 * @public
 */
export function summarize(
  results: { status: RuleStatus }[],
): ConformanceSummary {
  const summary: ConformanceSummary = {
    pass: 0,
    fail: 0,
    waived: 0,
    notApplicable: 0,
  };
  for (const { status } of results) {
    if (status === 'not-applicable') summary.notApplicable++;
    else summary[status]++;
  }
  return summary;
}
