import { evaluateRules } from '../engine';
import { cleanSet, filesOf, inputOf } from '../../__testUtils__/manifests';
import { BUILTIN_RULES } from '.';

describe('BUILTIN_RULES', () => {
  it('have unique kebab-case ids, a title and a heading to explain them', () => {
    const ids = BUILTIN_RULES.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BUILTIN_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.article.section).toMatch(/^[a-z0-9-]+$/);
      // GET /rules lists what each rule reads
      expect(rule.fileKinds?.length).toBeGreaterThan(0);
      for (const kind of rule.fileKinds ?? []) {
        expect(kind).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
    // the checks guidance:validate has always made, probes split in two
    expect(ids).toEqual(
      expect.arrayContaining([
        'yaml',
        'readiness-probe',
        'liveness-probe',
        'resources',
        'image-tag',
        'non-root',
        'secret-env',
        'service-selector',
        'servicemonitor-selector',
        'pdb',
        'served-api-version',
        'memory-limit',
        'readiness-distinct-from-liveness',
        'automount-service-account-token',
        'image-pinned',
      ]),
    );
  });

  it('all pass (or do not apply) on a set that follows the guidance', () => {
    const results = evaluateRules(BUILTIN_RULES, inputOf(filesOf(cleanSet())));
    const failing = results.filter(r => r.status === 'fail');
    expect(failing.map(r => [r.rule.id, r.findings])).toEqual([]);
    expect(
      results.filter(r => r.status === 'not-applicable').map(r => r.rule.id),
    ).toEqual([
      // no runtime image the lifecycle table knows
      'supported-versions',
      'secret-manifest',
      'ingress-class',
      'alert-rule-fields',
      'monitoring-release-label',
      'hpa-replicas',
      'argocd-project',
      'argocd-prune-finalizer',
      'flux-kustomization',
      'pgbouncer-pool-mode',
      'pgbouncer-pool-size',
      'cnpg-backup',
      'catalog-owner-group',
      'oncall-annotation',
      // its workflow logs in to no cloud and pushes no image
      'actions-cloud-oidc',
      'actions-push-default-branch',
      // nor any CircleCI, Buildkite or Tekton configuration
      'circleci-pinned',
      'circleci-secrets-in-contexts',
      'circleci-deploy-filtered',
      'buildkite-plugins-pinned',
      'buildkite-env-secrets',
      'buildkite-deploy-branch',
      'tekton-resolver-pinned',
      'tekton-script-params',
      'tekton-push-when',
      // the clean set has no Dockerfile
      'dockerfile-non-root',
      'dockerfile-base-pinned',
      'dockerfile-multi-stage',
      'dockerfile-secrets',
    ]);
  });

  it('all pass with GitOps objects, alert rules, PgBouncer and a catalog entity that follow the guidance', () => {
    const results = evaluateRules(
      BUILTIN_RULES,
      inputOf({
        ...filesOf(cleanSet()),
        'argocd/orders.yaml': [
          'apiVersion: argoproj.io/v1alpha1',
          'kind: Application',
          'metadata:',
          '  name: orders',
          '  finalizers: [resources-finalizer.argocd.argoproj.io]',
          'spec:',
          '  project: payments',
          '  destination: { server: https://kubernetes.default.svc, namespace: orders }',
          '  syncPolicy: { automated: { prune: true, selfHeal: true } }',
          '',
        ].join('\n'),
        'clusters/prod/orders.yaml': [
          'apiVersion: kustomize.toolkit.fluxcd.io/v1',
          'kind: Kustomization',
          'metadata: { name: orders, namespace: flux-system }',
          'spec: { interval: 10m, path: ./deploy/overlays/prod, prune: true, wait: true, sourceRef: { kind: GitRepository, name: orders } }',
          '',
        ].join('\n'),
        'prometheus/orders.rules.yml': [
          'groups:',
          '  - name: orders',
          '    rules:',
          '      - alert: OrdersHighErrorRate',
          '        expr: job:http_errors:ratio5m{job="orders"} > 0.05',
          '        for: 10m',
          '        labels: { severity: page }',
          '        annotations: { runbook_url: "https://runbooks.example.com/orders/errors" }',
          '',
        ].join('\n'),
        'db/pgbouncer.ini':
          '[databases]\norders = host=orders-db port=5432 dbname=orders\n[pgbouncer]\npool_mode = transaction\ndefault_pool_size = 15\n',
        'db/postgresql.conf': 'max_connections = 100\n',
        'catalog-info.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: orders',
          '  annotations: { pagerduty.com/service-id: PABC123 }',
          'spec: { type: service, lifecycle: production, owner: group:payments }',
          '',
        ].join('\n'),
      }),
    );
    expect(
      results
        .filter(r => r.status === 'fail')
        .map(r => [r.rule.id, r.findings]),
    ).toEqual([]);
    expect(
      results.filter(r => r.status === 'not-applicable').map(r => r.rule.id),
    ).toEqual([
      'supported-versions',
      'secret-manifest',
      'ingress-class',
      'monitoring-release-label',
      'hpa-replicas',
      'cnpg-backup',
      // its workflow logs in to no cloud and pushes no image
      'actions-cloud-oidc',
      'actions-push-default-branch',
      // nor any CircleCI, Buildkite or Tekton configuration
      'circleci-pinned',
      'circleci-secrets-in-contexts',
      'circleci-deploy-filtered',
      'buildkite-plugins-pinned',
      'buildkite-env-secrets',
      'buildkite-deploy-branch',
      'tekton-resolver-pinned',
      'tekton-script-params',
      'tekton-push-when',
      // the clean set has no Dockerfile
      'dockerfile-non-root',
      'dockerfile-base-pinned',
      'dockerfile-multi-stage',
      'dockerfile-secrets',
    ]);
  });
});
