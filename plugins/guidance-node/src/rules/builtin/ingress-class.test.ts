import {
  evaluate,
  failuresOf,
  yamlDocuments,
} from '../../__testUtils__/manifests';
import { ingressClassRule } from './ingress-class';

const ingress = (spec: Record<string, unknown>) => ({
  'deploy/base/ingress.yaml': yamlDocuments({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'orders' },
    spec: {
      rules: [{ host: 'orders.local', http: { paths: [] } }],
      ...spec,
    },
  }),
});

describe('ingress-class', () => {
  it('passes an Ingress with a class, and does not apply without Ingresses', () => {
    expect(evaluate(ingressClassRule).status).toBe('not-applicable');
    expect(
      evaluate(
        ingressClassRule,
        undefined,
        ingress({ ingressClassName: 'nginx' }),
      ).status,
    ).toBe('pass');
  });

  it('fails an Ingress without a class', () => {
    expect(failuresOf(ingressClassRule, undefined, ingress({}))).toEqual([
      'deploy/base/ingress.yaml: Ingress/orders: names no IngressClass: set spec.ingressClassName (e.g. nginx)',
    ]);
  });
});
