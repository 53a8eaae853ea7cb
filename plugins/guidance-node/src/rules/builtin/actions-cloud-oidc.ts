import { GuidanceRule, RuleFinding } from '../types';
import { isRecord } from './kubernetes';
import { Workflow, workflowsOf } from './github-actions';
import { yamlPositionFinder } from './yamlPositionFinder';

/** The cloud login actions, the inputs that carry a long-lived key, and those that mean OIDC. */
const LOGINS: {
  action: string;
  keys: string[];
  oidc: (inputs: Record<string, unknown>) => boolean;
  fix: string;
}[] = [
  {
    action: 'aws-actions/configure-aws-credentials',
    keys: ['aws-access-key-id', 'aws-secret-access-key'],
    oidc: inputs => inputs['role-to-assume'] !== undefined,
    fix: 'role-to-assume with a role whose trust policy names this repository',
  },
  {
    action: 'azure/login',
    keys: ['creds'],
    oidc: inputs =>
      inputs['client-id'] !== undefined &&
      String(inputs['auth-type'] ?? 'SERVICE_PRINCIPAL').toUpperCase() !==
        'IDENTITY',
    fix: 'client-id, tenant-id and subscription-id of an app with a federated credential',
  },
  {
    action: 'google-github-actions/auth',
    keys: ['credentials_json'],
    oidc: inputs => inputs.workload_identity_provider !== undefined,
    fix: 'workload_identity_provider (and service_account if you impersonate one)',
  },
];

/** Environment variables that hold a long-lived cloud key. */
const KEY_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AZURE_CLIENT_SECRET',
  'ARM_CLIENT_SECRET',
  'GOOGLE_CREDENTIALS',
];

/** Whether a permissions value (the job's, else the workflow's) lets the job request an OIDC token. */
function grantsIdToken(permissions: unknown): boolean {
  if (permissions === 'write-all') return true;
  return isRecord(permissions) && permissions['id-token'] === 'write';
}

const actionOf = (uses: string) => uses.split('@')[0].toLowerCase();

/**
 * A cloud key stored as a repository secret lives until someone rotates it and works from
 * anywhere; an OIDC token is issued per job, for minutes, and only to the repository and branch
 * the cloud's trust policy names.
 */
export const actionsCloudOidcRule: GuidanceRule = {
  id: 'actions-cloud-oidc',
  title:
    'GitHub Actions workflows reach clouds through OIDC, not long-lived keys',
  severity: 'error',
  fileKinds: ['github-actions'],
  article: {
    id: 'oauth2-oidc-infrastructure',
    section: 'rule-actions-cloud-oidc',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const workflow of workflowsOf(input)) {
      const at = (path: (string | number)[]) =>
        positionOf(workflow.file, workflow.index, path) ?? {};
      const finding = (
        status: 'pass' | 'fail',
        path: (string | number)[],
        message: string,
      ): RuleFinding => ({
        status,
        file: workflow.file,
        ...at(path),
        message,
      });
      findings.push(...keyVariables(workflow, finding));
      for (const [job, spec] of Object.entries(workflow.body.jobs)) {
        if (!isRecord(spec) || !Array.isArray(spec.steps)) continue;
        const selfHosted = JSON.stringify(spec['runs-on'] ?? '').includes(
          'self-hosted',
        );
        const idToken = grantsIdToken(
          spec.permissions ?? workflow.body.permissions,
        );
        spec.steps.forEach((step: unknown, i: number) => {
          if (!isRecord(step) || typeof step.uses !== 'string') return;
          const login = LOGINS.find(l => l.action === actionOf(step.uses));
          if (!login) return;
          const inputs = isRecord(step.with) ? step.with : {};
          const where = `job ${job}, ${
            typeof step.name === 'string' ? step.name : `step ${i + 1}`
          } (${login.action})`;
          const path = ['jobs', job, 'steps', i, 'uses'];
          const keys = login.keys.filter(k => inputs[k] !== undefined);
          if (keys.length > 0) {
            findings.push(
              finding(
                'fail',
                ['jobs', job, 'steps', i, 'with', keys[0]],
                `${where} logs in with ${keys.join(
                  ' and ',
                )}, a long-lived key: use ${login.fix}, and id-token: write`,
              ),
            );
          } else if (!login.oidc(inputs)) {
            // managed identity or runner credentials: nothing stored in GitHub
            findings.push(
              finding(
                'pass',
                path,
                `${where} uses the runner's own identity, no stored key`,
              ),
            );
          } else if (!idToken && !selfHosted) {
            findings.push(
              finding(
                'fail',
                path,
                `${where} is set up for OIDC but the job cannot request the token: add permissions id-token: write (and contents: read) to the job`,
              ),
            );
          } else {
            findings.push(
              finding('pass', path, `${where} logs in with an OIDC token`),
            );
          }
        });
      }
    }
    return findings;
  },
};

/** Long-lived keys put into the environment of the workflow, a job or a step. */
function keyVariables(
  workflow: Workflow,
  finding: (
    status: 'fail',
    path: (string | number)[],
    message: string,
  ) => RuleFinding,
): RuleFinding[] {
  const found: RuleFinding[] = [];
  const check = (env: unknown, path: (string | number)[], where: string) => {
    if (!isRecord(env)) return;
    for (const name of KEY_VARIABLES.filter(v => env[v] !== undefined)) {
      found.push(
        finding(
          'fail',
          [...path, name],
          `${where} sets ${name}, a long-lived cloud key: log in with the cloud's OIDC action instead (role-to-assume, client-id, workload_identity_provider)`,
        ),
      );
    }
  };
  check(workflow.body.env, ['env'], 'the workflow');
  for (const [job, spec] of Object.entries(workflow.body.jobs)) {
    if (!isRecord(spec)) continue;
    check(spec.env, ['jobs', job, 'env'], `job ${job}`);
    (Array.isArray(spec.steps) ? spec.steps : []).forEach(
      (step: unknown, i: number) => {
        if (isRecord(step))
          check(
            step.env,
            ['jobs', job, 'steps', i, 'env'],
            `job ${job}, step ${i + 1}`,
          );
      },
    );
  }
  return found;
}
