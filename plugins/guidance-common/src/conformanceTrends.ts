import { RuleResultFinding } from './types';

/**
 * One day of conformance history: results by status (waivers applied that day).
 *
 * @public
 */
export type ConformanceTrendDay = {
  date: string;
  pass: number;
  fail: number;
  waived: number;
};

/**
 * `GET /conformance/trends?owner=&rule=&entity=&days=&by=`
 *
 * @public
 */
export type ConformanceTrends = {
  days: ConformanceTrendDay[];
  /** With `by=rule` or `by=owner`: one series per rule id or owner ref. */
  series?: { key: string; days: ConformanceTrendDay[] }[];
};

/**
 * `GET /conformance/trends/owners?days=`: owners, most improved first.
 *
 * @public
 */
export type ConformanceOwnerMovements = {
  owners: {
    owner: string;
    from: ConformanceTrendDay;
    to: ConformanceTrendDay;
    /** Change of the failing share in percentage points; negative is better. */
    failShareChange: number;
  }[];
};

/**
 * How a rule counts (`guidance.conformance.rules.<id>.enforcement`): `off`, `audit` (the conformance page only), `warn` (a warning on entities) or `enforce` (a failure).
 *
 * @public
 */
export type RuleEnforcementLevel = 'off' | 'audit' | 'warn' | 'enforce';

/**
 * `GET /conformance/preview?rule=`: who would fail the rule if it were enforced today.
 *
 * @public
 */
export type ConformanceRulePreview = {
  rule: string;
  entities: {
    entityRef: string;
    owner: string | null;
    findings: RuleResultFinding[];
  }[];
  enforcement: { enforcement: RuleEnforcementLevel; enforceFrom?: string };
  enforcementToday: RuleEnforcementLevel;
};
