import {
  REMOVED_API_VERSIONS,
  findRemovedApiVersion,
} from './servedApiVersions';

describe('the removed API versions table', () => {
  it('finds the core removals with the release that removed them', () => {
    expect(
      findRemovedApiVersion('policy/v1beta1', 'PodDisruptionBudget'),
    ).toMatchObject({
      project: 'kubernetes',
      removedIn: '1.25',
      replacement: 'policy/v1',
    });
    expect(findRemovedApiVersion('batch/v1beta1', 'CronJob')?.removedIn).toBe(
      '1.25',
    );
    expect(
      findRemovedApiVersion('autoscaling/v2beta2', 'HorizontalPodAutoscaler')
        ?.removedIn,
    ).toBe('1.26');
    expect(
      findRemovedApiVersion('networking.k8s.io/v1beta1', 'Ingress')
        ?.replacement,
    ).toBe('networking.k8s.io/v1');
    expect(
      findRemovedApiVersion('extensions/v1beta1', 'Deployment')?.removedIn,
    ).toBe('1.16');
  });

  it('finds the CRD removals', () => {
    expect(
      findRemovedApiVersion('external-secrets.io/v1beta1', 'ExternalSecret'),
    ).toMatchObject({ project: 'external-secrets', removedIn: 'v0.17.0' });
    expect(findRemovedApiVersion('tekton.dev/v1alpha1', 'Task')?.project).toBe(
      'tekton',
    );
    // A Flux entry without kinds covers every kind of that version.
    expect(
      findRemovedApiVersion('source.toolkit.fluxcd.io/v1beta2', 'GitRepository')
        ?.project,
    ).toBe('flux');
  });

  it('leaves served versions and still-served kinds of a removed version alone', () => {
    expect(findRemovedApiVersion('apps/v1', 'Deployment')).toBeUndefined();
    expect(
      findRemovedApiVersion('external-secrets.io/v1', 'ExternalSecret'),
    ).toBeUndefined();
    expect(
      findRemovedApiVersion('external-secrets.io/v1alpha1', 'PushSecret'),
    ).toBeUndefined();
    expect(
      findRemovedApiVersion('tekton.dev/v1alpha1', 'StepAction'),
    ).toBeUndefined();
    expect(
      findRemovedApiVersion('storage.k8s.io/v1beta1', 'VolumeAttributesClass'),
    ).toBeUndefined();
    expect(
      findRemovedApiVersion('argoproj.io/v1alpha1', 'Application'),
    ).toBeUndefined();
  });

  it('names each version and kind once', () => {
    const keys = REMOVED_API_VERSIONS.flatMap(e =>
      (e.kinds ?? ['*']).map(k => `${e.apiVersion} ${k}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of REMOVED_API_VERSIONS) {
      expect(e.apiVersion).toMatch(/^[a-z0-9.-]+\/v\d+\w*$/);
      expect(e.replacement).not.toBe('');
    }
  });
});
