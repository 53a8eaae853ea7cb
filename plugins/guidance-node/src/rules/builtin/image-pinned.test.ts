import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { imagePinnedRule } from './image-pinned';

describe('image-pinned', () => {
  it('passes full versions, commits and digests', () => {
    expect(
      evaluate(imagePinnedRule, s => {
        s.deployment.spec.template.spec.initContainers[0].image =
          'registry.example.com/orders/migrate:3f9c2a1';
        s.cronJob.spec.jobTemplate.spec.template.spec.containers[0].image =
          'busybox:1@sha256:abc';
      }).status,
    ).toBe('pass');
  });

  it('fails moving tags: branches, channels and a major version alone', () => {
    expect(
      failuresOf(imagePinnedRule, s => {
        s.deployment.spec.template.spec.initContainers[0].image =
          'ghcr.io/acme/migrate:main';
        s.deployment.spec.template.spec.containers[0].image = 'postgres:16';
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: init container "migrate" uses image "ghcr.io/acme/migrate:main": tag "main" moves; pin a full version, a commit or a digest',
      'deploy/base/deployment.yaml: Deployment/orders: container "app" uses image "postgres:16": tag "16" moves; pin a full version, a commit or a digest',
    ]);
  });
});
