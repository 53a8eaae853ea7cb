import YAML from 'yaml';
import {
  DryRunBackend,
  startDryRunBackend,
} from './__testUtils__/scaffolderDryRun';
import { withFormDefaults } from './__testUtils__/renderedRepository';
import { expectGoldenPathOutput } from './__testUtils__/expectGoldenPathOutput';

// Issue 26: no generated Application is in Argo CD's `default` project. A service gets its own
// AppProject beside its Applications (or names one the platform provides); the bootstrap root
// Application gets a project limited to the GitOps repository and the Argo CD namespace.

jest.setTimeout(300_000);

const OWNER = 'group:default/team-a';
const IN_CLUSTER = 'https://kubernetes.default.svc';

const CI_FOLDER: Record<string, string> = {
  'github-actions': '.github/',
  circleci: '.circleci/',
  buildkite: '.buildkite/',
  tekton: '.tekton/',
};

describe('Argo CD projects of the golden paths', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  async function dryRun(template: string, values: Record<string, unknown>) {
    const result = await scaffolder.dryRun(
      template,
      await withFormDefaults(template, values),
    );
    return { result, output: expectGoldenPathOutput(result, { articles: [] }) };
  }

  it.each([
    ['go-service', 'github-actions'],
    ['node-service', 'tekton'],
    ['kubernetes-workload', undefined],
  ])(
    '%s: its own AppProject comes first and allows only its repository and namespaces',
    async (template, ciProvider) => {
      const { output } = await dryRun(template, {
        name: 'orders-api',
        owner: OWNER,
        namespace: 'shop',
        gitops: 'argocd',
        publishTo: 'local',
        ...(ciProvider ? { ciProvider } : {}),
      });
      const documents = YAML.parseAllDocuments(
        output.repository.read('deploy/argocd/applications.yaml'),
      )
        .map(d => d.toJS())
        .filter(Boolean);
      expect(documents.map(d => d.kind)).toEqual([
        'AppProject',
        'Application',
        'Application',
      ]);
      const [project, ...apps] = documents;
      // Checked against the AppProject schema of @kubernetes-models/argo-cd.
      expect(
        output.schemas.filter(r => r.kind === 'AppProject').map(r => r.schema),
      ).toEqual(['valid']);
      expect(project.metadata).toMatchObject({
        name: 'orders-api',
        namespace: 'argocd',
      });
      expect(project.spec.sourceRepos).toEqual([
        'https://github.com/acme/orders-api.git',
      ]);
      expect(project.spec.destinations).toEqual([
        { server: IN_CLUSTER, namespace: 'shop-dev' },
        { server: IN_CLUSTER, namespace: 'shop' },
      ]);
      expect(project.spec.clusterResourceWhitelist).toEqual([
        { group: '', kind: 'Namespace' },
      ]);
      for (const app of apps) {
        expect(app.spec.project).toBe('orders-api');
        expect(project.spec.sourceRepos).toContain(app.spec.source.repoURL);
        expect(project.spec.destinations).toContainEqual({
          server: app.spec.destination.server,
          namespace: app.spec.destination.namespace,
        });
        // CreateNamespace is what the Namespace in the whitelist is for.
        expect(app.spec.syncPolicy.syncOptions).toContain(
          'CreateNamespace=true',
        );
      }
      expect(output.repository.read('README.md')).toMatch(
        /`orders-api` AppProject/,
      );
    },
  );

  it.each(['go-service', 'kubernetes-workload'])(
    '%s: a platform-provided project is used as named, and no AppProject is generated',
    async template => {
      const { output } = await dryRun(template, {
        name: 'orders-api',
        owner: OWNER,
        gitops: 'argocd',
        argocdProject: 'team-a',
        publishTo: 'local',
      });
      expect(output.of('AppProject')).toEqual([]);
      const apps = output.of('Application');
      expect(apps.map(a => a.spec.project)).toEqual(['team-a', 'team-a']);
      expect(output.repository.read('README.md')).toMatch(
        /`team-a` AppProject your platform provides/,
      );
    },
  );

  it('refuses a project name that is not a Kubernetes name', async () => {
    const result = await scaffolder.dryRun(
      'go-service',
      await withFormDefaults('go-service', {
        name: 'orders-api',
        owner: OWNER,
        argocdProject: 'Team A',
        publishTo: 'local',
      }),
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toMatch(/argocdProject/);
  });

  it('two services get two projects: no object in common', async () => {
    const names = await Promise.all(
      ['orders-api', 'cart-api'].map(async name => {
        const { output } = await dryRun('go-service', {
          name,
          owner: OWNER,
          gitops: 'argocd',
          publishTo: 'local',
        });
        return output.of('AppProject').map(p => p.metadata.name);
      }),
    );
    expect(names).toEqual([['orders-api'], ['cart-api']]);
  });

  it.each(Object.keys(CI_FOLDER))(
    'go-service with %s: guidance:validate reads the manifests, the Dockerfile and the CI configuration',
    async ciProvider => {
      const { result, output } = await dryRun('go-service', {
        name: 'orders-api',
        owner: OWNER,
        ciProvider,
        publishTo: 'local',
      });
      const paths = output.repository.paths();
      const expected = paths.filter(
        p =>
          (p.startsWith('deploy/') || p.startsWith(CI_FOLDER[ciProvider])) &&
          /\.ya?ml$/.test(p),
      );
      expect(paths).toContain('Dockerfile');
      expect(expected.some(p => p.startsWith(CI_FOLDER[ciProvider]))).toBe(
        true,
      );
      expect(result.stepLog('validate').join('\n')).toMatch(
        new RegExp(`in ${expected.length + 1} files against`),
      );
    },
  );

  it('gitops-bootstrap: the root Application is in a bootstrap project limited to the repository and the Argo CD namespace', async () => {
    const gitRemoteUrl = 'https://github.com/acme/platform-gitops.git';
    const { output } = await dryRun('gitops-bootstrap', {
      name: 'platform-gitops',
      owner: OWNER,
      tool: 'argocd',
      argocdNamespace: 'gitops',
      applications: [
        {
          name: 'orders-api',
          repoUrl: 'https://github.com/acme/orders-api.git',
          path: 'deploy/overlays/prod',
          namespace: 'shop',
        },
      ],
      publishTo: 'local',
      gitRemoteUrl,
    });
    const documents = YAML.parseAllDocuments(
      output.repository.read('bootstrap/root-app.yaml'),
    ).map(d => d.toJS());
    expect(documents.map(d => d.kind)).toEqual(['AppProject', 'Application']);
    const [project, root] = documents;
    expect(
      output.schemas
        .filter(r => r.file === 'bootstrap/root-app.yaml')
        .map(r => `${r.kind} ${r.schema}`),
    ).toEqual(['AppProject valid', 'Application valid']);
    expect(project.metadata).toMatchObject({
      name: 'platform-gitops-bootstrap',
      namespace: 'gitops',
    });
    expect(project.spec.sourceRepos).toEqual([gitRemoteUrl]);
    expect(project.spec.destinations).toEqual([
      { server: IN_CLUSTER, namespace: 'gitops' },
    ]);
    expect(project.spec.clusterResourceWhitelist).toEqual([]);
    expect(
      project.spec.namespaceResourceWhitelist.map((k: any) => k.kind),
    ).toEqual(['Application', 'AppProject']);
    expect(root.spec.project).toBe('platform-gitops-bootstrap');
    expect(root.spec.destination.namespace).toBe('gitops');
    // What the root Application syncs from argocd/ is only what its project admits.
    const synced = output.objects
      .filter(o => o.file.startsWith('argocd/'))
      .map(o => o.object.kind);
    expect(new Set(synced)).toEqual(new Set(['AppProject', 'Application']));
    const children = output
      .of('Application')
      .filter(a => a.metadata.name !== 'platform-gitops-root');
    expect(children.map(a => a.spec.project)).toEqual(['platform-gitops']);
    expect(output.repository.read('README.md')).toContain(
      '`platform-gitops-bootstrap` AppProject',
    );
  });
});
