import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { argocdPruneFinalizerRule } from './argocd-prune-finalizer';

const application = ({
  finalizers = ['resources-finalizer.argocd.argoproj.io'],
  prune = true,
  syncOptions = ['CreateNamespace=true'],
}: {
  finalizers?: string[];
  prune?: boolean;
  syncOptions?: string[];
} = {}) =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: web',
    '  namespace: argocd',
    ...(finalizers.length > 0
      ? ['  finalizers:', ...finalizers.map(f => `    - ${f}`)]
      : []),
    'spec:',
    '  project: web',
    '  destination: { server: https://kubernetes.default.svc, namespace: web }',
    '  syncPolicy:',
    '    automated:',
    `      prune: ${prune}`,
    '      selfHeal: true',
    '    syncOptions:',
    ...syncOptions.map(o => `      - ${o}`),
    '',
  ].join('\n');

describe('argocd-prune-finalizer', () => {
  it('passes an Application that prunes with the resources finalizer (foreground or background)', () => {
    expect(evaluate(argocdPruneFinalizerRule).status).toBe('not-applicable');
    const evaluation = evaluate(argocdPruneFinalizerRule, undefined, {
      'argocd/web.yaml': application(),
      'argocd/bg.yaml': application({
        finalizers: ['resources-finalizer.argocd.argoproj.io/background'],
        syncOptions: ['PrunePropagationPolicy=background'],
      }),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings.map(f => f.message)).toEqual([
      'Application "web" prunes with the resources-finalizer.argocd.argoproj.io finalizer',
      'Application "web" prunes with the resources-finalizer.argocd.argoproj.io/background finalizer and PrunePropagationPolicy=background',
    ]);
  });

  it('does not judge an Application that does not prune', () => {
    expect(
      evaluate(argocdPruneFinalizerRule, undefined, {
        'argocd/web.yaml': application({ finalizers: [], prune: false }),
      }).status,
    ).toBe('not-applicable');
  });

  it('fails pruning without the finalizer, or with orphan propagation, at the line to change', () => {
    const evaluation = evaluate(argocdPruneFinalizerRule, undefined, {
      'argocd/web.yaml': application({ finalizers: [] }),
    });
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'argocd/web.yaml',
        object: 'Application/web',
        line: 3,
        column: 1,
        message:
          'Application "web" prunes automatically but has no resources-finalizer.argocd.argoproj.io finalizer: deleting it (or pruning it from an app-of-apps) leaves everything it deployed running, unmanaged',
      },
    ]);
    expect(
      failuresOf(argocdPruneFinalizerRule, undefined, {
        'argocd/web.yaml': application({
          syncOptions: ['PrunePropagationPolicy=orphan'],
        }),
        'argocd/both.yaml': application({
          finalizers: ['example.com/other'],
          syncOptions: ['PrunePropagationPolicy=orphan'],
        }),
      }),
    ).toEqual([
      'argocd/web.yaml: Application/web: Application "web" prunes automatically but prunes with PrunePropagationPolicy=orphan: a pruned Deployment leaves its ReplicaSets and pods running',
      'argocd/both.yaml: Application/web: Application "web" prunes automatically but has no resources-finalizer.argocd.argoproj.io finalizer: deleting it (or pruning it from an app-of-apps) leaves everything it deployed running, unmanaged; and it prunes with PrunePropagationPolicy=orphan: a pruned Deployment leaves its ReplicaSets and pods running',
    ]);
  });

  it("reads an ApplicationSet's template", () => {
    const appset = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata: { name: prod-apps }',
      'spec:',
      '  template:',
      '    metadata:',
      '      name: "prod-{{.app}}"',
      '    spec:',
      '      project: apps',
      '      syncPolicy: { automated: { prune: true } }',
      '',
    ].join('\n');
    expect(
      failuresOf(argocdPruneFinalizerRule, undefined, {
        'argocd/appset.yaml': appset,
      }),
    ).toEqual([
      'argocd/appset.yaml: ApplicationSet/prod-apps: ApplicationSet "prod-apps" (its template) prunes automatically but has no resources-finalizer.argocd.argoproj.io finalizer: deleting it (or pruning it from an app-of-apps) leaves everything it deployed running, unmanaged',
    ]);
  });
});
