import { stringify } from 'yaml';
import { evaluateRules, parseManifests } from '../rules/engine';
import { GuidanceRule, RuleEvaluation } from '../rules/types';

const labels = { 'app.kubernetes.io/name': 'orders' };

export function container(overrides: Record<string, unknown> = {}) {
  return {
    name: 'app',
    image: 'ghcr.io/acme/orders:1.4.2',
    ports: [{ name: 'http', containerPort: 8080 }],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      {
        name: 'DB_PASSWORD',
        valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } },
      },
      { name: 'DB_PASSWORD_FILE', value: '/vault/secrets/db-password' },
    ],
    readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
    livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    startupProbe: {
      httpGet: { path: '/healthz', port: 'http' },
      failureThreshold: 30,
    },
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
    lifecycle: { preStop: { sleep: { seconds: 5 } } } as
      | Record<string, unknown>
      | undefined,
    ...overrides,
  };
}

/** A set of manifests that follows every built-in rule; each test breaks one thing. */
export function cleanSet() {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'orders', labels } as Record<string, any>,
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels } as Record<string, any>,
        spec: {
          serviceAccountName: 'orders',
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            seccompProfile: { type: 'RuntimeDefault' },
          } as Record<string, any>,
          initContainers: [
            container({
              name: 'migrate',
              readinessProbe: undefined,
              livenessProbe: undefined,
              startupProbe: undefined,
            }),
          ],
          containers: [container()],
        } as Record<string, any>,
      },
    },
  };
  const serviceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'orders' },
    automountServiceAccountToken: false,
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'orders', labels },
    spec: {
      selector: labels as Record<string, string>,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
  const pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'orders' },
    spec: {
      maxUnavailable: 1 as number | string | undefined,
      minAvailable: undefined as number | string | undefined,
      selector: { matchLabels: labels as Record<string, string> },
    },
  };
  const serviceMonitor = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'orders' },
    spec: {
      selector: { matchLabels: labels as Record<string, string> },
      endpoints: [{ port: 'http', path: '/metrics' }] as Record<
        string,
        unknown
      >[],
    },
  };
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'orders-report' },
    spec: {
      schedule: '0 3 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 600,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          activeDeadlineSeconds: 1800,
          template: {
            spec: {
              restartPolicy: 'Never',
              automountServiceAccountToken: false,
              securityContext: {
                runAsNonRoot: true,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              // jobs have no probes
              containers: [
                container({
                  name: 'report',
                  readinessProbe: undefined,
                  livenessProbe: undefined,
                  startupProbe: undefined,
                }),
              ],
            },
          },
        } as Record<string, any>,
      } as Record<string, any>,
    } as Record<string, any>,
  };
  return { deployment, serviceAccount, service, pdb, serviceMonitor, cronJob };
}

export type ManifestSet = ReturnType<typeof cleanSet>;

const multi = (...docs: unknown[]) =>
  docs.map(d => stringify(JSON.parse(JSON.stringify(d)))).join('---\n');

/** The set as files, with a kustomize overlay whose patches must not be checked. */
export function filesOf(set: ManifestSet): Record<string, string> {
  return {
    'deploy/base/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['deployment.yaml', 'service.yaml', 'pdb.yaml'],
    }),
    'deploy/base/deployment.yaml': multi(set.serviceAccount, set.deployment),
    'deploy/base/service.yaml': multi(set.service),
    'deploy/base/pdb.yaml': multi(set.pdb),
    'deploy/overlays/prod/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base'],
      patches: [{ path: 'replicas.yaml' }, { path: 'resources.yaml' }],
    }),
    'deploy/overlays/prod/replicas.yaml': stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'orders' },
      spec: { replicas: 4 },
    }),
    'deploy/overlays/prod/resources.yaml': stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'orders' },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'app', image: 'ghcr.io/acme/orders:latest' }],
          },
        },
      },
    }),
    'monitoring/observability.yml': multi(set.serviceMonitor, set.cronJob),
    '.github/workflows/ci.yaml':
      'on: [push]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v6\n      - run: echo ${{ github.sha }}\n',
    'README.md': '# not YAML\n',
  };
}

export function inputOf(files: Record<string, string>) {
  return parseManifests(
    Object.entries(files).map(([path, content]) => ({ path, content })),
  );
}

/** Evaluates one rule over a (changed) clean set. */
export function evaluate(
  rule: GuidanceRule,
  change: (set: ManifestSet) => void = () => {},
  extraFiles: Record<string, string> = {},
): RuleEvaluation {
  const set = cleanSet();
  change(set);
  return evaluateRules([rule], inputOf({ ...filesOf(set), ...extraFiles }))[0];
}

/** The failures of one rule over a changed clean set, one `<file>: <object>: <message>` line each. */
export function failuresOf(
  rule: GuidanceRule,
  change: (set: ManifestSet) => void = () => {},
  extraFiles: Record<string, string> = {},
): string[] {
  const evaluation = evaluate(rule, change, extraFiles);
  return evaluation.status === 'fail'
    ? evaluation.findings.map(f =>
        [f.file, f.object, f.message].filter(Boolean).join(': '),
      )
    : [];
}

export { multi as yamlDocuments };
