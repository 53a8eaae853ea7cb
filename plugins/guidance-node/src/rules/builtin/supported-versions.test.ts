import { stringify } from 'yaml';
import { LifecycleTable } from '@paved-road/plugin-guidance-common';
import { evaluateRules, parseManifests } from '../engine';
import { ManifestFile } from '../types';
import { lowestMajor, supportedVersionsRule } from './supported-versions';

const TABLE: LifecycleTable = {
  asOf: '2026-12-01',
  sources: {},
  cycles: [
    { product: 'nodejs', cycle: '20', eol: '2026-04-30' },
    { product: 'nodejs', cycle: '22', eol: '2027-04-30' },
    { product: 'nodejs', cycle: '24', eol: '2028-04-30' },
    { product: 'go', cycle: '1.25', eol: '2026-08-19' },
    { product: 'go', cycle: '1.26', eol: false },
    { product: 'go', cycle: '1.27', eol: false },
    { product: 'kubernetes', cycle: '1.30', eol: '2025-07-15' },
  ],
};

function run(files: ManifestFile[], today = '2026-12-06') {
  const input = parseManifests(files);
  input.lifecycle = { table: TABLE, today };
  const [result] = evaluateRules([supportedVersionsRule], input);
  return {
    status: result.status,
    messages: result.findings.map(
      f => `${f.file}${f.object ? ` ${f.object}` : ''}: ${f.message}`,
    ),
  };
}

const pod = (...images: string[]) =>
  stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) },
  });

