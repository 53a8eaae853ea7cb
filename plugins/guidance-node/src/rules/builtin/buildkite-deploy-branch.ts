import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { buildkitePipelinesOf, stepsOf } from './buildkite';
import { yamlPositionFinder } from './yamlPositionFinder';

const DEPLOY_WORDS = /\b(deploy|release|rollout|publish)\b/i;
/** An `if` that tells the default branch or a tag from a pull request's branch. */
const BRANCH_TEST = /build\.(branch|tag|pull_request)|pipeline\.default_branch/;

/** Why a step deploys, or undefined: its queue, its concurrency group, or its name. */
function deploys(step: Record<string, any>): string | undefined {
  if (
    step.block !== undefined ||
    step.wait !== undefined ||
    step.input !== undefined
  )
    return undefined;
  if (step.trigger !== undefined || Array.isArray(step.steps)) return undefined;
  const queue = isRecord(step.agents) ? step.agents.queue : undefined;
  if (typeof queue === 'string' && /deploy|release|prod/i.test(queue))
    return `it runs on the ${queue} queue`;
  if (typeof step.concurrency_group === 'string')
    return `it holds the concurrency group ${step.concurrency_group}`;
  const name = [step.key, step.label]
    .filter(v => typeof v === 'string')
    .join(' ');
  return DEPLOY_WORDS.test(name) ? `it is named "${name}"` : undefined;
}

/** Whether `branches` names branches (`main`, `main release/*`) rather than every branch. */
function restrictsBranches(branches: unknown): boolean {
  const patterns = (Array.isArray(branches) ? branches : [branches])
    .filter((b): b is string => typeof b === 'string')
    .flatMap(b => b.split(/\s+/))
    .filter(Boolean);
  return (
    patterns.length > 0 && patterns.every(p => !p.startsWith('!') && p !== '*')
  );
}

/**
 * Buildkite builds pull requests with the same pipeline: a deploy step without a branch
 * condition deploys a pull request's code, on the agents that hold production credentials.
 */
export const buildkiteDeployBranchRule: GuidanceRule = {
  id: 'buildkite-deploy-branch',
  title: 'Buildkite deploy steps run only for the default branch',
  severity: 'error',
  fileKinds: ['buildkite'],
  article: {
    id: 'buildkite-pipeline-patterns',
    section: 'rule-buildkite-deploy-branch',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const pipeline of buildkitePipelinesOf(input)) {
      for (const { step, path, label } of stepsOf(pipeline)) {
        const why = deploys(step);
        if (!why) continue;
        const guarded =
          restrictsBranches(step.branches) ||
          (typeof step.if === 'string' && BRANCH_TEST.test(step.if));
        findings.push({
          status: guarded ? 'pass' : 'fail',
          file: pipeline.file,
          ...(positionOf(pipeline.file, pipeline.index, path) ?? {}),
          message: guarded
            ? `${label} deploys (${why}) only on the branches it names`
            : `${label} deploys (${why}) on every branch, pull requests included: add branches: main, or if: build.branch == pipeline.default_branch, behind a block step`,
        });
      }
    }
    return findings;
  },
};
