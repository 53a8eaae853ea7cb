import { evaluateRules, parseManifests } from '../engine';
import { buildkiteEnvSecretsRule } from './buildkite-env-secrets';

const run = (content: string) =>
  evaluateRules(
    [buildkiteEnvSecretsRule],
    parseManifests([{ path: '.buildkite/pipeline.yml', content }]),
  )[0];

describe('buildkite-env-secrets', () => {
  it('passes non-secret env, runtime $$ references and secrets fetched by a plugin', () => {
    const result = run(`env:
  IMAGE_REPO: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/checkout-api
steps:
  - label: deploy
    env:
      NPM_TOKEN: $$NPM_TOKEN
    plugins:
      - seek-oss/aws-sm#v2.3.3:
          env:
            DEPLOY_WEBHOOK_TOKEN: prod/checkout-api/deploy-webhook-token
`);
    expect(result.status).toBe('pass');
    expect(result.findings[0].message).toBe('no env block holds a secret');
  });

  it('fails literal and upload-time secrets in pipeline, step, group and trigger env', () => {
    const result = run(`env:
  REGISTRY_PASSWORD: hunter2
steps:
  - group: release
    steps:
      - label: deploy
        env:
          DEPLOY_TOKEN: $DEPLOY_TOKEN
  - trigger: checkout-api-e2e
    build:
      env:
        E2E_API_KEY: abc
`);
    expect(result.status).toBe('fail');
    expect(result.findings.map(f => [f.line, f.message])).toEqual([
      [
        2,
        'the pipeline sets REGISTRY_PASSWORD in env: fetch it on the agent for the step that needs it (a secrets plugin such as seek-oss/aws-sm, an environment hook, or buildkite-agent secret get)',
      ],
      [
        8,
        'step "deploy" sets DEPLOY_TOKEN in env from a variable that is filled in at upload, so its value is stored with the pipeline: fetch it on the agent for the step that needs it (a secrets plugin such as seek-oss/aws-sm, an environment hook, or buildkite-agent secret get)',
      ],
      [
        12,
        expect.stringContaining(
          'step "checkout-api-e2e" (the build it triggers) sets E2E_API_KEY in env',
        ),
      ],
    ]);
  });
});
