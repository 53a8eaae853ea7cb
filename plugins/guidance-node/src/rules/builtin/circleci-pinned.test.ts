import { evaluateRules, parseManifests } from '../engine';
import { circleciPinnedRule } from './circleci-pinned';

const run = (content: string, path = '.circleci/config.yml') =>
  evaluateRules([circleciPinnedRule], parseManifests([{ path, content }]))[0];

describe('circleci-pinned', () => {
  it('passes full orb versions, tagged executor and job images, and inline orbs', () => {
    const result = run(`version: 2.1
orbs:
  slack: circleci/slack@5.1.1
  local:
    commands: {}
executors:
  node:
    docker:
      - image: cimg/node:22.11.0
jobs:
  test:
    docker:
      - image: cimg/node:22.11.0
      - image: cimg/postgres:16.4
    steps: [checkout]
workflows:
  ci:
    jobs: [test]
`);
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [3, 'orb slack: circleci/slack@5.1.1'],
      [9, 'executor node runs cimg/node:22.11.0'],
      [13, 'job test runs cimg/node:22.11.0'],
      [14, 'job test runs cimg/postgres:16.4'],
    ]);
  });

  it('fails @volatile, partial and missing orb versions, and latest or untagged images', () => {
    const result = run(
      `version: 2.1
orbs:
  node: circleci/node@volatile
  aws: circleci/aws-cli@4
  slack: circleci/slack
jobs:
  build:
    docker:
      - image: cimg/base:latest
      - image: redis
    steps: [checkout]
`,
      '.circleci/continue_config.yml',
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.file, f.line, f.message])).toEqual([
      [
        '.circleci/continue_config.yml',
        3,
        'orb node: circleci/node@volatile is @volatile, the newest release on every pipeline: pin the full version, e.g. circleci/node@6.1.0',
      ],
      [
        '.circleci/continue_config.yml',
        4,
        'orb aws: circleci/aws-cli@4 is @4, which moves to each new release it matches: pin the full version, e.g. circleci/node@6.1.0',
      ],
      [
        '.circleci/continue_config.yml',
        5,
        'orb slack: circleci/slack names no version: pin the full version, e.g. circleci/node@6.1.0',
      ],
      [
        '.circleci/continue_config.yml',
        9,
        'job build runs cimg/base:latest: name a version, e.g. cimg/node:22.11.0',
      ],
      [
        '.circleci/continue_config.yml',
        10,
        'job build runs redis (no tag means latest): name a version, e.g. cimg/node:22.11.0',
      ],
    ]);
  });

  it('does not apply outside .circleci/', () => {
    expect(
      run('orbs:\n  node: circleci/node@volatile\n', 'ci/config.yml').status,
    ).toBe('not-applicable');
  });
});
