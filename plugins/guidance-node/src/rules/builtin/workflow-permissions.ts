import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { workflowsOf } from './github-actions';

/** What is wrong with a permissions value: `write-all`, or none at all; undefined when it is explicit. */
function describe(permissions: unknown): string | undefined {
  if (permissions === 'write-all') return 'grants write-all';
  if (typeof permissions === 'string') return undefined; // read-all, or an expression
  if (isRecord(permissions)) return undefined;
  return 'declares no permissions';
}

/**
 * Without `permissions` a job's GITHUB_TOKEN gets the repository's default, which on older
 * repositories and organisations is read and write on everything. Declaring it makes the
 * token hold only what the job needs.
 */
export const workflowPermissionsRule: GuidanceRule = {
  id: 'workflow-permissions',
  title:
    'GitHub Actions workflows declare the least GITHUB_TOKEN permissions they need',
  severity: 'warning',
  fileKinds: ['github-actions'],
  article: {
    id: 'oauth2-oidc-infrastructure',
    section: 'rule-workflow-permissions',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const workflow of workflowsOf(input)) {
      const top = workflow.body.permissions;
      const problems: string[] = [];
      for (const [job, spec] of Object.entries(workflow.body.jobs)) {
        if (!isRecord(spec)) continue;
        // a job that calls a reusable workflow takes its permissions from the caller
        const own = spec.permissions ?? top;
        const problem = describe(own);
        if (problem) {
          problems.push(
            spec.permissions === undefined && top === undefined
              ? `job ${job} declares no permissions (neither does the workflow): add permissions with only what it needs, e.g. contents: read`
              : `job ${job} ${problem}: list only the scopes it needs`,
          );
        }
      }
      findings.push(
        ...(problems.length > 0
          ? problems.map(message => ({
              status: 'fail' as const,
              file: workflow.file,
              message,
            }))
          : [
              {
                status: 'pass' as const,
                file: workflow.file,
                message: 'every job declares its token permissions',
              },
            ]),
      );
    }
    return findings;
  },
};
