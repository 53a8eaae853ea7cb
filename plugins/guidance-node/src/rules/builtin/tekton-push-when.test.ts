import { evaluateRules, parseManifests } from '../engine';
import { tektonPushWhenRule } from './tekton-push-when';

const run = (content: string) =>
  evaluateRules(
    [tektonPushWhenRule],
    parseManifests([{ path: '.tekton/pipeline.yaml', content }]),
  )[0];

const pipeline = (tasks: string) => `apiVersion: tekton.dev/v1
kind: Pipeline
metadata:
  name: build-test-push
spec:
  tasks:
${tasks}`;

const buildahTask = `---
apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: buildah-build-push
spec:
  steps:
    - name: build-and-push
      image: quay.io/buildah/stable:v1.39.0
      script: |
        buildah --storage-driver=overlay build -t "\${IMAGE}" .
        buildah --storage-driver=overlay push "\${IMAGE}" "docker://\${IMAGE}"
`;

describe('tekton-push-when', () => {
  it('passes a pushing task guarded by when, whether it names a Task, a catalog task or runs kaniko', () => {
    const result = run(
      pipeline(`    - name: build-push
      when:
        - { input: $(params.git-ref), operator: in, values: ["refs/heads/main"] }
      taskRef: { name: buildah-build-push }
    - name: kaniko
      when:
        - { input: $(params.push), operator: in, values: ["true"] }
      taskSpec:
        steps:
          - image: gcr.io/kaniko-project/executor:v1.23.2
            args: [--destination=registry.example.com/orders:abc]
    - name: test
      taskRef: { name: go-check }
`) + buildahTask,
    );
    expect(result.status).toBe('pass');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        7,
        'task build-push pushes an image (its script runs buildah --storage-driver=overlay push) only when its when expressions allow',
      ],
      [
        11,
        'task kaniko pushes an image (it runs kaniko with a --destination) only when its when expressions allow',
      ],
    ]);
  });

  it('fails a pushing task without when, from a local Task or the git resolver', () => {
    const result = run(
      pipeline(`    - name: build-push
      taskRef: { name: buildah-build-push }
    - name: catalog-build
      taskRef:
        resolver: git
        params:
          - { name: url, value: https://github.com/tektoncd-catalog/buildah.git }
          - { name: revision, value: v0.9.0 }
          - { name: pathInRepo, value: task/buildah/buildah.yaml }
`) + buildahTask,
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.object, f.line, f.message])).toEqual([
      [
        'Pipeline/build-test-push',
        7,
        'task build-push pushes an image (its script runs buildah --storage-driver=overlay push) on every run, pull requests included: add when: [{ input: $(params.git-ref), operator: in, values: ["refs/heads/main"] }]',
      ],
      [
        'Pipeline/build-test-push',
        9,
        expect.stringContaining(
          'task catalog-build pushes an image (it runs the buildah task) on every run',
        ),
      ],
    ]);
  });

  it('does not apply to pipelines that push nothing', () => {
    expect(
      run(pipeline('    - name: test\n      taskRef: { name: go-check }\n'))
        .status,
    ).toBe('not-applicable');
  });
});
