import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { buildkitePipelinesOf, stepsOf } from './buildkite';
import { isSecretName } from './secretNames';
import { yamlPositionFinder } from './yamlPositionFinder';

/**
 * `env:` in pipeline.yml is uploaded to Buildkite, shown in the build's pipeline and, with `$VAR`,
 * filled in from the uploading agent's environment at upload time: a secret there is stored and
 * displayed outside your secrets manager. `$$VAR` is left for the job to read at run time.
 */
export const buildkiteEnvSecretsRule: GuidanceRule = {
  id: 'buildkite-env-secrets',
  title: 'Buildkite pipelines put no secrets in env blocks',
  severity: 'error',
  fileKinds: ['buildkite'],
  article: {
    id: 'buildkite-pipeline-patterns',
    section: 'rule-buildkite-env-secrets',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const pipeline of buildkitePipelinesOf(input)) {
      const envs: { env: unknown; path: (string | number)[]; owner: string }[] =
        [{ env: pipeline.env, path: ['env'], owner: 'the pipeline' }];
      for (const { step, path, label } of stepsOf(pipeline)) {
        envs.push({ env: step.env, path: [...path, 'env'], owner: label });
        if (isRecord(step.build))
          envs.push({
            env: step.build.env,
            path: [...path, 'build', 'env'],
            owner: `${label} (the build it triggers)`,
          });
      }
      const before = findings.length;
      for (const { env, path, owner } of envs) {
        if (!isRecord(env)) continue;
        for (const [name, value] of Object.entries(env)) {
          if (!isSecretName(name) || value === '' || value === null) continue;
          if (typeof value === 'string' && value.startsWith('$$')) continue;
          const interpolated =
            typeof value === 'string' && value.startsWith('$');
          findings.push({
            status: 'fail',
            file: pipeline.file,
            ...(positionOf(pipeline.file, pipeline.index, [...path, name]) ??
              {}),
            message: `${owner} sets ${name} in env${
              interpolated
                ? ' from a variable that is filled in at upload, so its value is stored with the pipeline'
                : ''
            }: fetch it on the agent for the step that needs it (a secrets plugin such as seek-oss/aws-sm, an environment hook, or buildkite-agent secret get)`,
          });
        }
      }
      if (findings.length === before) {
        findings.push({
          status: 'pass',
          file: pipeline.file,
          message: 'no env block holds a secret',
        });
      }
    }
    return findings;
  },
};
