import { evaluateRules, parseManifests } from '../engine';
import { buildkitePluginsPinnedRule } from './buildkite-plugins-pinned';

const run = (content: string, path = '.buildkite/pipeline.yml') =>
  evaluateRules(
    [buildkitePluginsPinnedRule],
    parseManifests([{ path, content }]),
  )[0];

describe('buildkite-plugins-pinned', () => {
  it('passes release tags and commit SHAs, in groups, lists and maps', () => {
    const result = run(`steps:
  - group: checks
    steps:
      - label: lint
        plugins:
          - docker#v5.13.0:
              image: golangci/golangci-lint:v1.62.2
  - label: deploy
    plugins:
      seek-oss/aws-sm#v2.3.3:
        env: { DEPLOY_WEBHOOK_TOKEN: prod/checkout-api/deploy-webhook-token }
  - label: sha
    plugins:
      - "acme/tool#${'0123456789abcdef0123456789abcdef01234567'}"
`);
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [6, 'step "lint" uses plugin docker#v5.13.0'],
      [10, 'step "deploy" uses plugin seek-oss/aws-sm#v2.3.3'],
      [
        14,
        'step "sha" uses plugin acme/tool#0123456789abcdef0123456789abcdef01234567',
      ],
    ]);
  });

  it('fails a plugin without a version and one on a branch', () => {
    const result = run(
      `steps:
  - label: tests
    plugins:
      - docker-compose:
          run: app
      - acme/cache#main
`,
      '.buildkite/pipeline.tests.yml',
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.file, f.line, f.message])).toEqual([
      [
        '.buildkite/pipeline.tests.yml',
        4,
        'step "tests" uses plugin docker-compose, which has no #version, so the agent clones the plugin\'s default branch: pin a release tag, e.g. docker#v5.13.0',
      ],
      [
        '.buildkite/pipeline.tests.yml',
        6,
        'step "tests" uses plugin acme/cache#main, which is at #main, a branch or moving ref: pin a release tag, e.g. docker#v5.13.0',
      ],
    ]);
  });

  it('does not apply to a Compose file under .buildkite/ or to YAML elsewhere', () => {
    expect(
      run(
        'services:\n  app:\n    image: golang:1.27\n',
        '.buildkite/docker-compose.yml',
      ).status,
    ).toBe('not-applicable');
    expect(
      run('steps:\n  - plugins: [docker]\n', 'ci/pipeline.yml').status,
    ).toBe('not-applicable');
  });
});
