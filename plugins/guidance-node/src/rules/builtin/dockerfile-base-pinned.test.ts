import { evaluateRules, parseManifests } from '../engine';
import { dockerfileBasePinnedRule } from './dockerfile-base-pinned';

const run = (content: string) =>
  evaluateRules(
    [dockerfileBasePinnedRule],
    parseManifests([{ path: 'Dockerfile', content }]),
  )[0];

describe('dockerfile-base-pinned', () => {
  it('passes versions, digests, build-argument defaults, earlier stages and scratch', () => {
    const result = run(
      [
        'ARG GO_VERSION=1.27',
        'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-trixie AS build',
        'FROM build AS test',
        `FROM gcr.io/distroless/static-debian13@sha256:${'a'.repeat(64)}`,
        'FROM scratch',
      ].join('\n'),
    );
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        2,
        'FROM golang:${GO_VERSION}-trixie (golang:1.27-trixie) names tag 1.27-trixie',
      ],
      [
        4,
        `FROM gcr.io/distroless/static-debian13@sha256:${'a'.repeat(
          64,
        )} names a digest`,
      ],
    ]);
  });

  it('fails latest and an untagged image, including one on a registry with a port', () => {
    const result = run(
      'FROM node:latest AS build\nFROM registry.local:5000/base/runtime\n',
    );
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      {
        status: 'fail',
        file: 'Dockerfile',
        line: 1,
        column: 1,
        message:
          'FROM node:latest uses latest: name a version, and a digest where a bot keeps it current (FROM golang:1.27-trixie@sha256:<digest>)',
      },
      {
        status: 'fail',
        file: 'Dockerfile',
        line: 2,
        column: 1,
        message:
          'FROM registry.local:5000/base/runtime has no tag, which means latest: name a version, and a digest where a bot keeps it current (FROM golang:1.27-trixie@sha256:<digest>)',
      },
    ]);
  });

  it('says it cannot tell when the image comes from a build argument without a default', () => {
    const result = run('ARG BASE\nFROM ${BASE}\n');
    expect(result.status).toBe('not-applicable');
    expect(result.findings[0].message).toContain(
      'depends on a build argument without a default',
    );
  });
});
