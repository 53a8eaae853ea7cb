import { evaluateRules, parseManifests } from '../engine';
import { buildkiteDeployBranchRule } from './buildkite-deploy-branch';

const run = (content: string) =>
  evaluateRules(
    [buildkiteDeployBranchRule],
    parseManifests([{ path: '.buildkite/pipeline.yml', content }]),
  )[0];

describe('buildkite-deploy-branch', () => {
  it('passes deploy steps limited by branches or by an if on the branch; other steps are not judged', () => {
    const result = run(`steps:
  - label: ":test_tube: unit tests"
    command: make test
  - block: ":rocket: Release to production?"
    key: release-gate
    branches: main
  - label: ":shipit: deploy to production"
    key: deploy
    depends_on: release-gate
    branches: main
    command: .buildkite/steps/deploy.sh production
    agents: { queue: deploy }
    concurrency: 1
    concurrency_group: checkout-api/deploy-production
  - label: staging
    if: build.branch == pipeline.default_branch
    command: .buildkite/steps/deploy.sh staging
    concurrency_group: checkout-api/deploy-staging
`);
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        7,
        'step ":shipit: deploy to production" deploys (it runs on the deploy queue) only on the branches it names',
      ],
      [
        15,
        'step "staging" deploys (it holds the concurrency group checkout-api/deploy-staging) only on the branches it names',
      ],
    ]);
  });

  it('fails a deploy step on every branch, or on all but one, inside a group too', () => {
    const result = run(`steps:
  - group: release
    steps:
      - label: deploy to production
        command: ./deploy.sh
      - label: hotfix
        branches: "!main"
        command: ./hotfix.sh
        agents: { queue: prod-deploy }
`);
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        4,
        'step "deploy to production" deploys (it is named "deploy to production") on every branch, pull requests included: add branches: main, or if: build.branch == pipeline.default_branch, behind a block step',
      ],
      [
        6,
        expect.stringContaining(
          'step "hotfix" deploys (it runs on the prod-deploy queue) on every branch',
        ),
      ],
    ]);
  });

  it('does not apply to a pipeline that deploys nothing', () => {
    expect(run('steps:\n  - command: make test\n').status).toBe(
      'not-applicable',
    );
  });
});
