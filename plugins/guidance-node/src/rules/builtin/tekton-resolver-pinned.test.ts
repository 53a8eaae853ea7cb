import { evaluateRules, parseManifests } from '../engine';
import { tektonResolverPinnedRule } from './tekton-resolver-pinned';

const run = (content: string) =>
  evaluateRules(
    [tektonResolverPinnedRule],
    parseManifests([{ path: 'tekton/pipeline.yaml', content }]),
  )[0];

const gitTask = (name: string, revision?: string) => `    - name: ${name}
      taskRef:
        resolver: git
        params:
          - name: url
            value: https://github.com/tektoncd-catalog/git-clone.git
${
  revision ? `          - name: revision\n            value: ${revision}\n` : ''
}          - name: pathInRepo
            value: task/git-clone/git-clone.yaml
`;

const pipeline = (tasks: string) => `apiVersion: tekton.dev/v1
kind: Pipeline
metadata:
  name: build-test-push
spec:
  tasks:
${tasks}`;

describe('tekton-resolver-pinned', () => {
  it('passes git tasks at a tag or commit, bundles with a digest, and in-cluster tasks', () => {
    const result = run(
      pipeline(
        [
          gitTask('fetch-source', 'v1.7.0'),
          gitTask('lint', '0123456789abcdef0123456789abcdef01234567'),
          `    - name: scan
      taskRef:
        resolver: bundles
        params:
          - { name: bundle, value: 'ghcr.io/acme/tasks:1.2.0@sha256:${'b'.repeat(
            64,
          )}' }
          - { name: name, value: scan }
    - name: vet
      taskRef:
        name: go-check
`,
        ].join(''),
      ),
    );
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.object, f.line, f.message])).toEqual([
      [
        'Pipeline/build-test-push',
        8,
        'task fetch-source resolves git https://github.com/tektoncd-catalog/git-clone.git at a fixed version',
      ],
      [
        'Pipeline/build-test-push',
        18,
        'task lint resolves git https://github.com/tektoncd-catalog/git-clone.git at a fixed version',
      ],
      [
        'Pipeline/build-test-push',
        28,
        'task scan resolves bundles scan at a fixed version',
      ],
    ]);
  });

  it('fails a git task on a branch or without a revision, and an untagged bundle in a PipelineRun', () => {
    const result = run(
      `${pipeline(gitTask('fetch-source', 'main') + gitTask('clone'))}---
apiVersion: tekton.dev/v1
kind: PipelineRun
metadata:
  name: nightly
spec:
  pipelineRef:
    resolver: bundles
    params:
      - { name: bundle, value: ghcr.io/acme/pipelines }
      - { name: name, value: nightly }
`,
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.object, f.line, f.message])).toEqual([
      [
        'Pipeline/build-test-push',
        8,
        'task fetch-source resolves git https://github.com/tektoncd-catalog/git-clone.git, which is at revision main, a branch or moving ref: pin a release tag or a commit SHA (params: revision: v1.7.0)',
      ],
      [
        'Pipeline/build-test-push',
        18,
        "task clone resolves git https://github.com/tektoncd-catalog/git-clone.git, which names no revision, so it follows the resolver's default branch: pin a release tag or a commit SHA (params: revision: v1.7.0)",
      ],
      [
        'PipelineRun/nightly',
        31,
        'the run resolves bundles nightly, which uses bundle ghcr.io/acme/pipelines without a version: pin a release tag or a commit SHA (params: revision: v1.7.0)',
      ],
    ]);
  });

  it('does not apply to pipelines that use only in-cluster tasks', () => {
    expect(
      run(pipeline('    - name: vet\n      taskRef:\n        name: go-check\n'))
        .status,
    ).toBe('not-applicable');
  });
});
