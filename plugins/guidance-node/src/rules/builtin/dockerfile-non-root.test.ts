import { evaluateRules, parseManifests } from '../engine';
import { dockerfileNonRootRule } from './dockerfile-non-root';

const run = (content: string, path = 'Dockerfile') =>
  evaluateRules(
    [dockerfileNonRootRule],
    parseManifests([{ path, content }]),
  )[0];

describe('dockerfile-non-root', () => {
  it('passes a numeric USER in the final stage, and a distroless nonroot image without one', () => {
    const result = run(
      [
        'FROM golang:1.27-trixie AS build',
        'USER root',
        'RUN go build -o /out/server .',
        '',
        'FROM gcr.io/distroless/static-debian13:nonroot',
        'COPY --from=build /out/server /server',
        'USER 65532:65532',
      ].join('\n'),
    );
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      {
        status: 'pass',
        file: 'Dockerfile',
        line: 7,
        column: 1,
        message: 'the final image runs as USER 65532:65532',
      },
    ]);
    expect(
      run('FROM gcr.io/distroless/nodejs24-debian13:nonroot\nCMD ["main.js"]')
        .findings[0].message,
    ).toBe(
      'the final image runs as the non-root user of gcr.io/distroless/nodejs24-debian13:nonroot',
    );
  });

  it('follows the final stage back to the stage it is built on, and reads USER from a build argument default', () => {
    const result = run(
      [
        'FROM node:24-trixie-slim AS base',
        'USER node',
        'FROM base AS final',
        'ARG UID=10001',
        'USER ${UID}',
      ].join('\n'),
    );
    expect(result.status).toBe('pass');
    expect(result.findings[0].message).toBe(
      'the final image runs as USER 10001',
    );
  });

  it('fails a final stage without USER, and USER root or 0 after a non-root one, with the line', () => {
    const missing = run(
      'FROM node:24-trixie-slim AS build\nUSER node\nFROM node:24-trixie-slim\nCMD ["node", "main.js"]',
    );
    expect(missing.status).toBe('fail');
    expect(missing.findings).toEqual([
      {
        status: 'fail',
        file: 'Dockerfile',
        line: 3,
        column: 1,
        message:
          "the final stage (FROM node:24-trixie-slim) sets no USER, so it runs as node:24-trixie-slim's user, root for most images: add USER with a numeric non-root UID, e.g. USER 65532:65532",
      },
    ]);
    for (const user of ['root', '0:0', 'ROOT']) {
      const root = run(
        `FROM alpine:3.22\nUSER 10001\n# a comment\nRUN apk add --no-cache curl \\\n  jq\nUSER ${user}`,
        'services/api/Dockerfile.prod',
      );
      expect(root.status).toBe('fail');
      expect(root.findings[0]).toMatchObject({
        file: 'services/api/Dockerfile.prod',
        line: 6,
        message: expect.stringContaining(`runs as USER ${user} (root)`),
      });
    }
  });

  it('says it cannot tell when USER comes from a build argument without a default', () => {
    const result = run('FROM alpine:3.22\nARG UID\nUSER $UID');
    expect(result.status).toBe('not-applicable');
    expect(result.findings[0].message).toContain(
      'build argument without a default',
    );
  });

  it('does not apply without a Dockerfile, nor to a .dockerignore', () => {
    expect(run('node_modules\n', 'Dockerfile.dockerignore').status).toBe(
      'not-applicable',
    );
    expect(
      evaluateRules([dockerfileNonRootRule], parseManifests([]))[0].status,
    ).toBe('not-applicable');
  });
});
