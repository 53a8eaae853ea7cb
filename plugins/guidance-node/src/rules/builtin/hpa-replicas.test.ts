import { stringify } from 'yaml';
import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { hpaReplicasRule } from './hpa-replicas';

const hpa = stringify({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'orders' },
  spec: {
    scaleTargetRef: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'orders',
    },
    minReplicas: 2,
    maxReplicas: 6,
  },
});
/** The prod overlay's patch, without the replica count the clean set's patch sets. */
const patchWithoutReplicas = stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'orders', annotations: { team: 'payments' } },
});

describe('hpa-replicas', () => {
  it('does not apply without an HPA', () => {
    expect(evaluate(hpaReplicasRule).status).toBe('not-applicable');
  });

  it('passes an autoscaled Deployment whose manifests and patches leave replicas out', () => {
    const evaluation = evaluate(
      hpaReplicasRule,
      set => delete (set.deployment.spec as { replicas?: number }).replicas,
      {
        'deploy/base/hpa.yaml': hpa,
        'deploy/overlays/prod/replicas.yaml': patchWithoutReplicas,
      },
    );
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings.map(f => [f.file, f.message])).toEqual([
      [
        'deploy/base/deployment.yaml',
        'sets no replicas: HorizontalPodAutoscaler/orders owns the count',
      ],
    ]);
  });

  it('fails replicas in the manifest, in a kustomize patch and in a kustomization, each at its line', () => {
    const evaluation = evaluate(hpaReplicasRule, undefined, {
      'deploy/base/hpa.yaml': hpa,
      'deploy/overlays/dev/kustomization.yaml':
        'resources: [../../base]\nreplicas:\n  - name: orders\n    count: 1\n',
    });
    expect(evaluation.status).toBe('fail');
    expect(evaluation.findings).toEqual([
      expect.objectContaining({
        file: 'deploy/base/deployment.yaml',
        object: 'Deployment/orders',
        line: expect.any(Number),
        message:
          'sets replicas: 2 while HorizontalPodAutoscaler/orders scales it: every apply or sync resets the count the HPA chose; leave replicas out',
      }),
      {
        status: 'fail',
        file: 'deploy/overlays/prod/replicas.yaml',
        object: 'Deployment/orders',
        line: 6,
        column: 3,
        message:
          'sets replicas: 4 while HorizontalPodAutoscaler/orders scales it: every apply or sync resets the count the HPA chose; leave replicas out',
      },
      {
        status: 'fail',
        file: 'deploy/overlays/dev/kustomization.yaml',
        line: 3,
        column: 5,
        message:
          'the kustomization sets replicas: 1 for orders, which HorizontalPodAutoscaler/orders scales',
      },
    ]);
  });

  it('accepts replicas that an Argo CD Application ignores and respects, and says what still resets them', () => {
    const application = stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'orders' },
      spec: {
        project: 'orders',
        ignoreDifferences: [
          {
            group: 'apps',
            kind: 'Deployment',
            jsonPointers: ['/spec/replicas'],
          },
        ],
        syncPolicy: { syncOptions: ['RespectIgnoreDifferences=true'] },
      },
    });
    const evaluation = evaluate(hpaReplicasRule, undefined, {
      'deploy/base/hpa.yaml': hpa,
      'deploy/overlays/prod/replicas.yaml': patchWithoutReplicas,
      'argocd/orders.yaml': application,
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings[0].message).toBe(
      'sets replicas: 2, which Application "orders" ignores (ignoreDifferences with RespectIgnoreDifferences=true); kubectl apply of this file would still reset what HorizontalPodAutoscaler/orders chose',
    );
    // ignoring the field without RespectIgnoreDifferences still resets it on sync
    expect(
      failuresOf(hpaReplicasRule, undefined, {
        'deploy/base/hpa.yaml': hpa,
        'deploy/overlays/prod/replicas.yaml': patchWithoutReplicas,
        'argocd/orders.yaml': application.replace(
          'RespectIgnoreDifferences=true',
          'CreateNamespace=true',
        ),
      }),
    ).toHaveLength(1);
  });

  it('says when the scaled workload is not among the files', () => {
    const evaluation = evaluate(hpaReplicasRule, undefined, {
      'deploy/base/hpa.yaml': hpa.replace(
        'name: orders\n  minReplicas',
        'name: billing\n  minReplicas',
      ),
    });
    expect(evaluation.status).toBe('not-applicable');
    expect(evaluation.findings[0].message).toBe(
      'HorizontalPodAutoscaler/orders scales Deployment/billing, which is not among the files',
    );
  });
});
