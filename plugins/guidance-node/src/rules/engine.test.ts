import { cleanSet, filesOf, inputOf } from '../__testUtils__/manifests';
import { evaluateRules, parseManifests } from './engine';
import { GuidanceRule } from './types';

describe('parseManifests', () => {
  it('returns Kubernetes objects, leaving out kustomizations, their patches and non-Kubernetes YAML', () => {
    const input = inputOf(filesOf(cleanSet()));
    expect(
      input.objects.map(o => `${o.file}#${o.index} ${o.kind}/${o.name}`),
    ).toEqual([
      'deploy/base/deployment.yaml#0 ServiceAccount/orders',
      'deploy/base/deployment.yaml#1 Deployment/orders',
      'deploy/base/service.yaml#0 Service/orders',
      'deploy/base/pdb.yaml#0 PodDisruptionBudget/orders',
      'monitoring/observability.yml#0 ServiceMonitor/orders',
      'monitoring/observability.yml#1 CronJob/orders-report',
    ]);
    expect(input.parseErrors).toEqual([]);
  });

  it('lists files that do not parse and notes images a kustomization pins', () => {
    const input = parseManifests([
      { path: 'a.yaml', content: 'a: [unclosed\n' },
      {
        path: 'kustomization.yaml',
        content:
          'images:\n  - name: app\n    newTag: "1.2"\n  - name: other\n    newTag: latest\n',
      },
      { path: 'notes.txt', content: 'a: [' },
    ]);
    expect(input.parseErrors.map(e => e.file)).toEqual(['a.yaml']);
    expect(input.kustomize?.pinnedImages).toEqual(['app']);
  });
});

describe('evaluateRules', () => {
  const rule = (id: string, check: GuidanceRule['check']): GuidanceRule => ({
    id,
    title: id,
    severity: 'error',
    article: { id: 'golden-paths' },
    check,
  });

  it('folds findings into pass, fail or not-applicable, and turns a throwing rule into a failure', () => {
    const input = { objects: [], parseErrors: [] };
    const results = evaluateRules(
      [
        rule('ok', () => [{ status: 'pass', message: 'fine' }]),
        rule('mixed', () => [
          { status: 'pass', message: 'fine' },
          { status: 'fail', message: 'broken' },
        ]),
        rule('none', () => []),
        rule('throws', () => {
          throw new Error('boom');
        }),
      ],
      input,
    );
    expect(
      results.map(r => [r.rule.id, r.status, r.findings.map(f => f.message)]),
    ).toEqual([
      ['ok', 'pass', ['fine']],
      ['mixed', 'fail', ['broken']],
      ['none', 'not-applicable', []],
      ['throws', 'fail', ['rule throws could not run: Error: boom']],
    ]);
  });
});
