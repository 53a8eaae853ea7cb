import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import request from 'supertest';
import YAML from 'yaml';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The upgrade renders through the real scaffolder with the guidance backend beside it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleConformance from '@paved-road/plugin-guidance-backend-module-conformance';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import scaffolderModuleGuidance from '@paved-road/plugin-scaffolder-backend-module-guidance';
import {
  liveCatalog,
  templateEntityFromFile,
} from './__testUtils__/liveCatalog';
import { TEMPLATES_ROOT } from './__testUtils__/templateDirectory';

jest.setTimeout(300_000);

type TaskResult = { status: string; output: any; log: string[] };

/** Real scaffolder tasks (not dry runs): the template runs and its actions write for real. */
async function runTask(
  backend: TestBackend,
  templateRef: string,
  values: Record<string, unknown>,
): Promise<TaskResult> {
  const created = await request(backend.server)
    .post('/api/scaffolder/v2/tasks')
    .send({ templateRef, values });
  if (created.status !== 201) {
    throw new Error(
      `Task not created: ${created.status} ${JSON.stringify(created.body)}`,
    );
  }
  const id = created.body.id;
  for (let i = 0; i < 600; i++) {
    const task = await request(backend.server).get(
      `/api/scaffolder/v2/tasks/${id}`,
    );
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events = await request(backend.server).get(
        `/api/scaffolder/v2/tasks/${id}/events`,
      );
      const list: any[] = events.body ?? [];
      return {
        status: task.body.status,
        output: list.find(e => e.type === 'completion')?.body?.output,
        log: list.filter(e => e.type === 'log').map(e => e.body.message),
      };
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`Task ${id} did not finish`);
}

async function readFileAt(dir: string, ref: string, filepath: string) {
  const oid = await git.resolveRef({ fs, dir, ref });
  const { blob } = await git.readBlob({ fs, dir, oid, filepath });
  return Buffer.from(blob).toString('utf8');
}

async function filesAt(dir: string, ref: string) {
  return git.listFiles({ fs, dir, ref });
}

async function commitOnMain(dir: string, message: string) {
  for (const [filepath, , worktree] of await git.statusMatrix({ fs, dir })) {
    if (worktree === 0) await git.remove({ fs, dir, filepath });
    else await git.add({ fs, dir, filepath });
  }
  const author = { name: 'Dev', email: 'dev@example.com' };
  await git.commit({ fs, dir, message, author, committer: author });
}

async function edit(file: string, from: string | RegExp, to: string) {
  const before = await fs.readFile(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not found in ${file}`);
  await fs.writeFile(file, after);
}

const serviceValues = (name: string) => ({
  name,
  description: `The ${name} service`,
  owner: 'group:default/team-a',
  namespace: 'shop',
  imageRegistry: 'ghcr.io/acme',
  ciProvider: 'github-actions',
  gitops: 'argocd',
  secretsStore: 'external-secrets',
  replicas: 2,
  publishTo: 'local',
  gitRemoteUrl: `https://github.com/acme/${name}.git`,
});

async function treeAt(dir: string, ref: string) {
  const oid = await git.resolveRef({ fs, dir, ref });
  return (await git.readCommit({ fs, dir, oid })).commit.tree;
}

