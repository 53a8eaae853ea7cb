/* eslint-disable jest/no-conditional-expect -- each matrix case checks what its options
   must produce; the branches are fixed by the it.each rows, not by the run. */
import fs from 'fs-extra';
import YAML from 'yaml';
import {
  DryRunBackend,
  startDryRunBackend,
} from './__testUtils__/scaffolderDryRun';
import {
  listedTemplates,
  loadTemplate,
  TEMPLATES_ROOT,
} from './__testUtils__/templateDirectory';
import { kustomizeBuild } from './__testUtils__/generatedFileCheckers';
import { objectStoreProblems } from './__testUtils__/barmanObjectStore';
import {
  goShutdownDefaults,
  nodeShutdownDefaults,
  shutdownBudget,
} from './__testUtils__/shutdownBudget';
import {
  ARTICLE_IDS,
  expectGoldenPathOutput,
  expectGrafanaDashboard,
  expectMeaningfulAlerts,
  expectServiceMonitorMatchesService,
  expectValidEntity,
} from './__testUtils__/expectGoldenPathOutput';

// Every template goes through the scaffolder's real dry-run route (POST /v2/dry-run) with this
// module's actions and the guidance backend running beside it, once per main option.

jest.setTimeout(180_000);

const OWNER = 'group:default/team-a';

const CI_ARTICLE: Record<string, string> = {
  'github-actions': 'gitops-tool-choice',
  circleci: 'circleci-pipeline-patterns',
  buildkite: 'buildkite-pipeline-patterns',
  tekton: 'tekton-pipelines',
};

const CI_FILE: Record<string, string> = {
  'github-actions': '.github/workflows/ci.yaml',
  circleci: '.circleci/config.yml',
  buildkite: '.buildkite/pipeline.yml',
  tekton: '.tekton/pipeline.yaml',
};

describe('template definitions', () => {
  it('lists every template folder in templates/all.yaml', async () => {
    const folders = (await fs.readdir(TEMPLATES_ROOT, { withFileTypes: true }))
      .filter(e => e.isDirectory())
      .map(e => e.name)
      .sort();
    expect((await listedTemplates()).sort()).toEqual(folders);
    expect(folders).toEqual([
      'ci-pipeline',
      'gitops-bootstrap',
      'go-service',
      'golden-path-upgrade',
      'kubernetes-workload',
      'node-service',
      'observability-stack',
      'postgres-database',
    ]);
  });

  it.each([
    'go-service',
    'node-service',
    'kubernetes-workload',
    'postgres-database',
    'ci-pipeline',
    'observability-stack',
    'gitops-bootstrap',
  ])(
    '%s: pickers, documented parameters, guidance steps and both publish targets',
    async name => {
      const template = await loadTemplate(name);
      expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
      expect(template.metadata.name).toBe(name);

      const pages: any[] = template.spec.parameters;
      const properties: Record<string, any> = Object.assign(
        {},
        ...pages.map(p => p.properties),
      );
      // Properties shown only for one option (JSON schema dependencies) are documented too.
      const optional: Record<string, any> = Object.assign(
        {},
        ...pages
          .flatMap(p => Object.values(p.dependencies ?? {}))
          .flatMap((d: any) => d.oneOf)
          .map((branch: any) => branch.properties),
      );
      expect(properties.name['ui:field']).toBe('EntityNamePicker');
      expect(properties.name.pattern).toBeDefined();
      expect(properties.owner['ui:field']).toBe('OwnerPicker');
      expect(properties.owner['ui:options'].catalogFilter.kind).toBe('Group');
      for (const [key, property] of Object.entries({
        ...properties,
        ...optional,
      })) {
        if ('const' in property) continue;
        expect({ key, title: typeof property.title }).toEqual({
          key,
          title: 'string',
        });
        if (key !== 'publishTo') {
          expect({ key, description: typeof property.description }).toEqual({
            key,
            description: 'string',
          });
        }
      }
      expect(properties.publishTo).toMatchObject({
        enum: ['local', 'github'],
        default: 'local',
      });
      const publishBranches = pages.find(p => p.properties.publishTo)
        .dependencies.publishTo.oneOf;
      const github = publishBranches.find(
        (b: any) => b.properties.publishTo.const === 'github',
      );
      expect(github.properties.repoUrl['ui:field']).toBe('RepoUrlPicker');

      const steps: any[] = template.spec.steps;
      const actions = steps.map(s => s.action);
      expect(actions).toContain('guidance:fetch:fragment');
      const order = [
        'guidance:validate',
        'guidance:annotate',
        'guidance:publish:local',
        'publish:github',
        'catalog:register',
      ];
      expect(actions.filter(a => order.includes(a))).toEqual(order);
      const step = (action: string) => steps.find(s => s.action === action);
      expect(step('guidance:publish:local').if).toBe(
        "${{ parameters.publishTo == 'local' }}",
      );
      expect(step('publish:github').if).toBe(
        "${{ parameters.publishTo == 'github' }}",
      );
      expect(step('catalog:register').if).toBe(
        "${{ parameters.publishTo == 'github' }}",
      );
      expect(template.spec.output.links.map((l: any) => l.title)).toEqual([
        'Repository',
        'Open in catalog',
      ]);

      // Articles the template itself is linked to exist in the library.
      for (const id of String(
        template.metadata.annotations['paved-road.dev/guidance'],
      ).split(',')) {
        expect(ARTICLE_IDS).toContain(id);
      }
    },
  );
});

