import { evaluateRules, parseManifests } from '../engine';
import { circleciDeployFilteredRule } from './circleci-deploy-filtered';

const run = (content: string) =>
  evaluateRules(
    [circleciDeployFilteredRule],
    parseManifests([{ path: '.circleci/config.yml', content }]),
  )[0];

const config = (jobs: string) => `version: 2.1
jobs:
  rollout:
    docker: [{ image: cimg/node:22.11.0 }]
    steps: [checkout]
workflows:
  delivery:
    jobs:
${jobs}`;

describe('circleci-deploy-filtered', () => {
  it('passes deploys filtered to main or to release tags only; approvals and build jobs are not judged', () => {
    const result = run(
      config(`      - compile
      - compile:
          name: image
          context: product-catalog-registry
      - rollout:
          name: deploy-staging
          context: [deploy-staging, slack-alerts]
          filters:
            branches:
              only: main
      - approve-production:
          type: approval
      - rollout:
          name: deploy-production
          context: [deploy-production]
          filters:
            tags: { only: /^v\\d+\\.\\d+\\.\\d+$/ }
            branches: { ignore: /.*/ }
`),
    );
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        13,
        'workflow delivery, job deploy-staging deploys (it uses the deploy-staging context) only for the branches or tags its filters name',
      ],
      [
        21,
        'workflow delivery, job deploy-production deploys (it uses the deploy-production context) only for the branches or tags its filters name',
      ],
    ]);
  });

  it('fails a deploy job that runs for every branch, or whose filter matches every branch', () => {
    const result = run(
      config(`      - rollout:
          name: deploy-production
          context: deploy-production
      - rollout:
          name: release
          filters: { branches: { only: /.*/ } }
`),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        9,
        'workflow delivery, job deploy-production deploys (it uses the deploy-production context) for every branch: add filters: { branches: { only: main } }, or tags only with branches: { ignore: /.*/ }',
      ],
      [
        12,
        expect.stringContaining(
          'job release deploys (it is named release) for every branch',
        ),
      ],
    ]);
  });

  it('accepts a workflow whose when tests the branch', () => {
    const result = run(
      config(`      - rollout:
          name: deploy
          context: deploy-production
`).replace(
        '  delivery:\n',
        '  delivery:\n    when: { equal: [main, << pipeline.git.branch >>] }\n',
      ),
    );
    expect(result.status).toBe('pass');
  });
});
