import {
  ConformanceSummary,
  RuleResult,
  RuleResultFinding,
  RuleSeverity,
  RuleStatus,
  Waiver,
  WaiverParse,
  isWaiverActive,
  summarize,
} from '@paved-road/plugin-guidance-common';

/** A finding with where it is, when known (lines and columns count from 1). */
export type CheckFinding = RuleResultFinding & {
  line?: number;
  column?: number;
};

/** One rule's outcome, as `POST /validate` shapes it, with positions on its findings. */
export type CheckResult = Omit<RuleResult, 'findings'> & {
  findings: CheckFinding[];
};

/** The whole check: the `ValidateResponse` shape, so `--format json` is what the portal answers. */
export type CheckReport = {
  summary: ConformanceSummary;
  results: CheckResult[];
};

/** The lowest severity that fails the run. */
export type FailOn = RuleSeverity;

const STATUS_ORDER: Record<RuleStatus, number> = {
  fail: 0,
  waived: 1,
  pass: 2,
  'not-applicable': 3,
};

export { summarize };

/**
 * The entity's waivers on the results, as the conformance service applies them: an active
 * waiver turns a failure into `waived`; a lapsed one leaves it failing; a malformed one is a
 * finding of its rule (on the entity file), never applied.
 */
export function applyWaivers(
  results: CheckResult[],
  parsed: WaiverParse,
  now: Date,
  entityFile?: string,
): CheckResult[] {
  return results.map(result => {
    const waiver: Waiver | undefined = parsed.waivers.get(result.rule.id);
    const note = parsed.invalid.get(result.rule.id);
    const waived =
      result.status === 'fail' && waiver && isWaiverActive(waiver, now);
    return {
      ...result,
      status: waived ? 'waived' : result.status,
      findings: [
        ...result.findings,
        ...(note
          ? [{ ...(entityFile ? { file: entityFile } : {}), message: note }]
          : []),
      ],
      ...(waiver ? { waiver } : {}),
    };
  });
}

/**
 * One report from several sources' (each checked with its own waivers): a rule takes its worst
 * status over the sources, with the findings of the sources where it has that status.
 */
export function mergeReports(reports: CheckResult[][]): CheckReport {
  const byRule = new Map<string, CheckResult>();
  for (const results of reports) {
    for (const result of results) {
      const seen = byRule.get(result.rule.id);
      if (!seen || STATUS_ORDER[result.status] < STATUS_ORDER[seen.status]) {
        byRule.set(result.rule.id, { ...result });
      } else if (seen.status === result.status) {
        seen.findings = [...seen.findings, ...result.findings];
        if (!seen.waiver && result.waiver) seen.waiver = result.waiver;
      }
    }
  }
  const results = [...byRule.values()].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  );
  return { summary: summarize(results), results };
}

/** Whether a rule of this severity fails the run under `--fail-on`. */
export function failsRun(severity: RuleSeverity, failOn: FailOn): boolean {
  return failOn === 'warning' || severity === 'error';
}

/** The failures that make the run fail. */
export function blockingFailures(
  report: CheckReport,
  failOn: FailOn,
): CheckResult[] {
  return report.results.filter(
    r => r.status === 'fail' && failsRun(r.rule.severity, failOn),
  );
}
