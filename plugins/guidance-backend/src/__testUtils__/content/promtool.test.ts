import { codeBlocks } from './codeBlocks';
import { requireTool } from './externalTool';
import { checkRules, findRuleExamples, testRules } from './promtool';

const fence = (body: string) => `\`\`\`yaml\n${body}\n\`\`\`\n`;

const RULES = `# rules/alerts.yml
groups:
  - name: demo
    rules:
      - alert: Down
        expr: up == 0
        for: 1m
        labels:
          severity: page`;

const TEST = (expected: string) => `# tests/alerts-test.yml
rule_files:
  - ../rules/alerts.yml
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'up{job="api"}'
        values: "0x10"
    alert_rule_test:
      - eval_time: 5m
        alertname: Down
        exp_alerts:
          - exp_labels:
              severity: ${expected}
              job: api`;

describe('the promtool checks', () => {
  beforeAll(() => {
    requireTool('promtool', ['--version'], 'apt-get install -y prometheus');
  });

  it('finds rule files, PrometheusRule specs and rule tests in an article', () => {
    const md = [
      fence(RULES),
      fence(
        'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: { name: x }\nspec:\n  groups:\n    - name: g\n      rules:\n        - record: a:b:c\n          expr: sum(up)',
      ),
      fence(TEST('page')),
    ].join('\n');
    const found = findRuleExamples(codeBlocks(md), 'demo.md');
    expect(found.groups).toHaveLength(2);
    expect(found.groups[0].path).toBe('rules/alerts.yml');
    expect(found.tests).toHaveLength(1);
    for (const g of found.groups) expect(checkRules(g)).toBeUndefined();
    expect(testRules(found.tests[0], found.groups)).toBeUndefined();
  });

  it('fails a rule group with a broken expression', () => {
    const bad = findRuleExamples(
      codeBlocks(fence(RULES.replace('up == 0', 'sum(up by (job)'))),
      'bad.md',
    ).groups[0];
    expect(checkRules(bad)).toMatch(
      /^bad\.md line 1: promtool check rules: .*parse error/,
    );
  });

  it('fails a rule test whose expectation is wrong', () => {
    const found = findRuleExamples(
      codeBlocks([fence(RULES), fence(TEST('ticket'))].join('\n')),
      'bad.md',
    );
    expect(testRules(found.tests[0], found.groups)).toMatch(
      /promtool test rules: .*FAILED/,
    );
  });

  it('fails a rule test whose rule file is not in the article', () => {
    const found = findRuleExamples(codeBlocks(fence(TEST('page'))), 'bad.md');
    expect(testRules(found.tests[0], found.groups)).toMatch(
      /names \.\.\/rules\/alerts\.yml, which no rule block of the article provides/,
    );
  });
});
