import { ConformanceSummary } from '@paved-road/plugin-guidance-common';

/** Rules that say something about the entity: everything but not-applicable. */
export const applicableRules = (s: ConformanceSummary) =>
  s.pass + s.fail + s.waived + (s.warn ?? 0);

/** "Follows the paved road: 7 of 9 rules" — waived rules count as not followed. */
export function conformanceHeadline(summary: ConformanceSummary): string {
  const total = applicableRules(summary);
  return `Follows the paved road: ${summary.pass} of ${total} rule${
    total === 1 ? '' : 's'
  }`;
}
