import { evaluateRules, parseManifests } from '../engine';
import { tektonScriptParamsRule } from './tekton-script-params';

const run = (content: string) =>
  evaluateRules(
    [tektonScriptParamsRule],
    parseManifests([{ path: '.tekton/tasks.yaml', content }]),
  )[0];

describe('tekton-script-params', () => {
  it('passes params passed through env, and results and workspaces in the script', () => {
    const result = run(`apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: go-check
spec:
  params:
    - name: command
  steps:
    - name: run
      image: golang:1.27
      env:
        - name: CHECK
          value: $(params.command)
      script: |
        cd "$(workspaces.source.path)"
        go "\${CHECK}" ./... > "$(results.output.path)"
`);
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      {
        status: 'pass',
        file: '.tekton/tasks.yaml',
        object: 'Task/go-check',
        line: 14,
        column: 7,
        message: 'the task, step run takes no param into its script text',
      },
    ]);
  });

  it('fails $(params…) in a Task script and in a Pipeline inline taskSpec', () => {
    const result = run(`apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: deploy
spec:
  steps:
    - name: apply
      image: bitnami/kubectl:1.34
      script: kubectl set image deploy/orders app=$(params.image)
---
apiVersion: tekton.dev/v1
kind: Pipeline
metadata:
  name: release
spec:
  tasks:
    - name: notify
      taskSpec:
        steps:
          - image: curlimages/curl:8.11.1
            script: |
              curl -d "$(params['message'])" https://hooks.example.com
`);
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.object, f.line, f.message])).toEqual([
      [
        'Task/deploy',
        9,
        'the task, step apply puts $(params.image) into its script: set it as an env value (env: [{ name: X, value: $(params.image) }]) and read "$X" in the script',
      ],
      [
        'Pipeline/release',
        21,
        expect.stringContaining(
          "task notify, step 1 puts $(params['message']) into its script",
        ),
      ],
    ]);
  });
});
