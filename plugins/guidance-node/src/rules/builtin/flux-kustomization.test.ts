import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { fluxKustomizationRule } from './flux-kustomization';

const kustomization = (fields: string[]) =>
  [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    '  name: checkout',
    '  namespace: flux-system',
    'spec:',
    '  interval: 10m',
    '  path: ./apps/checkout/overlays/prod',
    '  sourceRef: { kind: GitRepository, name: deploy-config }',
    ...fields.map(f => `  ${f}`),
    '',
  ].join('\n');

describe('flux-kustomization', () => {
  it('passes prune with wait, or with health checks; kustomize.config.k8s.io kustomizations are not Flux', () => {
    // the clean set's kustomize overlays are not Flux objects
    expect(evaluate(fluxKustomizationRule).status).toBe('not-applicable');
    const evaluation = evaluate(fluxKustomizationRule, undefined, {
      'clusters/prod/checkout.yaml': kustomization([
        'prune: true',
        'wait: true',
      ]),
      'clusters/prod/payments.yaml': kustomization([
        'prune: true',
        'healthChecks:',
        '    - { apiVersion: apps/v1, kind: Deployment, name: checkout, namespace: checkout }',
      ]),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings.map(f => f.message)).toEqual([
      'prunes and waits for every applied object to be healthy',
      'prunes and checks the health of 1 object',
    ]);
  });

  it('names what is missing and points at it', () => {
    const evaluation = evaluate(fluxKustomizationRule, undefined, {
      'clusters/prod/checkout.yaml': kustomization(['prune: false']),
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'clusters/prod/checkout.yaml',
        object: 'Kustomization/checkout',
        line: 10,
        column: 3,
        message:
          'sets no prune: true (objects deleted from Git keep running in the cluster), and no wait: true or healthChecks (it turns Ready as soon as the apply succeeds, healthy or not)',
      },
    ]);
    expect(
      failuresOf(fluxKustomizationRule, undefined, {
        'clusters/prod/checkout.yaml': kustomization([
          'prune: true',
          'healthChecks: []',
        ]),
      }),
    ).toEqual([
      'clusters/prod/checkout.yaml: Kustomization/checkout: sets no wait: true or healthChecks (it turns Ready as soon as the apply succeeds, healthy or not)',
    ]);
  });

  it('leaves a suspended (observe-only) Kustomization until it reconciles', () => {
    const evaluation = evaluate(fluxKustomizationRule, undefined, {
      'clusters/prod/checkout.yaml': kustomization(['suspend: true']),
    });
    expect(evaluation.status).toBe('not-applicable');
    expect(evaluation.findings[0].message).toMatch(/^suspended/);
  });
});