describe('guidance:upgrade through the real scaffolder', () => {
  let workDir: string;
  let backend: TestBackend;
  let templateCopy: string;
  /** The go-service version the services are created on, and the one they upgrade to. */
  let v1: number;
  let v2: number;
  /** The log of each service's creation. */
  const creationLogs: Record<string, string[]> = {};
  const entities: Entity[] = [];
  const goService = () => entities.find(e => e.metadata.name === 'go-service')!;
  const setGoService = (entity: Entity) =>
    entities.splice(
      entities.findIndex(e => e.metadata.name === 'go-service'),
      1,
      entity,
    );
  const upgrade = (name: string, values?: Record<string, unknown> | string) =>
    runTask(backend, 'template:default/golden-path-upgrade', {
      entityRef: `component:default/${name}`,
      ...(values === undefined ? {} : { values }),
    });
  const repo = (name: string) => join(workDir, 'repos', name);
  const deployment = (name: string) =>
    join(repo(name), 'deploy/base/deployment.yaml');
  const hpa = (name: string) => join(repo(name), 'deploy/base/hpa.yaml');

  beforeAll(async () => {
    workDir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-upgrade-'));
    templateCopy = join(workDir, 'templates/go-service');
    await fs.copy(join(TEMPLATES_ROOT, 'go-service'), templateCopy);
    // The copy starts at the real template's version (v1 below, read from its entity, so the
    // guard against a lowered version has a lower one to try); the test makes its v1 + 1.
    entities.push(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
      // Another team's service: its name is taken.
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments-api',
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location':
              'url:https://github.com/acme/payments-api/blob/main/catalog-info.yaml',
          },
        },
        spec: {
          type: 'service',
          owner: 'group:default/team-b',
          lifecycle: 'production',
        },
      },
      await templateEntityFromFile(join(templateCopy, 'template.yaml')),
      await templateEntityFromFile(
        join(TEMPLATES_ROOT, 'golden-path-upgrade/template.yaml'),
      ),
    );
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGuidance,
        guidancePlugin,
        guidanceModuleConformance,
        guidanceModuleBuiltinArticles,
        liveCatalog(entities),
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: workDir },
            scaffolder: {
              defaultAuthor: {
                name: 'Paved Road',
                email: 'paved-road@example.com',
              },
            },
            guidance: {
              publishLocal: { root: join(workDir, 'repos'), enabled: true },
              conformance: { localRoots: [join(workDir, 'repos')] },
            },
          },
        }),
      ],
    });

    v1 = Number(
      goService().metadata.annotations?.['paved-road.dev/template-version'],
    );
    v2 = v1 + 1;

    // The current version: create three services, then change them the way teams do.
    for (const name of ['orders', 'billing', 'vault']) {
      const created = await runTask(backend, 'template:default/go-service', {
        ...serviceValues(name),
        ...(name === 'vault' ? { secretsStore: 'vault-agent' } : {}),
      });
      if (created.status !== 'completed') {
        throw new Error(`Creating ${name} failed: ${created.log.join('\n')}`);
      }
      creationLogs[name] = created.log;
    }
    await edit(deployment('orders'), 'maxSurge: 1', 'maxSurge: 2');
    await edit(
      deployment('orders'),
      /( *)- name: LOG_LEVEL\n( *)value: info\n/,
      '$1- name: LOG_LEVEL\n$2value: info\n$1- name: FEATURE_FLAGS\n$2value: checkout-v2\n',
    );
    await commitOnMain(repo('orders'), 'Faster rollouts and a feature flag');

    await edit(deployment('billing'), /path: \/healthz/, 'path: /health');
    await fs.remove(join(repo('billing'), 'README.md'));
    await commitOnMain(repo('billing'), 'Own health path, no README');

    // The HPA owns the replica count, so the team raises its floor there; the agent's
    // rendering needs more memory in the Deployment the template's next version also changes.
    await edit(hpa('vault'), 'minReplicas: 2', 'minReplicas: 4');
    await edit(deployment('vault'), 'memory: 256Mi', 'memory: 512Mi');
    await fs.outputFile(
      join(repo('vault'), 'docs/adr/0002-own-decision.md'),
      '# Our own decision\n',
    );
    await commitOnMain(
      repo('vault'),
      'At least four replicas, more memory and an ADR',
    );

    // The next version of the test copy: a new component label and a changed liveness probe
    // path (both in the kubernetes/base fragment's values), and a README addition.
    const templateFile = join(templateCopy, 'template.yaml');
    await edit(
      templateFile,
      new RegExp(`paved-road\\.dev/template-version: ['"]${v1}['"]`),
      `paved-road.dev/template-version: '${v2}'`,
    );
    await edit(
      templateFile,
      '          replicas: ${{ parameters.replicas }}\n',
      '          replicas: ${{ parameters.replicas }}\n          component: api\n          healthPath: /livez\n',
    );
    await fs.appendFile(
      join(templateCopy, 'content/README.md'),
      '\n## Staying on the golden path\n\nUpgrade with the golden-path-upgrade template.\n',
    );
    setGoService(await templateEntityFromFile(templateFile));
  });

  afterAll(async () => {
    await backend?.stop();
    if (workDir) await fs.remove(workDir);
  });

  it('creation recorded the answers, the template annotation and the pristine branch', async () => {
    const answers = YAML.parse(
      await readFileAt(
        repo('orders'),
        'paved-road/template',
        '.paved-road/answers.yaml',
      ),
    );
    // Every answer, secretsStore included: its name looks like a secret, its schema says not.
    expect(answers).toEqual({
      template: 'go-service',
      version: v1,
      values: serviceValues('orders'),
    });
    const entity = entities.find(e => e.metadata.name === 'orders');
    expect(entity?.metadata.annotations?.['paved-road.dev/template']).toBe(
      `go-service@${v1}`,
    );
    // The catalog found the repository through the catalog module, not a registered
    // location, and guidance:publish:local waited until it had.
    const catalogInfo = await fs.realpath(
      join(repo('orders'), 'catalog-info.yaml'),
    );
    expect(
      entity?.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe(`file:${catalogInfo}`);
    expect(creationLogs.orders.join('\n')).toContain(
      `component:default/orders is in the catalog, read from ${catalogInfo}`,
    );
    const log = await git.log({ fs, dir: repo('orders'), ref: 'main' });
    expect(log).toHaveLength(2);
    expect(
      await git.resolveRef({
        fs,
        dir: repo('orders'),
        ref: 'paved-road/template',
      }),
    ).toBe(log[1].oid);
    expect(
      await git.resolveRef({
        fs,
        dir: repo('orders'),
        ref: `refs/tags/paved-road/template-v${v1}`,
      }),
    ).toBe(log[1].oid);
  });

  it('keeps the user edits and applies the template changes on paved-road/upgrade-v<next>', async () => {
    const dir = repo('orders');
    const mainBefore = await git.resolveRef({ fs, dir, ref: 'main' });
    const templateBefore = await git.resolveRef({
      fs,
      dir,
      ref: 'paved-road/template',
    });
    const result = await runTask(
      backend,
      'template:default/golden-path-upgrade',
      {
        entityRef: 'component:default/orders',
      },
    );
    expect({
      status: result.status,
      log: result.status === 'completed' ? [] : result.log,
    }).toEqual({
      status: 'completed',
      log: [],
    });

    const merged = await readFileAt(
      dir,
      `paved-road/upgrade-v${v2}`,
      'deploy/base/deployment.yaml',
    );
    expect(merged).toContain('maxSurge: 2'); // user edit
    expect(merged).toContain('- name: FEATURE_FLAGS'); // user edit
    expect(merged).toContain('path: /livez'); // template change
    expect(merged).not.toContain('path: /healthz');
    expect(merged).toContain('app.kubernetes.io/component: api'); // template change
    expect(merged).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(
      await readFileAt(dir, `paved-road/upgrade-v${v2}`, 'README.md'),
    ).toContain('Staying on the golden path');
    expect(
      YAML.parse(
        await readFileAt(
          dir,
          `paved-road/upgrade-v${v2}`,
          '.paved-road/answers.yaml',
        ),
      ),
    ).toEqual({
      template: 'go-service',
      version: v2,
      // A parameter the service was created without is recorded with its default.
      values: {
        ...serviceValues('orders'),
        checkerPackage: '@paved-road/cli@0.1.0',
      },
    });
    expect(
      YAML.parse(
        await readFileAt(dir, `paved-road/upgrade-v${v2}`, 'catalog-info.yaml'),
      ).metadata.annotations['paved-road.dev/template'],
    ).toBe(`go-service@${v2}`);

    // main and paved-road/template are untouched until main takes the upgrade; the new render
    // is one commit on from the old one, under its version's tag.
    expect(await git.resolveRef({ fs, dir, ref: 'main' })).toBe(mainBefore);
    expect(await git.resolveRef({ fs, dir, ref: 'paved-road/template' })).toBe(
      templateBefore,
    );
    const [templateHead] = await git.log({
      fs,
      dir,
      ref: `refs/tags/paved-road/template-v${v2}`,
      depth: 1,
    });
    expect(templateHead.commit.parent).toEqual([templateBefore]);
    expect(
      await readFileAt(
        dir,
        `refs/tags/paved-road/template-v${v2}`,
        'deploy/base/deployment.yaml',
      ),
    ).toContain('maxSurge: 1');
    const [upgradeCommit] = await git.log({
      fs,
      dir,
      ref: `paved-road/upgrade-v${v2}`,
      depth: 1,
    });
    expect(upgradeCommit.commit.parent).toEqual([mainBefore, templateHead.oid]);

    expect(result.output.text[0].content).toContain(
      `paved-road/upgrade-v${v2}`,
    );
    expect(result.output.text[0].content).toContain(
      'Conflicts (files with markers): none',
    );
    expect(upgradeCommit.commit.message).toContain(
      `base: the pristine go-service v${v1} render (${templateBefore.slice(
        0,
        7,
      )})`,
    );
    // A local upgrade has no pull request to link to.
    expect(result.output.links.map((l: { title: string }) => l.title)).toEqual([
      'Open in catalog',
    ]);
  });

  it('marks a conflicting edit, lists it, and does not bring back a deleted file', async () => {
    const dir = repo('billing');
    const result = await runTask(
      backend,
      'template:default/golden-path-upgrade',
      {
        entityRef: 'component:default/billing',
      },
    );
    expect(result.status).toBe('completed');
    const content = result.output.text[0].content;
    expect(content).toContain(
      'Conflicts (files with markers): deploy/base/deployment.yaml',
    );
    expect(content).toContain('deleted by you (left deleted): README.md');

    const merged = await readFileAt(
      dir,
      `paved-road/upgrade-v${v2}`,
      'deploy/base/deployment.yaml',
    );
    expect(merged).toContain(
      [
        '<<<<<<< main',
        '              path: /health',
        `||||||| go-service v${v1}`,
        '              path: /healthz',
        '=======',
        '              path: /livez',
        `>>>>>>> go-service v${v2}`,
      ].join('\n'),
    );
    // Non-conflicting template changes in the same file still arrive.
    expect(merged).toContain('app.kubernetes.io/component: api');
    expect(await filesAt(dir, `paved-road/upgrade-v${v2}`)).not.toContain(
      'README.md',
    );
    expect(result.log.join('\n')).toMatch(
      /README.md was deleted on main and changed by the template/,
    );
  });

  it('refuses to upgrade twice to the same version and explains entities without a golden path', async () => {
    const again = await runTask(
      backend,
      'template:default/golden-path-upgrade',
      {
        entityRef: 'component:default/orders',
      },
    );
    expect(again.status).toBe('failed');
    expect(again.log.join('\n')).toMatch(
      `already has a branch paved-road/upgrade-v${v2}`,
    );

    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'legacy', namespace: 'default' },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    });
    const legacy = await runTask(
      backend,
      'template:default/golden-path-upgrade',
      {
        entityRef: 'component:default/legacy',
      },
    );
    expect(legacy.status).toBe('failed');
    expect(legacy.log.join('\n')).toMatch(
      /was not created from a versioned golden path/,
    );
  });

  it('creation evaluated the new service at once', async () => {
    const response = await request(backend.server).get(
      '/api/guidance/entities/component/default/orders/conformance',
    );
    expect(response.status).toBe(200);
    expect(response.body.entityRef).toBe('component:default/orders');
    expect(response.body.results.length).toBeGreaterThan(0);
  });

  it('refuses a name the catalog already has, before publishing anything', async () => {
    const result = await runTask(backend, 'template:default/go-service', {
      ...serviceValues('payments-api'),
    });
    expect(result.status).toBe('failed');
    expect(result.log.join('\n')).toContain(
      'component:default/payments-api already exists, owned by group:default/team-b',
    );
    expect(await fs.pathExists(repo('payments-api'))).toBe(false);
    expect(
      entities.find(e => e.metadata.name === 'payments-api')?.spec?.owner,
    ).toBe('group:default/team-b');
  });

  describe('a vault-agent service', () => {
    it('is upgraded as vault-agent with every edit', async () => {
      const dir = repo('vault');
      const result = await upgrade('vault');
      expect(result.status).toBe('completed');
      const branch = `paved-road/upgrade-v${v2}`;
      const merged = await readFileAt(
        dir,
        branch,
        'deploy/base/deployment.yaml',
      );
      expect(merged).toContain('vault.hashicorp.com/agent-inject');
      expect(merged).toContain('memory: 512Mi'); // team edit
      expect(merged).not.toContain('memory: 256Mi');
      expect(merged).toContain('path: /livez'); // template change
      expect(await readFileAt(dir, branch, 'deploy/base/hpa.yaml')).toContain(
        'minReplicas: 4',
      ); // team edit
      const files = await filesAt(dir, branch);
      expect(files).toContain('docs/adr/0002-own-decision.md');
      expect(files.some(f => /external-?secret/i.test(f))).toBe(false);
      expect(files).toEqual(
        expect.arrayContaining(
          (await filesAt(dir, 'main')).filter(f => f.includes('vault')),
        ),
      );
      expect(
        YAML.parse(await readFileAt(dir, branch, '.paved-road/answers.yaml'))
          .values.secretsStore,
      ).toBe('vault-agent');
    });

    it('gives the same upgrade again after its branch is deleted', async () => {
      const dir = repo('vault');
      const branch = `paved-road/upgrade-v${v2}`;
      const firstTree = await treeAt(dir, branch);
      const firstFiles = await filesAt(dir, branch);
      const templateBefore = await git.resolveRef({
        fs,
        dir,
        ref: 'paved-road/template',
      });
      expect(firstTree).not.toBe(await treeAt(dir, 'main'));
      await git.deleteBranch({ fs, dir, ref: branch });

      const again = await upgrade('vault');
      expect(again.status).toBe('completed');
      expect(await treeAt(dir, branch)).toBe(firstTree);
      expect(await filesAt(dir, branch)).toEqual(firstFiles);
      expect(again.output.text[0].content).toContain(
        `Upgraded from v${v1} to v${v2}`,
      );
      expect(
        await git.resolveRef({ fs, dir, ref: 'paved-road/template' }),
      ).toBe(templateBefore);
    });

    it('refuses a new required parameter without a value, naming it, and takes it from values', async () => {
      const current = goService();
      const v3 = v2 + 1;
      const withCostCenter: Entity = JSON.parse(JSON.stringify(current));
      withCostCenter.metadata.annotations!['paved-road.dev/template-version'] =
        String(v3);
      const pages = withCostCenter.spec!.parameters as any[];
      pages[0].required.push('costCenter');
      pages[0].properties.costCenter = {
        title: 'Cost center',
        type: 'string',
        default: 'cc-000',
      };
      setGoService(withCostCenter);
      try {
        const refused = await upgrade('vault');
        expect(refused.status).toBe('failed');
        expect(refused.log.join('\n')).toContain(
          `go-service v${v3} needs answers that .paved-road/answers.yaml does not record: costCenter.`,
        );
        expect(
          await git.listBranches({ fs, dir: repo('vault') }),
        ).not.toContain(`paved-road/upgrade-v${v3}`);

        const given = await upgrade('vault', 'costCenter: cc-042\n');
        expect(given.status).toBe('completed');
        expect(given.output.text[0].content).toContain(
          'Not recorded, taken from your values: costCenter',
        );
        expect(
          YAML.parse(
            await readFileAt(
              repo('vault'),
              `paved-road/upgrade-v${v3}`,
              '.paved-road/answers.yaml',
            ),
          ).values,
        ).toMatchObject({ costCenter: 'cc-042', secretsStore: 'vault-agent' });
      } finally {
        setGoService(current);
      }
    });

    it('refuses a template version that went backwards', async () => {
      const current = goService();
      const lowered: Entity = JSON.parse(JSON.stringify(current));
      expect(v1).toBeGreaterThan(1);
      lowered.metadata.annotations!['paved-road.dev/template-version'] = String(
        v1 - 1,
      );
      setGoService(lowered);
      try {
        const refused = await upgrade('vault');
        expect(refused.status).toBe('failed');
        expect(refused.log.join('\n')).toContain(
          `template:default/go-service went backwards: it is at v${
            v1 - 1
          }, but component:default/vault is already on v${v1}`,
        );
      } finally {
        setGoService(current);
      }
    });
  });
});
