import os from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import fs from 'fs-extra';
import {
  DryRunBackend,
  startDryRunBackend,
} from '../__testUtils__/scaffolderDryRun';
import {
  render,
  RenderedRepository,
} from '../__testUtils__/renderedRepository';
import {
  declaredObjects,
  replicasUnderHpa,
  resolvingBuilds,
  sharedObjects,
  unpushedImages,
  unsupportedVersions,
} from '../__testUtils__/seams';

// The seams between generated files, for every template and every value of its main options:
// (a) every image an overlay deploys is pushed by CI and written into the overlay after the push,
// (b) two services rendered with defaults declare no object in common, (c) no HPA-scaled workload
// sets replicas, (d) builds install exactly the committed lock, (e) named versions are supported.
// seams.test.ts shows each check rejecting a broken example.

jest.setTimeout(300_000);

const TODAY = '2026-12-06';
const OWNER = 'group:default/team-a';
const CI = ['github-actions', 'circleci', 'buildkite', 'tekton'];
const GITOPS = ['argocd', 'flux', 'none'];
const SECRETS = ['external-secrets', 'sealed-secrets', 'vault-agent', 'none'];

/** Every CI × GitOps pair once; secrets stores rotate so each appears three times. */
const SERVICE_OPTIONS = CI.flatMap((ciProvider, i) =>
  GITOPS.map((gitops, j) => ({
    ciProvider,
    gitops,
    secretsStore: SECRETS[(i + j) % SECRETS.length],
  })),
);

function serviceDefaults(name: string) {
  // Only what has no default in the template; everything else is the template's own default.
  return {
    name,
    owner: OWNER,
    publishTo: 'local',
    gitRemoteUrl: `https://github.com/acme/${name}.git`,
  };
}

/** What the four per-repository checks find; every list empty is a repository that deploys. */
function seamProblems(
  rendered: RenderedRepository,
  options: { existingImages?: string[] } = {},
) {
  const objects = Object.values(rendered.built).flat();
  return {
    unpushedImages: unpushedImages(
      rendered.repository,
      rendered.built,
      options,
    ),
    replicasUnderHpa: replicasUnderHpa(objects),
    resolvingBuilds: resolvingBuilds(rendered.repository),
    unsupportedVersions: unsupportedVersions(rendered.repository, TODAY),
  };
}

const NO_PROBLEMS = {
  unpushedImages: [],
  replicasUnderHpa: [],
  resolvingBuilds: [],
  unsupportedVersions: [],
};

