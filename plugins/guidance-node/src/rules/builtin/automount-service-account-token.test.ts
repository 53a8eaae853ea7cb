import {
  evaluate,
  failuresOf,
  yamlDocuments,
} from '../../__testUtils__/manifests';
import {
  KUBERNETES_API_ANNOTATION,
  automountServiceAccountTokenRule as rule,
} from './automount-service-account-token';

const mounted = (s: any) => {
  s.serviceAccount.automountServiceAccountToken = true;
};

describe('automount-service-account-token', () => {
  it('passes when the ServiceAccount or the pod turns the token off', () => {
    expect(evaluate(rule).status).toBe('pass');
  });

  it('fails a workload that mounts a token nothing grants API access', () => {
    expect(failuresOf(rule, mounted)).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: mounts the token of ServiceAccount/orders but nothing here grants it API access: set automountServiceAccountToken: false (or annotate paved-road.dev/kubernetes-api: "true")',
    ]);
    // no ServiceAccount in the output: the default mounts a token
    expect(
      failuresOf(rule, s => {
        delete s.deployment.spec.template.spec.serviceAccountName;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: mounts the token of ServiceAccount/default but nothing here grants it API access: set automountServiceAccountToken: false (or annotate paved-road.dev/kubernetes-api: "true")',
    ]);
  });

  it('accepts a token the workload needs: a RoleBinding, the opt-in annotation or the Vault agent', () => {
    expect(
      evaluate(rule, mounted, {
        'deploy/base/rbac.yaml': yamlDocuments({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'orders-leader-election' },
          roleRef: { kind: 'Role', name: 'leader-election' },
          subjects: [{ kind: 'ServiceAccount', name: 'orders' }],
        }),
      }).status,
    ).toBe('pass');
    expect(
      evaluate(rule, s => {
        mounted(s);
        s.deployment.metadata.annotations = {
          [KUBERNETES_API_ANNOTATION]: 'true',
        };
      }).status,
    ).toBe('pass');
    expect(
      evaluate(rule, s => {
        mounted(s);
        s.deployment.spec.template.metadata.annotations = {
          'vault.hashicorp.com/agent-inject': 'true',
        };
      }).status,
    ).toBe('pass');
  });
});
