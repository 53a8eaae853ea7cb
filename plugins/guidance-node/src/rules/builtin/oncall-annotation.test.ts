import { evaluate } from '../../__testUtils__/manifests';
import { oncallAnnotationRule } from './oncall-annotation';

const catalogInfo = ({
  lifecycle = 'production',
  type = 'service',
  annotations = {} as Record<string, string>,
} = {}) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: orders',
    '  annotations:',
    '    paved-road.dev/guidance: on-call-rotation',
    ...Object.entries(annotations).map(([k, v]) => `    ${k}: '${v}'`),
    'spec:',
    `  type: ${type}`,
    `  lifecycle: ${lifecycle}`,
    '  owner: group:payments',
    '',
  ].join('\n');

const check = (options: Parameters<typeof catalogInfo>[0]) =>
  evaluate(oncallAnnotationRule, undefined, {
    'catalog-info.yaml': catalogInfo(options),
  });

describe('oncall-annotation', () => {
  it('applies only to services and websites in production', () => {
    expect(evaluate(oncallAnnotationRule).status).toBe('not-applicable');
    expect(check({ lifecycle: 'experimental' }).status).toBe('not-applicable');
    expect(check({ type: 'library' }).status).toBe('not-applicable');
    expect(check({ type: 'website' }).status).toBe('fail');
  });

  it.each([
    ['pagerduty.com/service-id', 'PABC123'],
    ['pagerduty.com/integration-key', 'a1b2c3'],
    ['opsgenie.com/team', 'payments'],
    ['opsgenie.com/component-selector', 'tag:"service:orders"'],
  ])('passes a production service with %s', (key, value) => {
    const evaluation = check({ annotations: { [key]: value } });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings[0]).toEqual(
      expect.objectContaining({
        file: 'catalog-info.yaml',
        line: 7,
        message: `a production service whose on-call rotation is named by ${key}`,
      }),
    );
  });

  it('fails a production service that names no rotation (an empty value counts as none)', () => {
    const evaluation = check({
      annotations: { 'pagerduty.com/service-id': ' ' },
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'catalog-info.yaml',
        line: 5,
        column: 3,
        object: 'component:default/orders',
        message:
          'is a production service with no on-call annotation: add one of pagerduty.com/service-id, pagerduty.com/integration-key, opsgenie.com/team, opsgenie.com/component-selector',
      },
    ]);
  });
});
