import { evaluateRules, parseManifests } from '../engine';
import { actionsPinnedRule } from './actions-pinned';

const workflow = (uses: string[]) =>
  [
    'on: push',
    'permissions: { contents: read }',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    ...uses.map(u => `      - uses: ${u}`),
    '  release:',
    '    uses: acme/workflows/.github/workflows/release.yml@main',
  ].join('\n');

const run = (content: string) =>
  evaluateRules(
    [actionsPinnedRule],
    parseManifests([{ path: '.github/workflows/ci.yml', content }]),
  )[0];

describe('actions-pinned', () => {
  it('passes a full commit SHA, a release tag, a local action and a tagged image', () => {
    const result = run(
      workflow([
        'actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955',
        'aws-actions/configure-aws-credentials@v6',
        'actions/setup-go@v6.1.0',
        './.github/actions/lint',
        'docker://alpine:3.22',
      ]).replace('@main', '@v2'),
    );
    expect(result.status).toBe('pass');
    expect(result.findings).toHaveLength(6);
  });

  it('fails a branch, a missing ref and a reusable workflow on main, naming job and step', () => {
    const result = run(
      workflow([
        'actions/checkout@main',
        'acme/setup-tools',
        'docker://alpine',
      ]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.file, f.message])).toEqual([
      [
        '.github/workflows/ci.yml',
        'job build, step 1 uses actions/checkout@main: "main", a branch or moving ref; pin a full commit SHA (with the version in a comment) or at least a release tag',
      ],
      [
        '.github/workflows/ci.yml',
        'job build, step 2 uses acme/setup-tools: no ref at all; pin a full commit SHA (with the version in a comment) or at least a release tag',
      ],
      [
        '.github/workflows/ci.yml',
        'job build, step 3 uses docker://alpine: an image without a version; pin a full commit SHA (with the version in a comment) or at least a release tag',
      ],
      [
        '.github/workflows/ci.yml',
        'job release uses acme/workflows/.github/workflows/release.yml@main: "main", a branch or moving ref; pin a full commit SHA (with the version in a comment) or at least a release tag',
      ],
    ]);
  });

  it('does not apply without workflows, nor to YAML outside .github/workflows', () => {
    const result = evaluateRules(
      [actionsPinnedRule],
      parseManifests([
        { path: 'deploy/ci.yml', content: workflow(['actions/checkout@main']) },
      ]),
    )[0];
    expect(result.status).toBe('not-applicable');
  });
});