describe('golden-path lifecycle seams', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  describe.each(['go-service', 'node-service'])('%s', template => {
    it.each(SERVICE_OPTIONS)(
      'CI $ciProvider, GitOps $gitops, secrets $secretsStore',
      async options => {
        const rendered = await render(scaffolder, template, {
          ...serviceDefaults('orders-api'),
          ...options,
        });
        expect(Object.keys(rendered.built).sort()).toEqual([
          'deploy/overlays/dev',
          'deploy/overlays/prod',
        ]);
        // The HPA is there, so (c) checked something.
        expect(
          rendered.built['deploy/overlays/prod'].map(o => o.kind),
        ).toContain('HorizontalPodAutoscaler');
        expect(seamProblems(rendered)).toEqual(NO_PROBLEMS);
      },
    );
  });

  it('two services with the defaults declare no object in common, whatever their template and GitOps tool', async () => {
    for (const gitops of GITOPS) {
      const go = await render(scaffolder, 'go-service', {
        ...serviceDefaults('orders-api'),
        gitops,
      });
      const node = await render(scaffolder, 'node-service', {
        ...serviceDefaults('cart-api'),
        gitops,
      });
      const goOther = await render(scaffolder, 'go-service', {
        ...serviceDefaults('payments-api'),
        gitops,
      });
      const a = declaredObjects(go.repository, go.built);
      // Both land in the same default namespace, so a shared Namespace object would show here.
      expect(new Set(a.map(o => o.metadata.namespace))).toContain('services');
      expect({
        gitops,
        goNode: sharedObjects(a, declaredObjects(node.repository, node.built)),
        goGo: sharedObjects(
          a,
          declaredObjects(goOther.repository, goOther.built),
        ),
      }).toEqual({ gitops, goNode: [], goGo: [] });
    }
  });

  describe('kubernetes-workload', () => {
    const image = 'ghcr.io/acme/billing:1.4.2';
    it.each([
      ['stateless-web', 'argocd', 'external-secrets'],
      ['stateful', 'flux', 'sealed-secrets'],
      ['worker', 'none', 'vault-agent'],
      ['batch', 'argocd', 'none'],
    ])(
      'pattern %s, GitOps %s, secrets %s',
      async (workloadPattern, gitops, secretsStore) => {
        const rendered = await render(scaffolder, 'kubernetes-workload', {
          ...serviceDefaults('billing'),
          image,
          workloadPattern,
          gitops,
          secretsStore,
          ...(workloadPattern === 'batch' ? { schedule: '30 2 * * *' } : {}),
        });
        expect(seamProblems(rendered, { existingImages: [image] })).toEqual(
          NO_PROBLEMS,
        );
      },
    );

    it('two workloads with the defaults declare no object in common', async () => {
      const [a, b] = await Promise.all(
        ['billing', 'invoicing'].map(name =>
          render(scaffolder, 'kubernetes-workload', {
            ...serviceDefaults(name),
            image: `ghcr.io/acme/${name}:1.0.0`,
            workloadPattern: 'stateless-web',
          }),
        ),
      );
      expect(
        sharedObjects(
          declaredObjects(a.repository, a.built),
          declaredObjects(b.repository, b.built),
        ),
      ).toEqual([]);
    });
  });

  describe('postgres-database', () => {
    const base = {
      name: 'orders-db',
      owner: OWNER,
      databaseName: 'orders',
      databaseOwner: 'orders',
      publishTo: 'local',
    };
    it.each([
      ['in-cluster', 'external-secrets', '15'],
      ['in-cluster', 'vault-agent', '16'],
      ['in-cluster', 'sealed-secrets', '17'],
      ['managed', 'none', undefined],
    ])(
      'placement %s, secrets %s, PostgreSQL %s',
      async (placement, secretsStore, postgresVersion) => {
        const rendered = await render(scaffolder, 'postgres-database', {
          ...base,
          placement,
          secretsStore,
          ...(placement === 'in-cluster'
            ? {
                postgresVersion,
                backupDestination: 's3://acme-postgres-backups',
              }
            : { managedHost: 'orders.abc123.eu-west-1.rds.amazonaws.com' }),
        });
        // The PgBouncer image is an existing, pinned image, not one this repository builds.
        const pgbouncer = Object.values(rendered.built)
          .flat()
          .flatMap(o => o.spec?.template?.spec?.containers ?? [])
          .map((c: any) => String(c.image))
          .filter(i => i.includes('pgbouncer'));
        expect(seamProblems(rendered, { existingImages: pgbouncer })).toEqual(
          NO_PROBLEMS,
        );
      },
    );
  });

  it.each(
    CI.flatMap(ci =>
      ['go', 'node', 'container'].map(language => [ci, language]),
    ),
  )('ci-pipeline %s for %s', async (ciProvider, language) => {
    const rendered = await render(scaffolder, 'ci-pipeline', {
      name: 'inventory',
      owner: OWNER,
      language,
      ciProvider,
      publishTo: 'local',
    });
    expect(seamProblems(rendered)).toEqual(NO_PROBLEMS);
  });

  it('observability-stack', async () => {
    const rendered = await render(scaffolder, 'observability-stack', {
      name: 'payments',
      owner: OWNER,
      publishTo: 'local',
    });
    expect(seamProblems(rendered)).toEqual(NO_PROBLEMS);
  });

  it.each(['argocd', 'flux'])('gitops-bootstrap with %s', async tool => {
    const rendered = await render(scaffolder, 'gitops-bootstrap', {
      name: 'platform-gitops',
      owner: OWNER,
      tool,
      publishTo: 'local',
      gitRemoteUrl: 'https://github.com/acme/platform-gitops.git',
    });
    expect(seamProblems(rendered)).toEqual(NO_PROBLEMS);
  });

  describe('deploy/promote.sh, run against a real Git remote', () => {
    const git = (cwd: string, ...args: string[]) => {
      const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
      if (run.status !== 0)
        throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
      return run.stdout.trim();
    };
    const sh = (cwd: string, ...args: string[]) =>
      spawnSync('sh', args, {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, GH_TOKEN: '' },
      });
    const newTag = (content: string) =>
      /newTag: "([^"]*)" # set-image-tag/.exec(content)?.[1];

    it('writes the first release into both overlays, then dev on main and prod on a branch', async () => {
      const { repository } = await render(scaffolder, 'go-service', {
        ...serviceDefaults('orders-api'),
      });
      const root = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-promote-'));
      try {
        const origin = join(root, 'origin.git');
        const work = join(root, 'work');
        git(root, 'init', '-q', '--bare', '-b', 'main', origin);
        await repository.writeTo(work);
        git(work, 'init', '-q', '-b', 'main');
        git(work, 'config', 'user.name', 'test');
        git(work, 'config', 'user.email', 'test@example.com');
        git(work, 'add', '-A');
        git(work, 'commit', '-q', '-m', 'from the template');
        git(work, 'remote', 'add', 'origin', origin);
        git(work, 'push', '-q', 'origin', 'main');
        const first = git(work, 'rev-parse', 'HEAD');
        const overlay = (env: string) =>
          git(origin, 'show', `main:deploy/overlays/${env}/kustomization.yaml`);
        expect(newTag(overlay('prod'))).toBe('unreleased');

        const release1 = sh(work, 'deploy/promote.sh', first);
        expect(release1.stderr).toBe('');
        expect(release1.status).toBe(0);
        expect([newTag(overlay('dev')), newTag(overlay('prod'))]).toEqual([
          first,
          first,
        ]);

        // A change to the service: dev gets it on main, prod through deploy/prod-<sha>.
        git(work, 'checkout', '-q', 'main');
        git(work, 'pull', '-q', 'origin', 'main');
        await fs.appendFile(join(work, 'main.go'), '\n// a change\n');
        git(work, 'commit', '-q', '-am', 'a change');
        git(work, 'push', '-q', 'origin', 'main');
        const second = git(work, 'rev-parse', 'HEAD');
        const release2 = sh(work, 'deploy/promote.sh', second);
        expect(release2.status).toBe(0);
        expect(release2.stdout).toContain(`deploy/prod-${second}`);
        expect([newTag(overlay('dev')), newTag(overlay('prod'))]).toEqual([
          second,
          first,
        ]);
        expect(
          newTag(
            git(
              origin,
              'show',
              `deploy/prod-${second}:deploy/overlays/prod/kustomization.yaml`,
            ),
          ),
        ).toBe(second);
        expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe(
          `deploy(dev): ghcr.io/acme/orders-api:${second} [skip ci]`,
        );

        // Merging the promotion only changes an overlay: no new release, no new pull request.
        git(origin, 'update-ref', 'refs/heads/main', `deploy/prod-${second}`);
        git(work, 'fetch', '-q', 'origin');
        const merged = git(work, 'rev-parse', 'origin/main');
        const release3 = sh(work, 'deploy/promote.sh', merged);
        expect(release3.status).toBe(0);
        expect(release3.stdout).toMatch(/nothing to release/);
        expect(git(origin, 'rev-parse', 'main')).toBe(merged);
      } finally {
        await fs.remove(root);
      }
    });

    it('set-image-tag.sh refuses what is not an image tag and an overlay without the marker', async () => {
      const { repository } = await render(scaffolder, 'node-service', {
        ...serviceDefaults('cart-api'),
      });
      const dir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-set-tag-'));
      try {
        await repository.writeTo(dir);
        const bad = sh(dir, 'deploy/set-image-tag.sh', 'dev', 'a b;rm -rf /');
        expect({ status: bad.status, stderr: bad.stderr.trim() }).toEqual({
          status: 2,
          stderr:
            "set-image-tag: 'a b;rm -rf /' is not an image tag (letters, digits, '_', '.', '-')",
        });
        const missing = sh(dir, 'deploy/set-image-tag.sh', 'staging', 'abc');
        expect(missing.stderr.trim()).toBe(
          'set-image-tag: there is no overlay deploy/overlays/staging/kustomization.yaml',
        );
        const file = join(dir, 'deploy/overlays/dev/kustomization.yaml');
        await fs.writeFile(
          file,
          (await fs.readFile(file, 'utf8')).replace(' # set-image-tag', ''),
        );
        const unmarked = sh(dir, 'deploy/set-image-tag.sh', 'dev', 'abc');
        expect({
          status: unmarked.status,
          stderr: unmarked.stderr.trim(),
        }).toEqual({
          status: 1,
          stderr:
            "set-image-tag: deploy/overlays/dev/kustomization.yaml has no newTag line marked '# set-image-tag'",
        });
      } finally {
        await fs.remove(dir);
      }
    });
  });
});
