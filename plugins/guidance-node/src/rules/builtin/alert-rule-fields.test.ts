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
