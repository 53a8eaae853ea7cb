import { stringify } from 'yaml';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { checkManifests, createValidateAction, parseImage } from './validate';

const labels = { 'app.kubernetes.io/name': 'orders' };

function container(overrides: Record<string, unknown> = {}) {
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
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    },
    ...overrides,
  };
}

/** A complete set that follows every rule; each test breaks one thing. */
function cleanSet() {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'orders', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 10001 },
          initContainers: [
            container({
              name: 'migrate',
              readinessProbe: undefined,
              livenessProbe: undefined,
            }),
          ],
          containers: [container()],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'orders', labels },
    spec: {
      selector: labels,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
  const pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'orders' },
    spec: { minAvailable: 1, selector: { matchLabels: labels } },
  };
  const serviceMonitor = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'orders' },
    spec: {
      selector: { matchLabels: labels },
      endpoints: [{ port: 'http', path: '/metrics' }],
    },
  };
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'orders-report' },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [
                // jobs have no probes
                {
                  ...container({
                    name: 'report',
                    readinessProbe: undefined,
                    livenessProbe: undefined,
                  }),
                  securityContext: {
                    runAsNonRoot: true,
                    allowPrivilegeEscalation: false,
                  },
                },
              ],
            },
          },
        },
      },
    },
  };
  return { deployment, service, pdb, serviceMonitor, cronJob };
}

type Set = ReturnType<typeof cleanSet>;

function filesOf(set: Set): Record<string, string> {
  const multi = (...docs: unknown[]) =>
    docs.map(d => stringify(JSON.parse(JSON.stringify(d)))).join('---\n');
  return {
    'deploy/base/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['deployment.yaml', 'service.yaml', 'pdb.yaml'],
    }),
    'deploy/base/deployment.yaml': multi(set.deployment),
    'deploy/base/service.yaml': multi(set.service),
    'deploy/base/pdb.yaml': multi(set.pdb),
    'deploy/overlays/prod/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base'],
      patches: [{ path: 'replicas.yaml' }, { path: 'resources.yaml' }],
    }),
    // patches: partial objects that would break every rule if they were checked
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
      'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }}\n',
    'README.md': '# not YAML\n',
  };
}