describe('supported-versions', () => {
  it('fails container images past their end of life, with the date and what is supported', () => {
    expect(
      run([
        {
          path: 'deploy/pod.yaml',
          content: pod(
            'node:20-alpine',
            'docker.io/library/node:22.11.0',
            'ghcr.io/acme/web:20',
          ),
        },
      ]),
    ).toEqual({
      status: 'fail',
      messages: [
        'deploy/pod.yaml Pod/web: container "c0" uses image "node:20-alpine": Node.js 20 reached end of life on 2026-04-30; move to a supported release (24, 22)',
      ],
    });
  });

  it('reads Dockerfile FROM lines, each stage', () => {
    expect(
      run([
        {
          path: 'Dockerfile',
          content: [
            '# syntax=docker/dockerfile:1',
            'FROM --platform=$BUILDPLATFORM golang:1.25.5-alpine AS build',
            'RUN go build -o /app .',
            'FROM node:22-alpine',
            'FROM gcr.io/distroless/static-debian12:nonroot',
          ].join('\n'),
        },
      ]).messages,
    ).toEqual([
      'Dockerfile: line 2: FROM golang:1.25.5-alpine: Go 1.25 reached end of life on 2026-08-19; move to a supported release (1.27, 1.26)',
    ]);
  });

  it('judges distroless images by the Debian release their name carries', () => {
    const table: LifecycleTable = {
      ...TABLE,
      cycles: [
        ...TABLE.cycles,
        { product: 'distroless', cycle: 'debian12', eol: '2026-09-01' },
        { product: 'distroless', cycle: 'debian13', eol: false },
      ],
    };
    const evaluate = (files: ManifestFile[]) => {
      const input = parseManifests(files);
      input.lifecycle = { table, today: '2026-12-06' };
      return evaluateRules([supportedVersionsRule], input)[0];
    };
    const failing = evaluate([
      {
        path: 'deploy/pod.yaml',
        content: pod(
          'gcr.io/distroless/base-debian12:nonroot',
          `gcr.io/distroless/static-debian13@sha256:${'a'.repeat(64)}`,
        ),
      },
      {
        path: 'Dockerfile',
        content: 'FROM gcr.io/distroless/nodejs22-debian12\n',
      },
    ]);
    expect(failing.status).toBe('fail');
    expect(failing.findings.map(f => `${f.file}: ${f.message}`)).toEqual([
      'deploy/pod.yaml: container "c0" uses image "gcr.io/distroless/base-debian12:nonroot": distroless debian12 reached end of life on 2026-09-01; move to a supported release (debian13)',
      'Dockerfile: line 1: FROM gcr.io/distroless/nodejs22-debian12: distroless debian12 reached end of life on 2026-09-01; move to a supported release (debian13)',
    ]);
    // the golden paths' base images
    const current = evaluate([
      {
        path: 'Dockerfile',
        content:
          'FROM golang:1.27-trixie AS build\nFROM gcr.io/distroless/static-debian13:nonroot\n',
      },
    ]);
    expect(current.status).toBe('pass');
    expect(current.findings.map(f => f.message)).toContain(
      'line 2: FROM gcr.io/distroless/static-debian13:nonroot: distroless debian13 is supported',
    );
  });

  it('reads the go directive and toolchain of go.mod', () => {
    expect(
      run([
        {
          path: 'go.mod',
          content:
            'module example.com/orders\n\ngo 1.25.0\n\ntoolchain go1.26.3\n',
        },
      ]).messages,
    ).toEqual([
      'go.mod: line 3: go 1.25.0: Go 1.25 reached end of life on 2026-08-19; move to a supported release (1.27, 1.26)',
    ]);
  });

  it('reads package.json engines, .nvmrc (codenames too) and .tool-versions', () => {
    expect(
      run([
        {
          path: 'package.json',
          content: '{"engines": {"node": "^20 || >=22"}}',
        },
        { path: '.nvmrc', content: 'lts/iron\n' },
        { path: 'web/.nvmrc', content: 'v22.11.0\n' },
        {
          path: '.tool-versions',
          content:
            'nodejs 24.1.0\ngolang 1.25.3 # old\nkubectl 1.30.2\npython 3.12.1\n',
        },
      ]).messages,
    ).toEqual([
      'package.json: engines.node "^20 || >=22" admits Node.js 20: Node.js 20 reached end of life on 2026-04-30; move to a supported release (24, 22)',
      '.nvmrc: .nvmrc names lts/iron: Node.js 20 reached end of life on 2026-04-30; move to a supported release (24, 22)',
      '.tool-versions: line 2: golang 1.25.3: Go 1.25 reached end of life on 2026-08-19; move to a supported release (1.27, 1.26)',
      '.tool-versions: line 3: kubectl 1.30.2: Kubernetes 1.30 reached end of life on 2025-07-15',
    ]);
  });

  it('passes supported versions, and does not apply where it finds none it knows', () => {
    expect(
      run([
        { path: 'Dockerfile', content: 'FROM node:22-alpine\n' },
        { path: 'go.mod', content: 'module x\n\ngo 1.26\n' },
      ]),
    ).toEqual({
      status: 'pass',
      messages: [
        'Dockerfile: line 1: FROM node:22-alpine: Node.js 22 is supported until 2027-04-30',
        'go.mod: line 3: go 1.26: Go 1.26 is supported',
      ],
    });
    expect(
      run([
        { path: 'Dockerfile', content: 'FROM python:3.12\n' },
        { path: 'package.json', content: '{"engines": {"node": "*"}}' },
        { path: 'broken/package.json', content: '{' },
      ]).status,
    ).toBe('not-applicable');
  });

  it('judges on the day it is given: a version fails from its end-of-life date', () => {
    const files = [{ path: 'Dockerfile', content: 'FROM node:22\n' }];
    expect(run(files, '2027-04-29').status).toBe('pass');
    expect(run(files, '2027-04-30').status).toBe('fail');
  });

  it('finds the lowest major a range admits', () => {
    expect(lowestMajor('>=20.12')).toBe('20');
    expect(lowestMajor('^16 || ^18 || >=20')).toBe('16');
    expect(lowestMajor('22.x')).toBe('22');
    expect(lowestMajor('*')).toBeUndefined();
  });
});
