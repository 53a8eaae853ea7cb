import { evaluateRules, parseManifests } from '../engine';
import { dockerfileSecretsRule } from './dockerfile-secrets';

const run = (content: string) =>
  evaluateRules(
    [dockerfileSecretsRule],
    parseManifests([{ path: 'Dockerfile', content }]),
  )[0];

describe('dockerfile-secrets', () => {
  it('passes ordinary settings, paths to mounted secrets and public keys', () => {
    const result = run(
      [
        'FROM node:24-trixie-slim',
        'ARG NODE_VERSION=24',
        'ENV NODE_ENV=production DB_PASSWORD_FILE=/run/secrets/db',
        'ENV COSIGN_PUBLIC_KEY=/etc/cosign.pub',
        'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
      ].join('\n'),
    );
    expect(result.status).toBe('pass');
    expect(result.findings[0].message).toBe('no ENV or ARG names a secret');
  });

  it('fails secret-named ENV and ARG (with or without a value), naming each at its line and column', () => {
    const result = run(
      [
        'FROM node:24-trixie-slim AS build',
        'ARG NPM_TOKEN',
        'ENV LOG_LEVEL=info \\',
        '    API_TOKEN=abc123',
        'ENV AWS_SECRET_ACCESS_KEY wJalr',
        'FROM alpine:3.22',
        'ARG DB_PASSWORD="changeme"',
        'ARG STRIPE_KEY',
      ].join('\n'),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.column, f.message])).toEqual([
      [
        2,
        5,
        'ARG NPM_TOKEN ends up in the image history of every RUN that uses it: pass it with RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN at build time, or from a Secret at run time',
      ],
      [
        4,
        5,
        'ENV API_TOKEN stores its value in the image configuration, readable by anyone who can pull the image: pass it with RUN --mount=type=secret,id=api_token,env=API_TOKEN at build time, or from a Secret at run time',
      ],
      [
        5,
        5,
        expect.stringContaining('ENV AWS_SECRET_ACCESS_KEY stores its value'),
      ],
      [
        7,
        5,
        expect.stringContaining(
          'ARG DB_PASSWORD has a default written in the Dockerfile and ends up',
        ),
      ],
      [8, 5, expect.stringContaining('ARG STRIPE_KEY ends up')],
    ]);
  });
});
