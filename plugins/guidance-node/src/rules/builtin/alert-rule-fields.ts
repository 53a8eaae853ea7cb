import { GuidanceRule, RuleFinding, RuleInput } from '../types';
import { isRecord } from './kubernetes';
import { yamlPosition } from './yamlPositions';

/** An absolute link (`https://…`), or one a template builds at alert time (`{{ $externalURL }}/…`). */
const isAbsoluteUrl = (value: string) =>
  /^https?:\/\/[^\s/]+/i.test(value.trim()) || /^\{\{/.test(value.trim());

/** What is missing from one alerting rule: routing, a grace period, a way to act on it. */
function problemsOf(rule: Record<string, any>): string[] {
  const missing: string[] = [];
  if (!rule.labels?.severity) missing.push('labels.severity');
  if (!rule.for) missing.push('for');
  const runbook = rule.annotations?.runbook_url;
  if (!runbook) missing.push('annotations.runbook_url');
  const problems =
    missing.length > 0 ? [`does not set ${missing.join(', ')}`] : [];
  if (runbook && !isAbsoluteUrl(String(runbook))) {
    problems.push(
      `has runbook_url "${runbook}", which is not an absolute http(s) URL: a pager or chat message cannot open it`,
    );
  }
  return problems;
}

/** A rule file: a PrometheusRule's spec, or a plain Prometheus rule file (`groups:` at the top). */
type RuleFile = {
  file: string;
  index: number;
  object?: string;
  groups: unknown[];
  /** Where `groups` sits in the document. */
  at: string[];
};

function ruleFilesOf(input: RuleInput): RuleFile[] {
  const found: RuleFile[] = [];
  for (const object of input.objects) {
    if (object.kind !== 'PrometheusRule') continue;
    const groups = isRecord(object.body) ? object.body.spec?.groups : undefined;
    found.push({
      file: object.file,
      index: object.index,
      object: `${object.kind}/${object.name}`,
      groups: Array.isArray(groups) ? groups : [],
      at: ['spec', 'groups'],
    });
  }
  for (const doc of input.documents ?? []) {
    const body = doc.body;
    if (
      !isRecord(body) ||
      body.kind !== undefined ||
      !Array.isArray(body.groups)
    )
      continue;
    // groups of rules, as `promtool check rules` reads them
    if (!body.groups.some(g => isRecord(g) && Array.isArray(g.rules))) continue;
    found.push({
      file: doc.file,
      index: doc.index,
      groups: body.groups,
      at: ['groups'],
    });
  }
  return found;
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
    for (const ruleFile of ruleFilesOf(input)) {
      ruleFile.groups.forEach((group, g) => {
        const rules = isRecord(group) ? group.rules : undefined;
        (Array.isArray(rules) ? rules : []).forEach((rule, r) => {
          if (!isRecord(rule) || typeof rule.alert !== 'string') return;
          const problems = problemsOf(rule);
          findings.push({
            status: problems.length === 0 ? 'pass' : 'fail',
            file: ruleFile.file,
            ...(ruleFile.object ? { object: ruleFile.object } : {}),
            ...yamlPosition(input, ruleFile.file, ruleFile.index, [
              ...ruleFile.at,
              g,
              'rules',
              r,
            ]),
            message:
              problems.length === 0
                ? `alert ${rule.alert} has severity, for and runbook_url`
                : `alert ${rule.alert} ${problems.join('; and it ')}`,
          });
        });
      });
    }
    return findings;
  },
};