describe('guidance:validate', () => {
  const workspace = createMockDirectory();
  const action = createValidateAction();

  async function run(
    files: Record<string, string>,
    input: Record<string, unknown> = {},
  ) {
    workspace.clear();
    workspace.setContent(files);
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
      logger: mockServices.logger.mock(),
    });
    await action.handler(ctx);
    return ctx;
  }

  /** Runs a broken set and returns the problem lines of the report. */
  async function problemsOf(
    change: (set: Set) => void,
    input: Record<string, unknown> = {},
  ) {
    const set = cleanSet();
    change(set);
    const error = await run(filesOf(set), input).then(
      () => undefined,
      e => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    return error!.message.split('\n').slice(1);
  }

  it('passes a clean set and counts files and objects', async () => {
    const ctx = await run(filesOf(cleanSet()));
    // 9 YAML files (README is not YAML); Deployment, Service, PDB, ServiceMonitor and CronJob —
    // not the kustomizations, not the patches, not the workflow
    expect(ctx.output).toHaveBeenCalledWith('checked', 9);
    expect(ctx.output).toHaveBeenCalledWith('objects', 5);
  });

  it('probes: names each container without readiness or liveness probe', async () => {
    expect(
      await problemsOf(s => {
        delete (s.deployment.spec.template.spec.containers[0] as any)
          .readinessProbe;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: [probes] container "app" has no readinessProbe',
    ]);
    expect(
      await problemsOf(s => {
        s.deployment.kind = 'StatefulSet';
        const c = s.deployment.spec.template.spec.containers[0] as any;
        delete c.readinessProbe;
        delete c.livenessProbe;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: StatefulSet/orders: [probes] container "app" has no readinessProbe and no livenessProbe',
    ]);
  });

  it('resources: names the missing requests and limits, init containers included', async () => {
    expect(
      await problemsOf(s => {
        (s.deployment.spec.template.spec.initContainers[0] as any).resources = {
          requests: { cpu: '50m' },
        };
        delete (
          s.cronJob.spec.jobTemplate.spec.template.spec.containers[0] as any
        ).resources.limits;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: [resources] init container "migrate" does not set resources requests.memory, limits.cpu, limits.memory',
      'monitoring/observability.yml: CronJob/orders-report: [resources] container "report" does not set resources limits.cpu, limits.memory',
    ]);
  });

  it('image-tag: refuses latest and untagged images, accepts digests and registry ports', async () => {
    expect(
      await problemsOf(s => {
        s.deployment.spec.template.spec.containers[0].image =
          'ghcr.io/acme/orders:latest';
        s.deployment.spec.template.spec.initContainers[0].image =
          'localhost:5000/migrate';
        s.cronJob.spec.jobTemplate.spec.template.spec.containers[0].image =
          'busybox@sha256:abc';
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: [image-tag] init container "migrate" uses image "localhost:5000/migrate" without a tag: pin a version',
      'deploy/base/deployment.yaml: Deployment/orders: [image-tag] container "app" uses image "ghcr.io/acme/orders:latest": pin a version instead of latest',
    ]);
    expect(parseImage('localhost:5000/team/app:1.2')).toEqual({
      name: 'localhost:5000/team/app',
      tag: '1.2',
      digest: undefined,
    });
  });

  it('image-tag: accepts an untagged image that a kustomization pins', async () => {
    const set = cleanSet();
    set.deployment.spec.template.spec.containers[0].image =
      'ghcr.io/acme/orders';
    const files = filesOf(set);
    files['deploy/overlays/prod/kustomization.yaml'] +=
      'images:\n  - name: ghcr.io/acme/orders\n    newTag: "1.4.2"\n';
    await expect(run(files)).resolves.toBeDefined();
  });

  it('non-root: needs runAsNonRoot on pod or container and allowPrivilegeEscalation false', async () => {
    expect(
      await problemsOf(s => {
        delete (s.deployment.spec.template.spec.securityContext as any)
          .runAsNonRoot;
        // the container level counts as well
        (
          s.deployment.spec.template.spec.containers[0].securityContext as any
        ).runAsNonRoot = true;
        delete (
          s.cronJob.spec.jobTemplate.spec.template.spec.containers[0]
            .securityContext as any
        ).allowPrivilegeEscalation;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: [non-root] init container "migrate" may run as root: set securityContext.runAsNonRoot: true on the pod or the container',
      'monitoring/observability.yml: CronJob/orders-report: [non-root] container "report" does not set securityContext.allowPrivilegeEscalation: false',
    ]);
  });

  it('secret-env: refuses plain values for secret-looking names', async () => {
    expect(
      await problemsOf(s => {
        s.deployment.spec.template.spec.containers[0].env.push(
          { name: 'STRIPE_API_KEY', value: 'sk_live_123' },
          { name: 'github_token', value: '' },
          { name: 'TOKEN_FILE', value: '/run/secrets/token' },
        );
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: [secret-env] container "app" sets STRIPE_API_KEY as a plain value: use valueFrom.secretKeyRef',
      'deploy/base/deployment.yaml: Deployment/orders: [secret-env] container "app" sets github_token as a plain value: use valueFrom.secretKeyRef',
    ]);
  });

  it('service-selector: a Service must select the pods of a workload', async () => {
    expect(
      await problemsOf(s => {
        s.service.spec.selector = { 'app.kubernetes.io/name': 'order' };
      }),
    ).toEqual([
      'deploy/base/service.yaml: Service/orders: [service-selector] selector app.kubernetes.io/name=order matches the pod labels of no workload',
    ]);
  });

  it('servicemonitor-selector: must select a Service and scrape one of its named ports', async () => {
    expect(
      await problemsOf(s => {
        s.serviceMonitor.spec.selector.matchLabels = { app: 'orders' } as any;
      }),
    ).toEqual([
      'monitoring/observability.yml: ServiceMonitor/orders: [servicemonitor-selector] selector.matchLabels app=orders matches the labels of no Service',
    ]);
    expect(
      await problemsOf(s => {
        s.serviceMonitor.spec.endpoints = [
          { port: 'metrics', path: '/metrics' },
        ];
      }),
    ).toEqual([
      'monitoring/observability.yml: ServiceMonitor/orders: [servicemonitor-selector] endpoint port "metrics" is not a port name of Service/orders',
    ]);
  });

  it('pdb: a workload with more than one replica needs a PodDisruptionBudget', async () => {
    expect(
      await problemsOf(s => {
        s.pdb.spec.selector.matchLabels = {
          'app.kubernetes.io/name': 'billing',
        };
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: [pdb] runs 2 replicas but no PodDisruptionBudget selects its pods (app.kubernetes.io/name=orders)',
    ]);
    // one replica needs none
    const set = cleanSet();
    set.deployment.spec.replicas = 1;
    set.pdb.spec.selector.matchLabels = { 'app.kubernetes.io/name': 'billing' };
    await expect(run(filesOf(set))).resolves.toBeDefined();
  });

  it('yaml: names a file that does not parse', async () => {
    const files = {
      ...filesOf(cleanSet()),
      'deploy/broken.yaml': 'a: [unclosed\n',
    };
    await expect(run(files)).rejects.toThrow(
      /^deploy\/broken\.yaml: \[yaml\] does not parse: /m,
    );
  });

  it('reports several problems, one line each, under a header', async () => {
    const set = cleanSet();
    set.deployment.spec.template.spec.containers[0].image = 'orders';
    set.service.spec.selector = { app: 'x' } as any;
    await expect(run(filesOf(set))).rejects.toThrow(
      [
        'The generated files do not follow the guidance (2 problems):',
        'deploy/base/deployment.yaml: Deployment/orders: [image-tag] container "app" uses image "orders" without a tag: pin a version',
        'deploy/base/service.yaml: Service/orders: [service-selector] selector app=x matches the pod labels of no workload',
      ].join('\n'),
    );
  });

  it('skips the rules it is told to skip and refuses unknown rule ids', async () => {
    const set = cleanSet();
    set.service.spec.selector = { app: 'x' } as any;
    await expect(
      run(filesOf(set), { skip: ['service-selector'] }),
    ).resolves.toBeDefined();
    await expect(run(filesOf(set), { skip: ['selectors'] })).rejects.toThrow(
      /Unknown rule id\(s\) in skip: selectors/,
    );
  });

  it('checks only the given paths and refuses paths outside the workspace', async () => {
    const set = cleanSet();
    set.service.spec.selector = { app: 'x' } as any;
    // on its own the ServiceMonitor file has no Service to select
    await expect(
      run(filesOf(set), {
        paths: ['deploy/base/deployment.yaml', 'deploy/base/pdb.yaml'],
      }),
    ).resolves.toBeDefined();
    await expect(
      run(filesOf(set), { paths: ['../elsewhere'] }),
    ).rejects.toThrow(/outside/);
    await expect(run(filesOf(set), { paths: ['missing'] })).rejects.toThrow(
      /Nothing to validate at missing/,
    );
  });

  it('leaves Helm chart templates alone', async () => {
    const files = {
      ...filesOf(cleanSet()),
      'chart/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
      'chart/templates/deployment.yaml':
        'replicas: {{ .Values.replicas }}\nimage: {{ .Values.image }}:{{ .Values.tag }\n',
    };
    await expect(run(files)).resolves.toBeDefined();
  });

  it('works as a pure function on file contents', () => {
    const { problems, objects } = checkManifests([
      {
        path: 'pod.yaml',
        content: stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { containers: [container()] },
        }),
      },
    ]);
    expect(objects).toBe(1);
    expect(problems.map(p => p.rule)).toEqual(['non-root']);
  });
});
