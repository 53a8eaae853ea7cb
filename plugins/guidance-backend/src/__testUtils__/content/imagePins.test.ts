import {
  collectImagePins,
  parseImageRef,
  pinConflicts,
  pinnedVersion,
} from './imagePins';

describe('the one-pin-per-image check', () => {
  it('reads image fields (also `fooImage:` values), FROM lines, docker.io references and kustomize newTag', () => {
    const text = [
      'containers:',
      '  - image: ghcr.io/stefanprodan/podinfo:6.15.0',
      '    image: "docker.io/library/postgres:17.6@sha256:abc"',
      'FROM golang:1.23.4-alpine AS build',
      'run: docker pull docker.io/bitnami/redis:7.4.1',
      'images:',
      '  - name: ghcr.io/stefanprodan/podinfo',
      '    newTag: "6.15.0"',
      '  - image: ${{ values.image }}',
      '  - image: node:<< parameters.node-version >>-trixie-slim',
      '  - image: no-tag-here',
      'pgbouncerImage: ghcr.io/cloudnative-pg/pgbouncer:1.25.2',
      'imagePullPolicy: IfNotPresent',
    ].join('\n');
    expect(
      collectImagePins(text, 'f').map(p => `${p.image}:${p.tag} @${p.where}`),
    ).toEqual([
      'ghcr.io/stefanprodan/podinfo:6.15.0 @f:2',
      'postgres:17.6 @f:3',
      'golang:1.23.4-alpine @f:4',
      'bitnami/redis:7.4.1 @f:5',
      'ghcr.io/cloudnative-pg/pgbouncer:1.25.2 @f:12',
      'ghcr.io/stefanprodan/podinfo:6.15.0 @f:7',
    ]);
  });

  it('keeps registry ports out of the tag', () => {
    expect(parseImageRef('registry.local:5000/team/app:1.2')).toEqual({
      image: 'registry.local:5000/team/app',
      tag: '1.2',
    });
    expect(parseImageRef('registry.local:5000/team/app')).toBeUndefined();
  });

  it('fails an image pinned to two versions and names every place', () => {
    const pins = [
      ...collectImagePins('image: golang:1.22', 'a.yaml'),
      ...collectImagePins('FROM golang:1.23.4-alpine', 'Dockerfile'),
      ...collectImagePins('image: golang:1.23.4', 'b.md'),
      ...collectImagePins('image: node:22-alpine\nimage: node:22-slim', 'c'),
    ];
    expect(pinConflicts(pins)).toEqual([
      'golang is pinned to 1.22 (a.yaml:1) and 1.23.4 (Dockerfile:1, b.md:1)',
    ]);
    expect(pinnedVersion('current')).toBe('current');
  });
});
