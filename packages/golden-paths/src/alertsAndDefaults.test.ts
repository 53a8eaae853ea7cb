import os from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import fs from 'fs-extra';
import YAML from 'yaml';
import {
  DryRunBackend,
  PORTAL_BASE_URL,
  startDryRunBackend,
} from './__testUtils__/scaffolderDryRun';
import { render } from './__testUtils__/renderedRepository';
import { KubeObject } from './__testUtils__/seams';

// Review minors that issue 23 lists: alerts carry an absolute runbook URL and the environment
// they fire in; the GitOps source defaults to the service's own repository.

jest.setTimeout(300_000);

const OWNER = 'group:default/team-a';

const alertsOf = (objects: KubeObject[]) =>
  objects
    .filter(o => o.kind === 'PrometheusRule')
    .flatMap(rule => rule.spec.groups.flatMap((g: any) => g.rules))
    .filter((r: any) => r.alert);

/** `HTTPHighErrorRatio` -> `httphigherrorratio`, the anchor MkDocs gives a heading. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

describe('alerts and defaults of the generated services', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  it.each(['go-service', 'node-service'])(
    '%s: every alert names its environment and links its runbook section in the portal',
    async template => {
      const { repository, built } = await render(scaffolder, template, {
        name: 'orders-api',
        owner: OWNER,
        publishTo: 'local',
      });
      const headings = repository
        .read('docs/runbook.md')
        .split('\n')
        .filter(l => l.startsWith('## '))
        .map(l => anchor(l.slice(3).trim()));
      for (const env of ['dev', 'prod']) {
        const alerts = alertsOf(built[`deploy/overlays/${env}`]);
        expect(alerts.length).toBe(6);
        for (const alert of alerts) {
          expect({ alert: alert.alert, env: alert.labels.environment }).toEqual(
            { alert: alert.alert, env },
          );
          const url = new URL(alert.annotations.runbook_url);
          expect(`${url.origin}${url.pathname}`).toBe(
            `${PORTAL_BASE_URL}/docs/default/component/orders-api/runbook/`,
          );
          expect(headings).toContain(url.hash.slice(1));
        }
      }
      // The record rule has no labels to add one to.
      const record = built['deploy/overlays/prod']
        .filter(o => o.kind === 'PrometheusRule')
        .flatMap(r => r.spec.groups.flatMap((g: any) => g.rules))
        .find((r: any) => r.record);
      expect(record.labels).toBeUndefined();

      // promtool accepts the rules as they are deployed.
      const dir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-promtool-'));
      try {
        const [rule] = built['deploy/overlays/prod'].filter(
          o => o.kind === 'PrometheusRule',
        );
        const file = join(dir, 'rules.yaml');
        await fs.writeFile(file, YAML.stringify({ groups: rule.spec.groups }));
        const run = spawnSync('promtool', ['check', 'rules', file], {
          encoding: 'utf8',
        });
        expect({ status: run.status, stderr: run.stderr }).toEqual({
          status: 0,
          stderr: '',
        });
      } finally {
        await fs.remove(dir);
      }
    },
  );

  it('kubernetes-workload with alerts: the overlays label them, and without alerts the overlays still build', async () => {
    const withAlerts = await render(scaffolder, 'kubernetes-workload', {
      name: 'billing',
      owner: OWNER,
      publishTo: 'local',
      image: 'ghcr.io/acme/billing:1.4.2',
      workloadPattern: 'stateless-web',
      observability: true,
    });
    expect(
      alertsOf(withAlerts.built['deploy/overlays/dev']).map(
        (a: any) => a.labels.environment,
      ),
    ).toEqual(Array(6).fill('dev'));
    const without = await render(scaffolder, 'kubernetes-workload', {
      name: 'billing',
      owner: OWNER,
      publishTo: 'local',
      image: 'ghcr.io/acme/billing:1.4.2',
      workloadPattern: 'worker',
    });
    expect(alertsOf(without.built['deploy/overlays/dev'])).toEqual([]);
    expect(
      without.repository.read('deploy/overlays/dev/kustomization.yaml'),
    ).not.toMatch(/replacements:/);
  });

  it('observability-stack: the runbook is the monitoring resource’s TechDocs, the environment follows the namespace', async () => {
    const envOf = async (namespace: string) => {
      const { repository } = await render(scaffolder, 'observability-stack', {
        name: 'payments',
        owner: OWNER,
        publishTo: 'local',
        namespace,
      });
      const rule = repository
        .kubernetesObjects()
        .find(({ object }) => object.kind === 'PrometheusRule')!.object;
      const alerts = alertsOf([rule]);
      expect(new URL(alerts[0].annotations.runbook_url).pathname).toBe(
        '/docs/default/resource/payments-monitoring/runbook/',
      );
      return [...new Set(alerts.map((a: any) => a.labels.environment))];
    };
    expect(await envOf('services')).toEqual(['prod']);
    expect(await envOf('services-dev')).toEqual(['dev']);
  });

  it.each([
    ['go-service', 'argocd'],
    ['node-service', 'flux'],
    ['kubernetes-workload', 'argocd'],
  ])(
    '%s with %s reads the service’s own repository when no Git remote is given',
    async (template, gitops) => {
      const repoUrls = async (name: string) => {
        const { repository } = await render(scaffolder, template, {
          name,
          owner: OWNER,
          publishTo: 'local',
          gitops,
          ...(template === 'kubernetes-workload'
            ? { image: `ghcr.io/acme/${name}:1.0.0` }
            : {}),
        });
        return repository
          .kubernetesObjects()
          .map(({ object }) => object.spec?.source?.repoURL ?? object.spec?.url)
          .filter(Boolean);
      };
      expect(await repoUrls('orders-api')).toEqual(
        expect.arrayContaining(['https://github.com/acme/orders-api.git']),
      );
      const other = await repoUrls('cart-api');
      expect(other.length).toBeGreaterThan(0);
      expect(new Set(other)).toEqual(
        new Set(['https://github.com/acme/cart-api.git']),
      );
    },
  );

  it.each([
    [
      'https://github.com/acme/platform-gitops.git',
      /^GIT_PASSWORD=<token> flux bootstrap git --url=https:\/\/github\.com\/acme\/platform-gitops\.git .*\n {2}--username=git$/m,
    ],
    [
      'ssh://git@github.com/acme/platform-gitops.git',
      /^flux bootstrap git --url=ssh:\/\/git@github\.com\/acme\/platform-gitops\.git .*\n {2}--private-key-file=<path\/to\/deploy-key>$/m,
    ],
  ])(
    'gitops-bootstrap with Flux at %s bootstraps with credentials that may push',
    async (gitRemoteUrl, command) => {
      const { repository } = await render(scaffolder, 'gitops-bootstrap', {
        name: 'platform-gitops',
        owner: OWNER,
        tool: 'flux',
        publishTo: 'local',
        gitRemoteUrl,
      });
      expect(repository.read('README.md')).toMatch(command);
    },
  );

  it('node-service with vault-agent: a secret value with # and spaces reaches the service whole', async () => {
    const { repository } = await render(scaffolder, 'node-service', {
      name: 'cart-api',
      owner: OWNER,
      publishTo: 'local',
      secretsStore: 'vault-agent',
    });
    const deployment = repository
      .kubernetesObjects()
      .find(({ object }) => object.kind === 'Deployment')!.object;
    const template: string =
      deployment.spec.template.metadata.annotations[
        'vault.hashicorp.com/agent-inject-template-app.env'
      ];
    // What the agent writes for one key: the line of the range body with key and value filled in.
    const line = template
      .split('\n')
      .find(l => l.includes('{{ $key }}'))!
      .trim()
      .replace('{{ $key }}', 'API_TOKEN')
      .replace('{{ $value }}', 'p#ss word=1');
    const dir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-envfile-'));
    try {
      const file = join(dir, 'app.env');
      await fs.writeFile(file, `${line}\n`);
      const run = spawnSync(
        process.execPath,
        [
          '-e',
          'process.loadEnvFile(process.argv[1]); process.stdout.write(process.env.API_TOKEN)',
          file,
        ],
        { encoding: 'utf8', env: {} },
      );
      expect(run.stdout).toBe('p#ss word=1');
    } finally {
      await fs.remove(dir);
    }
  });

  it.each([
    ['go-service', 'argocd', '`repoURL` in `deploy/argocd/applications.yaml`'],
    ['node-service', 'flux', '`url` in `deploy/flux/source.yaml`'],
  ])(
    '%s with %s: the README names the remote the GitOps tool reads and where it is set',
    async (template, gitops, where) => {
      const { repository } = await render(scaffolder, template, {
        name: 'orders-api',
        owner: OWNER,
        publishTo: 'local',
        gitops,
      });
      expect(repository.read('README.md')).toContain(
        `reads this repository at \`https://github.com/acme/orders-api.git\` (${where})`,
      );
    },
  );
});
