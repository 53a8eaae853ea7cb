import { stringify } from 'yaml';
import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { parseImage } from './kubernetes';
import { imageTagRule } from './image-tag';

describe('image-tag', () => {
  it('passes versions and digests; patches with latest are not checked', () => {
    expect(
      evaluate(imageTagRule, s => {
        s.cronJob.spec.jobTemplate.spec.template.spec.containers[0].image =
          'busybox@sha256:abc';
      }).status,
    ).toBe('pass');
  });

  it('refuses latest and untagged images, registry ports included', () => {
    expect(
      failuresOf(imageTagRule, s => {
        s.deployment.spec.template.spec.containers[0].image =
          'ghcr.io/acme/orders:latest';
        s.deployment.spec.template.spec.initContainers[0].image =
          'localhost:5000/migrate';
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: init container "migrate" uses image "localhost:5000/migrate" without a tag: pin a version',
      'deploy/base/deployment.yaml: Deployment/orders: container "app" uses image "ghcr.io/acme/orders:latest": pin a version instead of latest',
    ]);
  });

  it('accepts an untagged image that a kustomization pins', () => {
    const untagged = (s: any) => {
      s.deployment.spec.template.spec.containers[0].image =
        'ghcr.io/acme/orders';
    };
    expect(evaluate(imageTagRule, untagged).status).toBe('fail');
    expect(
      evaluate(imageTagRule, untagged, {
        'deploy/overlays/prod/kustomization.yaml': stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: ['../../base'],
          images: [{ name: 'ghcr.io/acme/orders', newTag: '1.4.2' }],
        }),
      }).status,
    ).toBe('pass');
  });

  it('parses registry ports, tags and digests', () => {
    expect(parseImage('localhost:5000/team/app:1.2')).toEqual({
      name: 'localhost:5000/team/app',
      tag: '1.2',
      digest: undefined,
    });
    expect(parseImage('app@sha256:abc')).toEqual({
      name: 'app',
      digest: 'sha256:abc',
    });
  });
});
