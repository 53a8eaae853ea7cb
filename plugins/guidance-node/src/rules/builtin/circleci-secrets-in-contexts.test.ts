import { evaluateRules, parseManifests } from '../engine';
import { circleciSecretsInContextsRule } from './circleci-secrets-in-contexts';

const run = (content: string) =>
  evaluateRules(
    [circleciSecretsInContextsRule],
    parseManifests([{ path: '.circleci/config.yml', content }]),
  )[0];

describe('circleci-secrets-in-contexts', () => {
  it('passes settings, references to variables and parameters, and a service container password', () => {
    const result = run(`version: 2.1
jobs:
  test:
    docker:
      - image: cimg/node:22.11.0
        environment:
          DATABASE_URL: postgres://app@localhost/app_test
          NPM_TOKEN: $NPM_TOKEN
      - image: cimg/postgres:16.4
        environment:
          POSTGRES_PASSWORD: app
    environment:
      JEST_JUNIT_OUTPUT_DIR: ./reports
    steps:
      - run:
          command: ./deploy.sh
          environment:
            DEPLOY_TOKEN: << parameters.token >>
workflows:
  ci:
    jobs:
      - test:
          context: [deploy-staging]
`);
    expect(result.status).toBe('pass');
    expect(result.findings[0].message).toBe(
      'no credential is written in an environment block',
    );
  });

  it('fails credentials written in executors, jobs and run steps, at their lines', () => {
    const result = run(`version: 2.1
executors:
  deployer:
    docker:
      - image: cimg/aws:2025.01
    environment:
      AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI
jobs:
  deploy:
    executor: deployer
    steps:
      - run:
          command: ./deploy.sh
          environment:
            SLACK_ACCESS_TOKEN: xoxb-123
`);
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        7,
        'executor deployer writes AWS_SECRET_ACCESS_KEY in the config: keep it in a restricted context the workflow names (context: [...]), or better an OIDC role reference',
      ],
      [
        15,
        'job deploy, step 1 writes SLACK_ACCESS_TOKEN in the config: keep it in a restricted context the workflow names (context: [...]), or better an OIDC role reference',
      ],
    ]);
  });
});
