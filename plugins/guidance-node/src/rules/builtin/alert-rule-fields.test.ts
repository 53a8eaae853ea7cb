import {
  evaluate,
  failuresOf,
  yamlDocuments,
} from '../../__testUtils__/manifests';
import { alertRuleFieldsRule } from './alert-rule-fields';

const rules = (...alerts: Record<string, unknown>[]) => ({
  'monitoring/rules.yaml': yamlDocuments({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'orders' },
    spec: {
      groups: [
        {
          name: 'orders',
          rules: [
            { record: 'job:http_requests:rate5m', expr: 'sum(rate(x[5m]))' },
            ...alerts,
          ],
        },
      ],
    },
  }),
});
const complete = {
  alert: 'HTTPHighErrorRatio',
  expr: 'x > 0.05',
  for: '10m',
  labels: { severity: 'page' },
  annotations: { runbook_url: 'https://runbooks.example.com/http-errors' },
};

describe('alert-rule-fields', () => {
  it('passes complete alerts (recording rules are not alerts) and does not apply without any', () => {
    expect(evaluate(alertRuleFieldsRule).status).toBe('not-applicable');
    expect(
      evaluate(alertRuleFieldsRule, undefined, rules(complete)).status,
    ).toBe('pass');
  });

  it('names what an alert leaves out', () => {
    expect(
      failuresOf(
        alertRuleFieldsRule,
        undefined,
        rules(complete, { alert: 'TargetDown', expr: 'up == 0' }),
      ),
    ).toEqual([
      'monitoring/rules.yaml: PrometheusRule/orders: alert TargetDown does not set labels.severity, for, annotations.runbook_url',
    ]);
  });
});

describe('alert-rule-fields on plain rule files and runbook links', () => {
  const plain = (runbook: string | undefined, extra = '') =>
    [
      'groups:',
      '  - name: http-alerts',
      '    rules:',
      '      - record: job:http_requests:rate5m',
      '        expr: sum(rate(http_requests_total[5m]))',
      '      - alert: CheckoutHighErrorRate',
      '        expr: job:http_requests_error_ratio:rate5m > 0.05',
      '        for: 5m',
      '        labels:',
      '          severity: page',
      ...(runbook !== undefined
        ? ['        annotations:', `          runbook_url: ${runbook}`]
        : []),
      extra,
    ].join('\n');

  it('reads a Prometheus rule file (groups at the top) the way promtool does', () => {
    const evaluation = evaluate(alertRuleFieldsRule, undefined, {
      'prometheus/rules/http.yml': plain(
        'https://runbooks.example.com/checkout/high-error-rate',
      ),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings).toEqual([
      expect.objectContaining({
        file: 'prometheus/rules/http.yml',
        line: 6,
        message:
          'alert CheckoutHighErrorRate has severity, for and runbook_url',
      }),
    ]);
  });

  it('fails a relative or schemeless runbook link, and points at the alert', () => {
    for (const link of [
      '/runbooks/high-error-rate',
      'runbooks.example.com/x',
    ]) {
      const evaluation = evaluate(alertRuleFieldsRule, undefined, {
        'prometheus/rules/http.yml': plain(link),
      });
      expect(evaluation.status).toBe('fail');
      expect(evaluation.findings).toEqual([
        {
          status: 'fail',
          file: 'prometheus/rules/http.yml',
          line: 6,
          column: 9,
          message: `alert CheckoutHighErrorRate has runbook_url "${link}", which is not an absolute http(s) URL: a pager or chat message cannot open it`,
        },
      ]);
    }
    // a link a template builds when the alert fires is taken as given
    expect(
      evaluate(alertRuleFieldsRule, undefined, {
        'prometheus/rules/http.yml': plain(
          '"{{ $externalURL }}/runbooks/high-error-rate"',
        ),
      }).status,
    ).toBe('pass');
  });

  it('names both a missing field and a relative link of one alert', () => {
    expect(
      failuresOf(
        alertRuleFieldsRule,
        undefined,
        rules({
          alert: 'TargetDown',
          expr: 'up == 0',
          labels: { severity: 'ticket' },
          annotations: { runbook_url: 'docs/target-down.md' },
        }),
      ),
    ).toEqual([
      'monitoring/rules.yaml: PrometheusRule/orders: alert TargetDown does not set for; and it has runbook_url "docs/target-down.md", which is not an absolute http(s) URL: a pager or chat message cannot open it',
    ]);
  });

  it('leaves YAML with a groups list that holds no rules alone', () => {
    expect(
      evaluate(alertRuleFieldsRule, undefined, {
        'deploy/groups.yaml':
          'groups:\n  - name: admins\n    members: [a, b]\n',
      }).status,
    ).toBe('not-applicable');
  });
});
