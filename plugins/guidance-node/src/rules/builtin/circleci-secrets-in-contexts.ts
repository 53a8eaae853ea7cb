import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { CircleConfig, circleConfigsOf, dockerImagesOf } from './circleci';
import { isSecretName } from './secretNames';
import { yamlPositionFinder } from './yamlPositionFinder';

type Environment = { map: unknown; path: (string | number)[]; owner: string };

/** Every `environment:` a job's commands see: executors, jobs, primary images and run steps. */
function environmentsOf(config: CircleConfig): Environment[] {
  const found: Environment[] = [];
  for (const section of ['executors', 'jobs', 'commands'] as const) {
    const entries = isRecord(config.body[section]) ? config.body[section] : {};
    for (const [name, spec] of Object.entries(entries)) {
      if (!isRecord(spec)) continue;
      const owner = `${section.replace(/s$/, '')} ${name}`;
      found.push({
        map: spec.environment,
        path: [section, name, 'environment'],
        owner,
      });
      (Array.isArray(spec.steps) ? spec.steps : []).forEach(
        (step: unknown, i: number) => {
          const run =
            isRecord(step) && isRecord(step.run) ? step.run : undefined;
          if (run)
            found.push({
              map: run.environment,
              path: [section, name, 'steps', i, 'run', 'environment'],
              owner: `${owner}, step ${i + 1}`,
            });
        },
      );
    }
  }
  // the primary container runs the steps; secondary ones are throw-away services of the job
  for (const image of dockerImagesOf(config).filter(i => i.index === 0)) {
    found.push({
      map: image.environment,
      path: [...image.path, 'environment'],
      owner: `${image.owner}, primary container`,
    });
  }
  return found;
}

/**
 * A credential written in `.circleci/config.yml` is in Git for good and goes to every branch and
 * fork that builds; contexts hand it only to the jobs a workflow names, restricted to a group.
 */
export const circleciSecretsInContextsRule: GuidanceRule = {
  id: 'circleci-secrets-in-contexts',
  title: 'CircleCI configs write no credentials in environment blocks',
  severity: 'error',
  fileKinds: ['circleci'],
  article: {
    id: 'circleci-pipeline-patterns',
    section: 'rule-circleci-secrets-in-contexts',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const config of circleConfigsOf(input)) {
      const before = findings.length;
      for (const { map, path, owner } of environmentsOf(config)) {
        if (!isRecord(map)) continue;
        for (const [name, value] of Object.entries(map)) {
          if (!isSecretName(name) || value === '' || value === null) continue;
          // << parameters.x >> and $VAR take the value from elsewhere
          if (typeof value === 'string' && /<<|\$/.test(value)) continue;
          findings.push({
            status: 'fail',
            file: config.file,
            ...(positionOf(config.file, config.index, [...path, name]) ?? {}),
            message: `${owner} writes ${name} in the config: keep it in a restricted context the workflow names (context: [...]), or better an OIDC role reference`,
          });
        }
      }
      if (findings.length === before) {
        findings.push({
          status: 'pass',
          file: config.file,
          message: 'no credential is written in an environment block',
        });
      }
    }
    return findings;
  },
};
