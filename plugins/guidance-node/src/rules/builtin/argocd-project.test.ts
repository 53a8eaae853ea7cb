import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { argocdProjectRule } from './argocd-project';

const application = (project: string | undefined) =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: checkout-prod',
    '  namespace: argocd',
    'spec:',
    ...(project !== undefined ? [`  project: ${project}`] : []),
    '  source:',
    '    repoURL: https://github.com/example-org/deploy-config.git',
    '    path: apps/checkout/overlays/prod',
    '  destination:',
    '    server: https://kubernetes.default.svc',
    '    namespace: checkout',
    '',
  ].join('\n');

const applicationSet = (project: string) =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata:',
    '  name: prod-apps',
    'spec:',
    '  generators: [{ list: { elements: [{ app: checkout }] } }]',
    '  template:',
    '    metadata:',
    '      name: "prod-{{.app}}"',
    '    spec:',
    `      project: ${project}`,
    '      destination: { server: https://kubernetes.default.svc, namespace: checkout }',
    '',
  ].join('\n');

describe('argocd-project', () => {
  it('does not apply without Argo CD objects, and passes a team project', () => {
    expect(evaluate(argocdProjectRule).status).toBe('not-applicable');
    const evaluation = evaluate(argocdProjectRule, undefined, {
      'argocd/checkout.yaml': application('checkout'),
      'argocd/appset.yaml': applicationSet('payments'),
    });
    expect(evaluation.status).toBe('pass');
    expect(evaluation.findings.map(f => f.message)).toEqual([
      'Application "checkout-prod" is in project "checkout"',
      'ApplicationSet "prod-apps" (its template) is in project "payments"',
    ]);
  });

  it('fails the default project and a missing one, at the project line', () => {
    const evaluation = evaluate(argocdProjectRule, undefined, {
      'argocd/checkout.yaml': application('default'),
      'argocd/appset.yaml': applicationSet('default'),
      'argocd/none.yaml': application(undefined),
    });
    expect(evaluation.status).toBe('fail');
    expect(evaluation.findings).toEqual([
      {
        status: 'fail',
        file: 'argocd/checkout.yaml',
        object: 'Application/checkout-prod',
        line: 7,
        column: 3,
        message:
          'Application "checkout-prod" is in project "default", which allows any source repository, any destination and cluster-scoped objects; give it the team\'s AppProject',
      },
      expect.objectContaining({
        file: 'argocd/appset.yaml',
        object: 'ApplicationSet/prod-apps',
        line: 11,
        message: expect.stringContaining(
          'ApplicationSet "prod-apps" (its template) is in project "default"',
        ),
      }),
      expect.objectContaining({
        file: 'argocd/none.yaml',
        line: 6,
        message:
          'Application "checkout-prod" names no spec.project; give it the team\'s AppProject',
      }),
    ]);
  });

  it('leaves a project an ApplicationSet fills in from a generator to the generated Applications', () => {
    const evaluation = evaluate(argocdProjectRule, undefined, {
      'argocd/appset.yaml': applicationSet('"{{.team}}"'),
    });
    expect(evaluation.status).toBe('not-applicable');
    expect(evaluation.findings[0].message).toMatch(
      /takes its project from a template expression \(\{\{\.team\}\}\)/,
    );
    // not Argo CD's: a kind named Application in another API group
    expect(
      failuresOf(argocdProjectRule, undefined, {
        'deploy/app.yaml':
          'apiVersion: app.k8s.io/v1beta1\nkind: Application\nmetadata: { name: x }\nspec: { project: default }\n',
      }),
    ).toEqual([]);
  });
});
