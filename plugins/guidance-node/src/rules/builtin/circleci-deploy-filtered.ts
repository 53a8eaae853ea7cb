import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { circleConfigsOf } from './circleci';
import { yamlPositionFinder } from './yamlPositionFinder';

/** `deploy-production`, `prod`, `release_keys`; not `product-catalog`. */
const DEPLOY_CONTEXT = /(^|[-_])(deploy|prod|production|release)([-_]|$)/i;
const DEPLOY_NAME = /\b(deploy|release|rollout)\b|^deploy|deploy$/i;
/** A workflow condition on the branch or tag the pipeline runs for. */
const REF_CONDITION = /pipeline\.git\.(branch|tag)/;

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string',
  );

/** Whether a job's filters keep it to named branches, or to tags only. */
function filtered(filters: unknown): boolean {
  if (!isRecord(filters) || !isRecord(filters.branches)) return false;
  const only = asList(filters.branches.only);
  if (only.length > 0) return only.every(b => b !== '/.*/');
  return asList(filters.branches.ignore).includes('/.*/');
}

/**
 * A job that deploys with a context's credentials runs, unless filtered, for every branch that
 * builds: a feature branch (or a pull request from a branch in the repository) deploys too.
 */
export const circleciDeployFilteredRule: GuidanceRule = {
  id: 'circleci-deploy-filtered',
  title: 'CircleCI deploy jobs run only for named branches or release tags',
  severity: 'error',
  fileKinds: ['circleci'],
  article: {
    id: 'circleci-pipeline-patterns',
    section: 'rule-circleci-deploy-filtered',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const config of circleConfigsOf(input)) {
      const workflows = isRecord(config.body.workflows)
        ? config.body.workflows
        : {};
      for (const [workflow, spec] of Object.entries(workflows)) {
        if (!isRecord(spec) || !Array.isArray(spec.jobs)) continue;
        const guardedWorkflow =
          REF_CONDITION.test(JSON.stringify(spec.when ?? '')) ||
          REF_CONDITION.test(JSON.stringify(spec.unless ?? ''));
        spec.jobs.forEach((entry: unknown, i: number) => {
          if (!isRecord(entry)) return; // a bare job name has no context
          const [job, options] = Object.entries(entry)[0] ?? [];
          if (!job || !isRecord(options) || options.type === 'approval') return;
          const name = typeof options.name === 'string' ? options.name : job;
          const contexts = asList(options.context);
          const deployContext = contexts.find(c => DEPLOY_CONTEXT.test(c));
          if (!deployContext && !DEPLOY_NAME.test(name)) return;
          const why = deployContext
            ? `uses the ${deployContext} context`
            : `is named ${name}`;
          const ok = guardedWorkflow || filtered(options.filters);
          findings.push({
            status: ok ? 'pass' : 'fail',
            file: config.file,
            ...(positionOf(config.file, config.index, [
              'workflows',
              workflow,
              'jobs',
              i,
            ]) ?? {}),
            message: ok
              ? `workflow ${workflow}, job ${name} deploys (it ${why}) only for the branches or tags its filters name`
              : `workflow ${workflow}, job ${name} deploys (it ${why}) for every branch: add filters: { branches: { only: main } }, or tags only with branches: { ignore: /.*/ }`,
          });
        });
      }
    }
    return findings;
  },
};
