import { manifestHeads, removedApiProblems } from './servedApis';

describe('the served API check', () => {
  it('fails a manifest that uses a removed API version, naming the fix', () => {
    const text = [
      'apiVersion: policy/v1beta1',
      'kind: PodDisruptionBudget',
      'metadata: { name: web }',
      '---',
      'apiVersion: "external-secrets.io/v1beta1"',
      'kind: ExternalSecret',
      'metadata:',
      '  name: db  # comment',
    ].join('\n');
    expect(removedApiProblems(manifestHeads(text, 'bad.yaml'))).toEqual([
      'bad.yaml:1: PodDisruptionBudget policy/v1beta1 is not served since kubernetes 1.25; use policy/v1',
      'bad.yaml:5: ExternalSecret external-secrets.io/v1beta1 is not served since external-secrets v0.17.0; use external-secrets.io/v1',
    ]);
  });

  it('passes served versions and reads templated files', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: ${{ values.name }}',
      '---',
      'apiVersion: external-secrets.io/v1',
      'kind: ExternalSecret',
    ].join('\n');
    const heads = manifestHeads(text, 'ok.yaml');
    expect(heads.map(h => h.kind)).toEqual(['Deployment', 'ExternalSecret']);
    expect(removedApiProblems(heads)).toEqual([]);
  });

  it('ignores nested apiVersion fields (an owner reference is not a manifest head)', () => {
    const text =
      'spec:\n  scaleTargetRef:\n    apiVersion: extensions/v1beta1\n    kind: Deployment\n';
    expect(manifestHeads(text, 'x.yaml')).toEqual([]);
  });
});