describe('golden paths through the scaffolder dry run', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  describe('go-service', () => {
    const base = {
      name: 'orders-api',
      description: 'Takes and tracks orders',
      owner: OWNER,
      namespace: 'shop',
      imageRegistry: 'ghcr.io/acme',
      replicas: 2,
      publishTo: 'local',
      gitRemoteUrl: 'https://github.com/acme/orders-api.git',
    };

    it.each([
      ['github-actions', 'argocd', 'external-secrets'],
      ['circleci', 'flux', 'sealed-secrets'],
      ['buildkite', 'none', 'vault-agent'],
      ['tekton', 'argocd', 'none'],
    ])(
      'CI %s, GitOps %s, secrets %s',
      async (ciProvider, gitops, secretsStore) => {
        const result = await scaffolder.dryRun('go-service', {
          ...base,
          ciProvider,
          gitops,
          secretsStore,
        });
        const output = expectGoldenPathOutput(result, {
          articles: [
            'golden-paths',
            'minikube-deployment-patterns',
            'prometheus-grafana-monitoring',
            'secret-management-patterns',
            CI_ARTICLE[ciProvider],
            ...(gitops === 'none' ? [] : ['gitops-tool-choice']),
          ],
        });
        await expectValidEntity(output);
        const { repository } = output;

        // The service itself.
        for (const file of [
          'main.go',
          'internal/server/server.go',
          'internal/server/server_test.go',
          'go.mod',
          'README.md',
          'mkdocs.yml',
        ]) {
          expect(repository.paths()).toContain(file);
        }
        const server = repository.read('internal/server/server.go');
        expect(server).toMatch(/"\/healthz"/);
        expect(server).toMatch(/"\/readyz"/);
        expect(server).toMatch(/promhttp\.HandlerFor/);
        expect(repository.read('main.go')).toMatch(/httpServer\.Shutdown\(/);
        expect(repository.read('main.go')).toMatch(/syscall\.SIGTERM/);
        expect(repository.read('go.mod')).toMatch(/^module orders-api$/m);
        const dockerfile = repository.read('Dockerfile');
        expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
        expect(dockerfile).toMatch(/^USER 65532:65532$/m);

        // Kubernetes: everything the guidance asks for, checked by guidance:validate and here.
        const [deployment] = output.of('Deployment');
        // The HPA owns the count (its minimum is the replicas answer); the Deployment sets none.
        expect(deployment.spec.replicas).toBeUndefined();
        expect(output.of('HorizontalPodAutoscaler')[0].spec.minReplicas).toBe(
          2,
        );
        // Until CI's first run writes the tag it pushed, the overlays name no pushed image.
        expect(deployment.spec.template.spec.containers[0].image).toBe(
          'ghcr.io/acme/orders-api:unreleased',
        );
        expect(
          repository.read('deploy/overlays/prod/kustomization.yaml'),
        ).toMatch(/^ {4}newTag: "unreleased" # set-image-tag$/m);
        expect(repository.has('deploy/promote.sh')).toBe(true);
        expect(repository.read('go.sum')).toMatch(
          /^github\.com\/prometheus\/client_golang v1\.24\.1 h1:/m,
        );
        // preStop + the service's drain + its shutdown timeout fit inside the grace period.
        const goBudget = shutdownBudget(
          deployment,
          goShutdownDefaults(repository.read('main.go')),
        );
        expect(goBudget.preStop).toBeGreaterThan(0);
        expect(goBudget.needed).toBeLessThan(goBudget.grace);
        expect(output.of('PodDisruptionBudget')).toHaveLength(1);
        expect(output.of('HorizontalPodAutoscaler')).toHaveLength(1);
        expectServiceMonitorMatchesService(output);
        expect(expectMeaningfulAlerts(output)).toEqual(
          expect.arrayContaining([
            'HTTPHighErrorRatio',
            'HTTPHighLatencyP99',
            'ScrapeTargetDown',
            'PodCrashLooping',
          ]),
        );
        expectGrafanaDashboard(output);
        const overlays = ['dev', 'prod'].map(env =>
          YAML.parse(
            repository.read(`deploy/overlays/${env}/kustomization.yaml`),
          ),
        );
        expect(overlays.map(o => o.namespace)).toEqual(['shop-dev', 'shop']);
        const built = await kustomizeBuild(repository, [
          'deploy/overlays/dev',
          'deploy/overlays/prod',
        ]);
        if (built) {
          const prod = YAML.parseAllDocuments(
            built['deploy/overlays/prod'],
          ).map(d => d.toJS());
          expect(
            prod.find(o => o.kind === 'Deployment').spec.replicas,
          ).toBeUndefined();
          expect(
            prod.find(o => o.kind === 'HorizontalPodAutoscaler').spec
              .minReplicas,
          ).toBe(3);
          expect(prod.every(o => o.metadata.namespace === 'shop')).toBe(true);
        }

        // Options.
        expect(repository.paths()).toContain(CI_FILE[ciProvider]);
        for (const other of Object.keys(CI_FILE).filter(
          c => c !== ciProvider,
        )) {
          expect(repository.paths()).not.toContain(CI_FILE[other]);
        }
        expect(repository.has('deploy/argocd/applications.yaml')).toBe(
          gitops === 'argocd',
        );
        expect(repository.has('deploy/flux/kustomizations.yaml')).toBe(
          gitops === 'flux',
        );
        if (gitops === 'argocd') {
          const apps = output.of('Application');
          expect(apps.map(a => a.spec.source.path)).toEqual([
            'deploy/overlays/dev',
            'deploy/overlays/prod',
          ]);
          expect(apps[0].spec.source.repoURL).toBe(
            'https://github.com/acme/orders-api.git',
          );
          expect(output.entity.metadata.annotations['argocd/app-name']).toBe(
            'orders-api-prod',
          );
        }
        if (gitops === 'flux') {
          expect(output.of('GitRepository')[0].spec.url).toBe(
            'https://github.com/acme/orders-api.git',
          );
          expect(
            output
              .of('Kustomization')
              .filter(k => k.apiVersion.startsWith('kustomize.toolkit'))
              .map(k => k.spec.path),
          ).toEqual(['./deploy/overlays/dev', './deploy/overlays/prod']);
        }
        const container = deployment.spec.template.spec.containers[0];
        expect(output.of('ExternalSecret')).toHaveLength(
          secretsStore === 'external-secrets' ? 1 : 0,
        );
        expect(output.of('SealedSecret')).toHaveLength(
          secretsStore === 'sealed-secrets' ? 1 : 0,
        );
        if (
          secretsStore === 'external-secrets' ||
          secretsStore === 'sealed-secrets'
        ) {
          expect(container.envFrom).toEqual([
            { secretRef: { name: 'orders-api-secrets' } },
          ]);
        } else {
          expect(container.envFrom).toBeUndefined();
        }
        const annotations = deployment.spec.template.metadata.annotations ?? {};
        expect(annotations['vault.hashicorp.com/agent-inject'] === 'true').toBe(
          secretsStore === 'vault-agent',
        );
        expect(repository.read('docs/secrets.md').length).toBeGreaterThan(100);
      },
    );

    it('publishes to a local repository by default and links repository and entity', async () => {
      const result = await scaffolder.dryRun('go-service', {
        ...base,
        ciProvider: 'github-actions',
        gitops: 'argocd',
        secretsStore: 'external-secrets',
      });
      expect(result.status).toBe(200);
      expect(
        result.log.some(
          l =>
            l.body.stepId === 'publish-local' && l.body.status === 'completed',
        ),
      ).toBe(true);
      expect(
        result.log.some(
          l =>
            l.body.stepId === 'publish-github' && l.body.status === 'skipped',
        ),
      ).toBe(true);
      const [repoLink, entityLink] = result.body.output.links;
      expect(repoLink.url).toMatch(/^file:\/\/.*orders-api$/);
      expect(entityLink.entityRef).toBe('component:default/orders-api');
      expect(result.body.output.text[0].content).toContain('golden-paths');
    });
  });

  describe('node-service', () => {
    const base = {
      name: 'cart-api',
      description: 'Shopping cart',
      owner: OWNER,
      namespace: 'shop',
      imageRegistry: 'registry.local:5000/shop',
      replicas: 3,
      publishTo: 'local',
      gitRemoteUrl: 'ssh://git@github.com/acme/cart-api.git',
    };

    it.each([
      ['github-actions', 'argocd', 'external-secrets'],
      ['circleci', 'flux', 'vault-agent'],
    ])(
      'CI %s, GitOps %s, secrets %s',
      async (ciProvider, gitops, secretsStore) => {
        const result = await scaffolder.dryRun('node-service', {
          ...base,
          ciProvider,
          gitops,
          secretsStore,
        });
        const output = expectGoldenPathOutput(result, {
          articles: [
            'golden-paths',
            'minikube-deployment-patterns',
            'prometheus-grafana-monitoring',
          ],
        });
        await expectValidEntity(output);
        const pkg = JSON.parse(output.repository.read('package.json'));
        expect(pkg.name).toBe('cart-api');
        expect(Object.keys(pkg.scripts)).toEqual(
          expect.arrayContaining(['build', 'test', 'start']),
        );
        expect(pkg.dependencies['prom-client']).toBeDefined();
        expect(output.repository.read('src/main.ts')).toMatch(/SIGTERM/);
        expect(output.repository.read('Dockerfile')).toMatch(
          /^USER 65532:65532$/m,
        );
        expect(output.of('Deployment')[0].spec.replicas).toBeUndefined();
        expect(output.of('HorizontalPodAutoscaler')[0].spec.minReplicas).toBe(
          3,
        );
        const nodeBudget = shutdownBudget(
          output.of('Deployment')[0],
          nodeShutdownDefaults(output.repository.read('src/main.ts')),
        );
        expect(nodeBudget.preStop).toBeGreaterThan(0);
        expect(nodeBudget.needed).toBeLessThan(nodeBudget.grace);
        expect(output.of('PodDisruptionBudget')).toHaveLength(1);
        expectServiceMonitorMatchesService(output);
        expectMeaningfulAlerts(output);
      },
    );
  });

  describe('kubernetes-workload', () => {
    const base = {
      name: 'billing',
      description: 'Billing',
      owner: OWNER,
      image: 'ghcr.io/acme/billing:1.4.2',
      namespace: 'finance',
      port: 8080,
      healthPath: '/healthz',
      readyPath: '/readyz',
      replicas: 3,
      observability: true,
      publishTo: 'local',
      gitRemoteUrl: 'https://github.com/acme/billing-deploy.git',
    };

    it.each([
      ['stateless-web', 'argocd', 'external-secrets'],
      ['stateful', 'flux', 'sealed-secrets'],
      ['worker', 'none', 'vault-agent'],
      ['batch', 'argocd', 'none'],
    ])(
      'pattern %s, GitOps %s, secrets %s',
      async (workloadPattern, gitops, secretsStore) => {
        const result = await scaffolder.dryRun('kubernetes-workload', {
          ...base,
          workloadPattern,
          gitops,
          secretsStore,
          ...(workloadPattern === 'stateful' ? { storageSize: '20Gi' } : {}),
          ...(workloadPattern === 'batch' ? { schedule: '30 2 * * *' } : {}),
        });
        const output = expectGoldenPathOutput(result, {
          articles: [
            'minikube-deployment-patterns',
            'golden-paths',
            'secret-management-patterns',
          ],
        });
        await expectValidEntity(output);
        const kinds = output.objects.map(o => o.object.kind);
        const image = (o: any) =>
          (o.spec.template ?? o.spec.jobTemplate.spec.template).spec
            .containers[0].image;

        if (workloadPattern === 'stateless-web') {
          expect(output.of('Deployment')).toHaveLength(1);
          expect(output.of('Service')).toHaveLength(1);
          expect(output.of('HorizontalPodAutoscaler')).toHaveLength(1);
          expect(output.of('PodDisruptionBudget')).toHaveLength(1);
          expectServiceMonitorMatchesService(output);
          expectMeaningfulAlerts(output);
          expect(output.entity.spec.type).toBe('service');
        }
        if (workloadPattern === 'stateful') {
          const [set] = output.of('StatefulSet');
          expect(set.spec.serviceName).toBe('billing-headless');
          expect(
            set.spec.volumeClaimTemplates[0].spec.resources.requests.storage,
          ).toBe('20Gi');
          expect(
            output
              .of('Service')
              .map(s => s.metadata.name)
              .sort(),
          ).toEqual(['billing', 'billing-headless']);
          expect(output.of('PodDisruptionBudget')).toHaveLength(1);
          expectServiceMonitorMatchesService(output);
          expect(output.articles).toContain('kubernetes-backup-strategy');
          expect(image(set)).toBe(base.image);
        }
        if (workloadPattern === 'worker') {
          expect(output.of('Deployment')).toHaveLength(1);
          expect(kinds).not.toContain('Service');
          expect(kinds).not.toContain('ServiceMonitor');
          expect(
            output.of('Deployment')[0].metadata.labels[
              'app.kubernetes.io/component'
            ],
          ).toBe('worker');
          expect(output.entity.spec.type).toBe('worker');
        }
        if (workloadPattern === 'batch') {
          const [cron] = output.of('CronJob');
          expect(cron.spec.schedule).toBe('30 2 * * *');
          expect(cron.spec.concurrencyPolicy).toBe('Forbid');
          expect(kinds).not.toContain('Deployment');
          expect(kinds).not.toContain('Service');
          expect(output.entity.spec.type).toBe('job');
          expect(image(cron)).toBe(base.image);
        }
        if (workloadPattern !== 'batch') {
          // The README's promise to the image (seconds between SIGTERM and the kill) fits
          // inside the grace period together with the preStop pause.
          const workload = output.of(
            workloadPattern === 'stateful' ? 'StatefulSet' : 'Deployment',
          )[0];
          const promised = output.repository
            .read('README.md')
            .match(/has\s+(\d+) seconds to finish/);
          expect(promised).not.toBeNull();
          const budget = shutdownBudget(workload, {
            drain: 0,
            timeout: Number(promised![1]),
          });
          expect(budget.preStop).toBe(5);
          expect(budget.needed).toBeLessThan(budget.grace);
        }
        expect(
          output.repository.has('deploy/overlays/prod/kustomization.yaml'),
        ).toBe(true);
        const built = await kustomizeBuild(output.repository, [
          'deploy/overlays/dev',
          'deploy/overlays/prod',
        ]);
        if (built) {
          const dev = YAML.parseAllDocuments(built['deploy/overlays/dev']).map(
            d => d.toJS(),
          );
          expect(dev.every(o => o.metadata.namespace === 'finance-dev')).toBe(
            true,
          );
        }
        expect(output.of('ExternalSecret')).toHaveLength(
          secretsStore === 'external-secrets' ? 1 : 0,
        );
        expect(output.of('SealedSecret')).toHaveLength(
          secretsStore === 'sealed-secrets' ? 1 : 0,
        );
        expect(output.of('Application').length > 0).toBe(gitops === 'argocd');
        expect(output.of('GitRepository').length > 0).toBe(gitops === 'flux');
      },
    );
  });

  describe('postgres-database', () => {
    const base = {
      name: 'orders-db',
      description: 'Orders database',
      owner: OWNER,
      databaseName: 'orders',
      databaseOwner: 'orders',
      namespace: 'databases',
      maxConnections: 200,
      clientApps: 6,
      appPoolSize: 10,
      pgbouncerReplicas: 2,
      poolMode: 'transaction',
      backupRetention: '30d',
      publishTo: 'local',
    };
    const inCluster = {
      placement: 'in-cluster',
      postgresVersion: '16',
      instances: 3,
      storageSize: '20Gi',
      backupDestination: 's3://acme-postgres-backups',
    };
    const managed = {
      placement: 'managed',
      managedHost: 'orders.abc123.eu-west-1.rds.amazonaws.com',
      managedPort: 5432,
    };

    it.each([
      ['in-cluster', 'external-secrets'],
      ['managed', 'sealed-secrets'],
      ['in-cluster', 'vault-agent'],
      ['managed', 'none'],
      ['in-cluster', 'none'],
    ])('placement %s, secrets %s', async (placement, secretsStore) => {
      const result = await scaffolder.dryRun('postgres-database', {
        ...base,
        ...(placement === 'in-cluster' ? inCluster : managed),
        secretsStore,
      });
      const output = expectGoldenPathOutput(result, {
        articles: [
          'database-strategy',
          'database-connection-pooling',
          'secret-management-patterns',
        ],
      });
      await expectValidEntity(output);
      expect(output.entity.kind).toBe('Resource');
      expect(output.entity.spec.type).toBe('database');

      const [pgbouncer] = output.of('Deployment');
      const env = Object.fromEntries(
        pgbouncer.spec.template.spec.containers[0].env.map((e: any) => [
          e.name,
          e.value ?? e.valueFrom,
        ]),
      );
      // 6 pods x 10 connections = 60 clients, +25% => 75; (200 - 15) / 2 - 5 = 87, capped at 60.
      expect(env.MAX_CLIENT_CONN).toBe('75');
      expect(env.DEFAULT_POOL_SIZE).toBe('60');
      expect(env.POOL_MODE).toBe('transaction');
      expect(pgbouncer.spec.replicas).toBe(2);
      expect(output.of('PodDisruptionBudget')).toHaveLength(1);
      expect(output.of('Service')[0].spec.selector).toEqual(
        pgbouncer.spec.selector.matchLabels,
      );
      expect(output.repository.read('docs/connection-pooling.md')).toContain(
        '**130**',
      );
      const built = await kustomizeBuild(output.repository, ['deploy/base']);
      if (built) expect(built['deploy/base']).toContain('namespace: databases');

      const clusters = output.objects.filter(
        o => o.object.apiVersion === 'postgresql.cnpg.io/v1',
      );
      if (placement === 'in-cluster') {
        const cluster = clusters.find(c => c.object.kind === 'Cluster')!.object;
        expect(cluster.spec.instances).toBe(3);
        expect(cluster.spec.imageName).toBe(
          'ghcr.io/cloudnative-pg/postgresql:16.15',
        );
        expect(cluster.spec.postgresql.parameters.max_connections).toBe('200');
        // Backups go through the Barman Cloud Plugin: the in-tree barmanObjectStore is
        // removed in CloudNativePG 1.31.
        expect(cluster.spec.backup).toBeUndefined();
        expect(cluster.spec.plugins).toEqual([
          {
            name: 'barman-cloud.cloudnative-pg.io',
            isWALArchiver: true,
            parameters: { barmanObjectName: 'orders-db-backups' },
          },
        ]);
        const stores = output.objects.filter(
          o => o.object.apiVersion === 'barmancloud.cnpg.io/v1',
        );
        expect(stores.map(o => o.object.kind)).toEqual(['ObjectStore']);
        const store = stores[0].object;
        expect(objectStoreProblems(store)).toEqual([]);
        expect(store.metadata.name).toBe('orders-db-backups');
        expect(store.spec.retentionPolicy).toBe('30d');
        expect(store.spec.configuration).toEqual({
          destinationPath: 's3://acme-postgres-backups/orders-db',
          s3Credentials: { inheritFromIAMRole: true },
          wal: { compression: 'gzip' },
          data: { compression: 'gzip' },
        });
        const scheduled = clusters.find(
          c => c.object.kind === 'ScheduledBackup',
        )!.object;
        expect(scheduled.spec.cluster.name).toBe('orders-db');
        expect(scheduled.spec.method).toBe('plugin');
        expect(scheduled.spec.pluginConfiguration).toEqual({
          name: 'barman-cloud.cloudnative-pg.io',
        });
        if (built) {
          expect(built['deploy/base']).toContain('kind: ObjectStore');
        }
        expect(env.DB_HOST).toBe('orders-db-rw');
        expect(output.articles).toContain('kubernetes-backup-strategy');
        expect(Boolean(cluster.spec.bootstrap.initdb.secret)).toBe(
          secretsStore === 'external-secrets' ||
            secretsStore === 'sealed-secrets',
        );
      } else {
        expect(clusters).toEqual([]);
        expect(
          output.objects.filter(
            o => o.object.apiVersion === 'barmancloud.cnpg.io/v1',
          ),
        ).toEqual([]);
        expect(env.DB_HOST).toBe(managed.managedHost);
        expect(env.SERVER_TLS_SSLMODE).toBe('require');
        expect(output.repository.read('docs/backups.md')).toMatch(
          /point-in-time recovery/,
        );
      }
      if (secretsStore === 'vault-agent') {
        expect(env.DB_PASSWORD).toBeUndefined();
        expect(
          pgbouncer.spec.template.metadata.annotations[
            'vault.hashicorp.com/role'
          ],
        ).toBe('orders-db-database');
      } else {
        const expected =
          secretsStore === 'none' && placement === 'in-cluster'
            ? 'orders-db-app'
            : 'orders-db-app-credentials';
        expect(env.DB_PASSWORD).toEqual({
          secretKeyRef: { name: expected, key: 'password' },
        });
      }
      const [external] = output.of('ExternalSecret');
      if (secretsStore === 'external-secrets') {
        expect(external.spec.target).toMatchObject({
          name: 'orders-db-app-credentials',
          template: { type: 'kubernetes.io/basic-auth' },
        });
      } else {
        expect(external).toBeUndefined();
      }
    });
  });

  describe('ci-pipeline', () => {
    it.each([
      ['github-actions', 'go'],
      ['circleci', 'node'],
      ['buildkite', 'container'],
      ['tekton', 'go'],
    ])('%s for %s', async (ciProvider, language) => {
      const result = await scaffolder.dryRun('ci-pipeline', {
        name: 'inventory',
        description: 'Inventory service',
        owner: OWNER,
        language,
        ciProvider,
        imageRegistry: 'ghcr.io/acme',
        defaultBranch: 'main',
        hasManifests: true,
        publishTo: 'local',
      });
      const output = expectGoldenPathOutput(result, {
        articles: ['golden-paths', CI_ARTICLE[ciProvider]],
      });
      await expectValidEntity(output);
      const { repository } = output;
      expect(repository.paths()).toContain(CI_FILE[ciProvider]);
      const config = repository.read(CI_FILE[ciProvider]);
      expect(config).toContain('ghcr.io/acme/inventory');
      expect(config).toMatch(/kustomize/);
      if (language === 'go') expect(config).toMatch(/go test/);
      if (language === 'node') expect(config).toMatch(/npm test/);
      if (language === 'container')
        expect(config).not.toMatch(/go test|npm test/);
      if (ciProvider === 'tekton') {
        const [pipeline] = output.of('Pipeline');
        expect(pipeline.spec.tasks.map((t: any) => t.name)).toEqual([
          'fetch',
          'test',
          'guidance',
          'manifests',
          'image',
        ]);
        expect(output.of('PipelineRun')[0].spec.pipelineRef.name).toBe(
          'inventory-ci',
        );
        expect(output.entity.metadata.annotations['tekton.dev/cicd']).toBe(
          'true',
        );
      }
    });
  });

  describe('observability-stack', () => {
    it('monitoring for an existing service', async () => {
      const result = await scaffolder.dryRun('observability-stack', {
        name: 'payments',
        description: 'Monitoring for payments',
        owner: OWNER,
        namespace: 'payments',
        metricsPortName: 'metrics',
        metricsPath: '/metrics',
        errorRatioThreshold: 0.02,
        latencyThresholdSeconds: 0.3,
        prometheusRelease: 'kps',
        monitoringNamespace: 'monitoring',
        retention: '15d',
        retentionSize: '40GB',
        storageSize: '50Gi',
        publishTo: 'local',
      });
      const output = expectGoldenPathOutput(result, {
        articles: [
          'prometheus-grafana-monitoring',
          'minikube-prometheus-grafana',
          'on-call-rotation',
        ],
      });
      await expectValidEntity(output);
      expect(output.entity.metadata.name).toBe('payments-monitoring');
      expect(output.entity.spec.dependencyOf).toEqual([
        'component:default/payments',
      ]);

      const [monitor] = output.of('ServiceMonitor');
      expect(monitor.metadata.labels.release).toBe('kps');
      expect(monitor.spec.endpoints[0].port).toBe('metrics');
      expectMeaningfulAlerts(output);
      const rule = output.of('PrometheusRule')[0];
      const ratio = rule.spec.groups[0].rules.find(
        (r: any) => r.alert === 'HTTPHighErrorRatio',
      );
      expect(ratio.expr).toMatch(/> 0\.02\s*$/);
      const dashboard = expectGrafanaDashboard(output);
      expect(dashboard.title).toBe('payments');

      const values = YAML.parse(
        output.repository.read('monitoring/kube-prometheus-stack/values.yaml'),
      );
      expect(values.prometheus.prometheusSpec.retention).toBe('15d');
      expect(values.grafana.sidecar.dashboards.label).toBe('grafana_dashboard');
      expect(values.grafana.admin.existingSecret).toBeDefined();
    });
  });

  describe('gitops-bootstrap', () => {
    const base = {
      name: 'platform-gitops',
      description: 'Desired state of the dev cluster',
      owner: OWNER,
      clusterName: 'minikube',
      argocdNamespace: 'argocd',
      defaultBranch: 'main',
      applications: [
        {
          name: 'guestbook',
          repoUrl: 'https://github.com/argoproj/argocd-example-apps.git',
          path: 'guestbook',
          namespace: 'guestbook',
        },
        {
          name: 'orders-api',
          repoUrl: 'https://github.com/acme/orders-api.git',
          path: 'deploy/overlays/prod',
          namespace: 'shop',
        },
      ],
      publishTo: 'local',
      gitRemoteUrl: 'https://github.com/acme/platform-gitops.git',
    };

    it('Argo CD app of apps', async () => {
      const result = await scaffolder.dryRun('gitops-bootstrap', {
        ...base,
        tool: 'argocd',
      });
      const output = expectGoldenPathOutput(result, {
        articles: ['gitops-tool-choice', 'golden-paths', 'minikube-argocd'],
      });
      await expectValidEntity(output);
      const apps = output.of('Application');
      const root = apps.find(a => a.metadata.name === 'platform-gitops-root');
      expect(root.spec.source).toMatchObject({
        repoURL: base.gitRemoteUrl,
        path: 'argocd',
        directory: { recurse: true },
      });
      const children = apps.filter(a => a !== root);
      expect(children.map(a => a.metadata.name)).toEqual([
        'guestbook',
        'orders-api',
      ]);
      expect(children.every(a => a.spec.project === 'platform-gitops')).toBe(
        true,
      );
      const [project] = output.of('AppProject');
      expect(project.spec.destinations.map((d: any) => d.namespace)).toEqual([
        'guestbook',
        'shop',
      ]);
      expect(project.spec.sourceRepos).toEqual(
        expect.arrayContaining([
          base.gitRemoteUrl,
          base.applications[0].repoUrl,
        ]),
      );
      expect(
        output.repository
          .paths()
          .some(p => p.startsWith('clusters/') || p.startsWith('apps/')),
      ).toBe(false);
    });

    it('Flux', async () => {
      const result = await scaffolder.dryRun('gitops-bootstrap', {
        ...base,
        tool: 'flux',
      });
      const output = expectGoldenPathOutput(result, {
        articles: ['gitops-tool-choice', 'golden-paths'],
      });
      await expectValidEntity(output);
      const fluxKustomizations = output
        .of('Kustomization')
        .filter(k => k.apiVersion === 'kustomize.toolkit.fluxcd.io/v1');
      expect(fluxKustomizations.map(k => k.metadata.name)).toEqual([
        'guestbook',
        'orders-api',
        'platform-gitops-apps',
      ]);
      expect(output.of('GitRepository').map(g => g.spec.url)).toEqual(
        base.applications.map(a => a.repoUrl),
      );
      expect(output.of('Namespace').map(n => n.metadata.name)).toEqual([
        'guestbook',
        'shop',
      ]);
      expect(output.repository.paths()).toContain(
        'clusters/minikube/apps.yaml',
      );
      expect(
        output.repository
          .paths()
          .some(p => p.startsWith('argocd/') || p.startsWith('bootstrap/')),
      ).toBe(false);
    });
  });
});

describe('publishing to GitHub (dry run)', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend({ github: true });
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  it('go-service takes the GitHub branch: module path, GitOps source and slug from the repository', async () => {
    const result = await scaffolder.dryRun('go-service', {
      name: 'orders-api',
      description: 'Takes and tracks orders',
      owner: OWNER,
      namespace: 'shop',
      imageRegistry: 'ghcr.io/acme',
      ciProvider: 'github-actions',
      gitops: 'argocd',
      secretsStore: 'external-secrets',
      replicas: 2,
      publishTo: 'github',
      repoUrl: 'github.com?owner=acme&repo=orders-api',
    });
    const output = expectGoldenPathOutput(result, {
      articles: ['golden-paths'],
    });
    expect(output.repository.read('go.mod')).toMatch(
      /^module github\.com\/acme\/orders-api$/m,
    );
    expect(output.of('Application')[0].spec.source.repoURL).toBe(
      'https://github.com/acme/orders-api.git',
    );
    expect(output.entity.metadata.annotations['github.com/project-slug']).toBe(
      'acme/orders-api',
    );
    const statuses = (id: string) =>
      result.log.filter(l => l.body.stepId === id).map(l => l.body.status);
    expect(statuses('publish-local')).toContain('skipped');
    // publish:github and catalog:register do not support dry run: the scaffolder skips them.
    expect(
      result.log.some(
        l =>
          l.body.stepId === 'publish-github' &&
          /dry.?run/i.test(l.body.message),
      ),
    ).toBe(true);
  });
});
