import {
  yamlDocuments,
  evaluate,
  failuresOf,
} from '../../__testUtils__/manifests';
import { pdbRule } from './pdb';

describe('pdb', () => {
  it('passes a replicated workload with a budget', () => {
    expect(evaluate(pdbRule).status).toBe('pass');
  });

  it('fails a replicated workload that no budget selects', () => {
    expect(
      failuresOf(pdbRule, s => {
        s.pdb.spec.selector.matchLabels = {
          'app.kubernetes.io/name': 'billing',
        };
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: runs 2 replicas but no PodDisruptionBudget selects its pods (app.kubernetes.io/name=orders)',
    ]);
  });

  it('does not apply to one replica, unless an autoscaler keeps more', () => {
    const single = (s: any) => {
      s.deployment.spec.replicas = 1;
      s.pdb.spec.selector.matchLabels = { app: 'billing' };
    };
    expect(evaluate(pdbRule, single).status).toBe('not-applicable');
    expect(
      failuresOf(pdbRule, single, {
        'deploy/base/hpa.yaml': yamlDocuments({
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'orders' },
          spec: {
            scaleTargetRef: { kind: 'Deployment', name: 'orders' },
            minReplicas: 3,
            maxReplicas: 6,
          },
        }),
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: runs 3 replicas but no PodDisruptionBudget selects its pods (app.kubernetes.io/name=orders)',
    ]);
  });
});
