import {
  EntityConformance,
  RuleResult,
  RuleSummary,
  applyWaiver,
} from '@paved-road/plugin-guidance-common';
import { summarize } from '../rules/RuleRegistry';
import { StoredEntityWithResults } from './ConformanceStore';
import {
  ConformanceView,
  RuleEnforcement,
  applyEnforcement,
} from './enforcement';

/** Stored rows as the API shape, waivers applied as of `now`; rules no longer registered drop out. */
export function entityConformanceOf(
  stored: StoredEntityWithResults,
  summaries: RuleSummary[],
  options: {
    now: Date;
    view: ConformanceView;
    enforcement?: RuleEnforcement;
  },
): EntityConformance {
  const { now, view, enforcement } = options;
  const byRule = new Map(stored.results.map(r => [r.ruleId, r]));
  const results: RuleResult[] = [];
  for (const rule of summaries) {
    const row = byRule.get(rule.id);
    if (!row) continue;
    results.push(
      applyWaiver(
        { rule, status: row.status, findings: row.findings },
        row.waiver,
        now,
      ),
    );
  }
  if (stored.error === undefined) {
    // failing rules first, then waived, passing, not applicable
    const order = { fail: 0, waived: 1, pass: 2, 'not-applicable': 3 };
    results.sort((a, b) => order[a.status] - order[b.status]);
  }
  const conformance: EntityConformance = {
    entityRef: stored.entityRef,
    evaluatedAt: stored.evaluatedAt,
    source: {
      location: stored.location,
      ...(stored.etag ? { etag: stored.etag } : {}),
      ...(stored.error ? { error: stored.error } : {}),
    },
    summary: summarize(results),
    results,
  };
  return enforcement
    ? applyEnforcement(conformance, id => enforcement.of(id, now), view)
    : conformance;
}
