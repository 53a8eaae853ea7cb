import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { eventsOf, workflowsOf } from './github-actions';
import { yamlPositionFinder } from './yamlPositionFinder';

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/** Shell commands that publish an image. */
const PUSH_COMMAND =
  /\b(docker|podman|buildah)\s+(image\s+)?push\b|\bdocker\s+buildx\s+build\b[^\n]*--push\b|\bcrane\s+push\b/;
/** An expression that tells a pull request from a push to a branch. */
const EVENT_OR_REF_TEST =
  /github\.(event_name|ref|ref_name|ref_type|base_ref)\b|default_branch/;

/** Why a step publishes an image, or undefined; a push guarded by an expression does not count. */
function pushes(step: Record<string, any>): string | undefined {
  if (
    typeof step.uses === 'string' &&
    /^docker\/build-push-action@/i.test(step.uses)
  ) {
    const push = isRecord(step.with) ? step.with.push : undefined;
    if (push === true || String(push).trim() === 'true') {
      return `${step.uses} with push: true`;
    }
    return undefined; // false, unset, or an expression such as github.event_name != 'pull_request'
  }
  if (typeof step.run === 'string') {
    const match = PUSH_COMMAND.exec(step.run);
    if (match) return `run: ${match[0]}`;
  }
  return undefined;
}

const guards = (condition: unknown) =>
  typeof condition === 'string' && EVENT_OR_REF_TEST.test(condition);

/**
 * A workflow that runs for pull requests and pushes an image publishes code nobody has reviewed
 * to the registry the deployments pull from. Publish from the default branch (or release tags),
 * and only build on pull requests.
 */
export const actionsPushDefaultBranchRule: GuidanceRule = {
  id: 'actions-push-default-branch',
  title:
    'GitHub Actions workflows push images only from the default branch, never from pull requests',
  severity: 'error',
  fileKinds: ['github-actions'],
  article: {
    id: 'oauth2-oidc-infrastructure',
    section: 'rule-actions-push-default-branch',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const workflow of workflowsOf(input)) {
      const events = eventsOf(workflow).filter(e =>
        PULL_REQUEST_EVENTS.includes(e),
      );
      for (const [job, spec] of Object.entries(workflow.body.jobs)) {
        if (!isRecord(spec) || !Array.isArray(spec.steps)) continue;
        spec.steps.forEach((step: unknown, i: number) => {
          if (!isRecord(step)) return;
          const how = pushes(step);
          if (!how) return;
          const path = ['jobs', job, 'steps', i];
          const where = `job ${job}, ${
            typeof step.name === 'string' ? step.name : `step ${i + 1}`
          }`;
          const position =
            positionOf(workflow.file, workflow.index, path) ?? {};
          const base = { file: workflow.file, ...position };
          if (events.length === 0) {
            findings.push({
              ...base,
              status: 'pass',
              message: `${where} pushes (${how}) in a workflow that does not run on pull requests`,
            });
          } else if (guards(spec.if) || guards(step.if)) {
            findings.push({
              ...base,
              status: 'pass',
              message: `${where} pushes (${how}) only when its if: condition allows`,
            });
          } else {
            findings.push({
              ...base,
              status: 'fail',
              message: `${where} pushes an image (${how}) and the workflow runs on ${events.join(
                ', ',
              )}: push only from the default branch, e.g. if: github.event_name == 'push' && github.ref == 'refs/heads/main', or push: \${{ github.event_name != 'pull_request' }}`,
            });
          }
        });
      }
    }
    return findings;
  },
};
