import { stringify } from 'yaml';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createValidateAction } from './validate';
import { guidanceServiceMock } from '@paved-road/plugin-guidance-node/testUtils';

const labels = { 'app.kubernetes.io/name': 'orders' };
const container = (overrides: Record<string, unknown> = {}) => ({
  name: 'app',
  image: 'ghcr.io/acme/orders:1.4.2',
  env: [
    {
      name: 'DB_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } },
    },
  ],
  readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
  livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
  startupProbe: { httpGet: { path: '/healthz', port: 'http' } },
  resources: {
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { memory: '256Mi' },
  },
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
  },
  lifecycle: { preStop: { sleep: { seconds: 5 } } },
  ...overrides,
});

function cleanSet() {
  return {
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'orders', labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [container()] as Record<string, any>[],
          },
        },
      },
    },
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders', labels },
      spec: {
        selector: labels as Record<string, string>,
        ports: [{ name: 'http', port: 80 }],
      },
    },
    pdb: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'orders' },
      spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
    },
  };
}
type Set = ReturnType<typeof cleanSet>;

function filesOf(set: Set): Record<string, string> {
  return {
    'deploy/base/kustomization.yaml': stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['deployment.yaml', 'service.yaml', 'pdb.yaml'],
    }),
    'deploy/base/deployment.yaml': stringify(set.deployment),
    'deploy/base/service.yaml': stringify(set.service),
    'deploy/base/pdb.yaml': stringify(set.pdb),
    '.github/workflows/ci.yaml': 'on: [push]\njobs: {}\n',
    'README.md': '# not YAML\n',
    'node_modules/x/bad.yaml': 'a: [',
  };
}

describe('guidance:validate', () => {
  const workspace = createMockDirectory();

  async function run(
    files: Record<string, string>,
    input: Record<string, unknown> = {},
    guidance = guidanceServiceMock(),
  ) {
    workspace.clear();
    workspace.setContent(files);
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
      logger: mockServices.logger.mock(),
    });
    await createValidateAction({ guidance }).handler(ctx);
    return ctx;
  }

  async function errorOf(
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
    return error!.message;
  }

  it('sends the workspace YAML to the guidance backend and counts files and objects', async () => {
    const guidance = guidanceServiceMock();
    const ctx = await run(filesOf(cleanSet()), {}, guidance);
    expect(guidance.validate.mock.calls[0][0].map(f => f.path).sort()).toEqual([
      '.github/workflows/ci.yaml',
      'deploy/base/deployment.yaml',
      'deploy/base/kustomization.yaml',
      'deploy/base/pdb.yaml',
      'deploy/base/service.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('checked', 5);
    expect(ctx.output).toHaveBeenCalledWith('objects', 3);
    expect(ctx.output).toHaveBeenCalledWith('warnings', 0);
  });

  it('fails on error findings with one line per problem, ordered by file, under a header', async () => {
    expect(
      await errorOf(s => {
        s.deployment.spec.template.spec.containers[0].image = 'orders';
        delete s.deployment.spec.template.spec.containers[0].readinessProbe;
        s.service.spec.selector = { app: 'x' };
      }),
    ).toBe(
      [
        'The generated files do not follow the guidance (3 problems):',
        'deploy/base/deployment.yaml: Deployment/orders: [readiness-probe] container "app" has no readinessProbe',
        'deploy/base/deployment.yaml: Deployment/orders: [image-tag] container "app" uses image "orders" without a tag: pin a version',
        'deploy/base/service.yaml: Service/orders: [service-selector] selector app=x matches the pod labels of no workload',
      ].join('\n'),
    );
  });

  it('names a file that does not parse', async () => {
    await expect(
      run({ ...filesOf(cleanSet()), 'deploy/broken.yaml': 'a: [unclosed\n' }),
    ).rejects.toThrow(
      /^deploy\/broken\.yaml: \[yaml\] does not parse at line 1, column \d+: /m,
    );
  });

  it('logs warnings without failing', async () => {
    const set = cleanSet();
    set.deployment.spec.template.spec.containers[0].image =
      'ghcr.io/acme/orders:main';
    delete set.deployment.spec.template.spec.containers[0].startupProbe;
    const ctx = await run(filesOf(set));
    expect(ctx.output).toHaveBeenCalledWith('warnings', 2);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      'deploy/base/deployment.yaml: Deployment/orders: [startup-probe] container "app" has a livenessProbe but no startupProbe: a slow start will be killed and restarted (warning)',
    );
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        '[image-pinned] container "app" uses image "ghcr.io/acme/orders:main"',
      ),
    );
  });

  it('skips the rules it is told to skip (probes still skips both probe rules) and refuses unknown ids', async () => {
    const broken = (s: Set) => {
      s.service.spec.selector = { app: 'x' };
      delete s.deployment.spec.template.spec.containers[0].livenessProbe;
    };
    const set = cleanSet();
    broken(set);
    await expect(
      run(filesOf(set), { skip: ['service-selector', 'probes'] }),
    ).resolves.toBeDefined();
    expect(await errorOf(broken, { skip: ['selectors'] })).toMatch(
      /^Unknown rule id\(s\) in skip: selectors; the rules are yaml, /,
    );
  });

  it('checks only the given paths and refuses paths outside the workspace', async () => {
    const set = cleanSet();
    set.service.spec.selector = { app: 'x' };
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

  it('reads a file named in paths whatever its name (a Dockerfile), and only YAML from folders', async () => {
    const guidance = guidanceServiceMock();
    const dockerfile =
      'FROM gcr.io/distroless/static-debian13:nonroot\nUSER nonroot\n';
    await run(
      {
        ...filesOf(cleanSet()),
        Dockerfile: dockerfile,
        'deploy/Dockerfile': dockerfile,
      },
      { paths: ['deploy', 'Dockerfile', '.github'] },
      guidance,
    );
    const sent = guidance.validate.mock.calls[0][0];
    expect(sent.map(f => f.path)).toEqual([
      'deploy/base/deployment.yaml',
      'deploy/base/kustomization.yaml',
      'deploy/base/pdb.yaml',
      'deploy/base/service.yaml',
      'Dockerfile',
      '.github/workflows/ci.yaml',
    ]);
    expect(sent.find(f => f.path === 'Dockerfile')?.content).toBe(dockerfile);
  });

  it('leaves Helm chart templates alone', async () => {
    const guidance = guidanceServiceMock();
    await run(
      {
        ...filesOf(cleanSet()),
        'chart/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
        'chart/templates/deployment.yaml':
          'replicas: {{ .Values.replicas }}\nimage: {{ .Values.image }}:{{ .Values.tag }\n',
      },
      {},
      guidance,
    );
    expect(guidance.validate.mock.calls[0][0].map(f => f.path)).not.toContain(
      'chart/templates/deployment.yaml',
    );
  });

  it('fails with the backend error when the guidance backend refuses', async () => {
    const guidance = guidanceServiceMock();
    guidance.validate.mockRejectedValueOnce(
      new Error('guidance POST /validate failed: 413 Payload Too Large'),
    );
    await expect(run(filesOf(cleanSet()), {}, guidance)).rejects.toThrow(
      /413 Payload Too Large/,
    );
  });
});
