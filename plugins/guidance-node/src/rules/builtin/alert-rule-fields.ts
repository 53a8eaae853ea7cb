import { GuidanceRule, RuleFinding } from '../types';
import { bodyOf, fail, isRecord, pass } from './kubernetes';

/** What is missing from one alerting rule: routing, a grace period, a way to act on it. */
function missingFields(rule: Record<string, any>): string[] {
  const missing: string[] = [];
  if (!rule.labels?.severity) missing.push('labels.severity');
  if (!rule.for) missing.push('for');
  if (!rule.annotations?.runbook_url) missing.push('annotations.runbook_url');
  return missing;
}

/** An alert without severity cannot be routed, without `for` pages on one bad scrape, without a runbook wakes someone who cannot act. */
export const alertRuleFieldsRule: GuidanceRule = {
  id: 'alert-rule-fields',
  title: 'Every alert has a severity, a for duration and a runbook link',
  severity: 'warning',
  fileKinds: ['prometheus-rules'],
  article: {
    id: 'prometheus-grafana-monitoring',
    section: 'rule-alert-rule-fields',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const object of input.objects) {
      if (object.kind !== 'PrometheusRule') continue;
      const groups = bodyOf(object).spec?.groups;
      for (const group of Array.isArray(groups) ? groups : []) {
        const rules = isRecord(group) ? group.rules : undefined;
        for (const rule of Array.isArray(rules) ? rules : []) {
          if (!isRecord(rule) || typeof rule.alert !== 'string') continue;
          const missing = missingFields(rule);
          findings.push(
            missing.length === 0
              ? pass(
                  object,
                  `alert ${rule.alert} has severity, for and runbook_url`,
                )
              : fail(
                  object,
                  `alert ${rule.alert} does not set ${missing.join(', ')}`,
                ),
          );
        }
      }
    }
    return findings;
  },
};
