import { join } from 'path';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import YAML from 'yaml';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createUpgradeAction } from './upgrade';
import { writeFileTree } from '../upgrade/gitTrees';
import { TEMPLATES_ROOT } from '../__testUtils__/templateDirectory';

const author = { name: 'Dev', email: 'dev@example.com' };

describe('guidance:upgrade input checks and dry run', () => {
  const mock = createMockDirectory();
  const root = () => mock.resolve('repos');

  const service = (location: string, origin = 'go-service@1'): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders',
      namespace: 'default',
      annotations: {
        'paved-road.dev/template': origin,
        'backstage.io/managed-by-location': location,
      },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  });
  const template = (version: string, parameters: any = []): Entity => ({
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'go-service',
      namespace: 'default',
      annotations: {
        'paved-road.dev/template-version': version,
        'backstage.io/managed-by-location': `file:${TEMPLATES_ROOT}/go-service/template.yaml`,
      },
    },
    spec: { parameters, steps: [] },
  });

  /** A repository as guidance:publish:local leaves it: one commit on main and on paved-road/template. */
  async function makeRepo(
    dir: string,
    version = 1,
    values: Record<string, unknown> = {},
  ) {
    await fs.outputFile(join(dir, 'a.txt'), 'old\n');
    await fs.outputFile(
      join(dir, '.paved-road/answers.yaml'),
      YAML.stringify({ template: 'go-service', version, values }),
    );
    await git.init({ fs, dir, defaultBranch: 'main' });
    await git.add({ fs, dir, filepath: '.' });
    const oid = await git.commit({
      fs,
      dir,
      message: 'Initial commit',
      author,
    });
    await git.branch({ fs, dir, ref: 'paved-road/template', object: oid });
    return oid;
  }

  function run(
    entities: Entity[],
    isDryRun = false,
    values?: Record<string, unknown> | string,
  ) {
    const render = jest.fn(
      async () => new Map([['a.txt', { content: Buffer.from('new\n') }]]),
    );
    const action = createUpgradeAction({
      config: new ConfigReader({
        guidance: { publishLocal: { root: root() } },
      }),
      catalog: catalogServiceMock({ entities }),
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
      render,
    });
    const ctx = {
      ...createMockActionContext({
        input: { entityRef: 'component:default/orders', values: values as any },
      }),
      isDryRun,
    };
    return { promise: action.handler(ctx as any), ctx, render };
  }

  beforeEach(() => mock.clear());

  it('refuses a repository outside the publishLocal root', async () => {
    const { promise } = run([
      service(`file:${mock.resolve('elsewhere/orders/catalog-info.yaml')}`),
      template('2'),
    ]);
    await expect(promise).rejects.toThrow(
      /is outside the local repositories root/,
    );
  });

  it('refuses a location that is neither local nor GitHub', async () => {
    const { promise } = run([
      service(
        'url:https://gitlab.example.com/acme/orders/-/blob/main/catalog-info.yaml',
      ),
      template('2'),
    ]);
    await expect(promise).rejects.toThrow(
      /neither in a local repository nor on GitHub/,
    );
  });

  it('says there is nothing to upgrade when the template has not moved on', async () => {
    await makeRepo(join(root(), 'orders'), 2);
    const { promise } = run([
      service(`file:${root()}/orders/catalog-info.yaml`, 'go-service@2'),
      template('2'),
    ]);
    await expect(promise).rejects.toThrow(
      /on go-service v2; the template is at v2, there is nothing to upgrade/,
    );
  });

  it('says when the template is not in the catalog', async () => {
    const { promise } = run([
      service(`file:${root()}/orders/catalog-info.yaml`),
    ]);
    await expect(promise).rejects.toThrow(
      /template:default\/go-service, which is not in the catalog/,
    );
  });

  it('in a dry run reports the merge without writing a branch', async () => {
    const dir = join(root(), 'orders');
    const oid = await makeRepo(dir);

    const { promise, ctx, render } = run(
      [service(`file:${dir}/catalog-info.yaml`), template('2')],
      true,
    );
    await promise;
    expect(render).toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith(
      'updated',
      expect.arrayContaining(['a.txt']),
    );
    expect(await git.listBranches({ fs, dir })).toEqual([
      'main',
      'paved-road/template',
    ]);
    expect(await git.resolveRef({ fs, dir, ref: 'paved-road/template' })).toBe(
      oid,
    );
  });

  it('refuses a template version that went backwards, naming both versions', async () => {
    await makeRepo(join(root(), 'orders'), 3);
    const { promise, render } = run([
      service(`file:${root()}/orders/catalog-info.yaml`, 'go-service@3'),
      template('2'),
    ]);
    await expect(promise).rejects.toThrow(
      'template:default/go-service went backwards: it is at v2, but component:default/orders is already on v3. A template version is never lowered; restore v3 or release v4',
    );
    expect(render).not.toHaveBeenCalled();
  });

  const parameters = [
    {
      required: ['name', 'secretsStore'],
      properties: {
        name: { type: 'string' },
        secretsStore: { type: 'string', default: 'external-secrets' },
        region: { type: 'string' },
        logFormat: { type: 'string', default: 'json' },
        apiKey: { type: 'string', 'ui:field': 'Secret' },
      },
    },
    {
      required: ['tier'],
      properties: { tier: { type: 'string', default: 'gold' } },
    },
  ];

  it('refuses, listing them, when required answers are neither recorded nor given (never a default)', async () => {
    await makeRepo(join(root(), 'orders'), 1, { name: 'orders' });
    const { promise, render } = run([
      service(`file:${root()}/orders/catalog-info.yaml`),
      template('2', parameters),
    ]);
    await expect(promise).rejects.toThrow(
      'go-service v2 needs answers that .paved-road/answers.yaml does not record: secretsStore, tier. Give them in values (for example "secretsStore: <value>") and upgrade again',
    );
    expect(render).not.toHaveBeenCalled();
  });

  it('takes missing answers from values (a map or YAML text) and says which came from where', async () => {
    await makeRepo(join(root(), 'orders'), 1, {
      name: 'orders',
      secretsStore: 'vault-agent',
    });
    const { promise, render, ctx } = run(
      [
        service(`file:${root()}/orders/catalog-info.yaml`),
        template('2', parameters),
      ],
      true,
      'tier: silver\nsecretsStore: vault-agent\n',
    );
    await promise;
    expect(render).toHaveBeenCalledWith(
      expect.objectContaining({
        values: {
          name: 'orders',
          secretsStore: 'vault-agent',
          tier: 'silver',
          logFormat: 'json',
        },
      }),
    );
    expect(ctx.output).toHaveBeenCalledWith('givenAnswers', ['tier']);
    expect(ctx.output).toHaveBeenCalledWith('defaultedAnswers', ['logFormat']);
  });

  it('refuses values that are not a map', async () => {
    await makeRepo(join(root(), 'orders'));
    const { promise } = run(
      [service(`file:${root()}/orders/catalog-info.yaml`), template('2')],
      true,
      '- a\n- b\n',
    );
    await expect(promise).rejects.toThrow(
      'values must be a map of answers (name: value), got ["a","b"]',
    );
  });

  describe('symlinks that lead out of the publishLocal root are refused', () => {
    it('a repository folder linked into the root from elsewhere', async () => {
      const outsideRepo = mock.resolve('elsewhere/orders');
      await makeRepo(outsideRepo);
      await fs.ensureDir(root());
      await fs.symlink(outsideRepo, join(root(), 'orders'));
      const { promise } = run([
        service(`file:${root()}/orders/catalog-info.yaml`),
        template('2'),
      ]);
      await expect(promise).rejects.toThrow(
        `${root()}/orders is outside the local repositories root ${root()} (it leads to ${outsideRepo})`,
      );
      expect(await git.listBranches({ fs, dir: outsideRepo })).toEqual([
        'main',
        'paved-road/template',
      ]);
    });

    it('a .git folder linked to a repository elsewhere', async () => {
      const outsideRepo = mock.resolve('elsewhere/orders');
      await makeRepo(outsideRepo);
      const dir = join(root(), 'orders');
      await fs.outputFile(join(dir, 'a.txt'), 'old\n');
      await fs.symlink(join(outsideRepo, '.git'), join(dir, '.git'));
      const { promise } = run([
        service(`file:${dir}/catalog-info.yaml`),
        template('2'),
      ]);
      await expect(promise).rejects.toThrow(
        `${dir}/.git is outside the local repositories root ${root()} (it leads to ${outsideRepo}/.git)`,
      );
    });

    it('a subfolder of the root linked elsewhere', async () => {
      const outside = mock.resolve('elsewhere');
      await makeRepo(join(outside, 'orders'));
      await fs.ensureDir(root());
      await fs.symlink(outside, join(root(), 'team'));
      const { promise } = run([
        service(`file:${root()}/team/orders/catalog-info.yaml`),
        template('2'),
      ]);
      await expect(promise).rejects.toThrow(
        `${root()}/team/orders is outside the local repositories root ${root()} (it leads to ${outside}/orders)`,
      );
    });

    it('a .git file pointing at a repository elsewhere', async () => {
      const outsideRepo = mock.resolve('elsewhere/orders');
      await makeRepo(outsideRepo);
      const dir = join(root(), 'orders');
      await fs.outputFile(
        join(dir, '.git'),
        `gitdir: ${join(outsideRepo, '.git')}\n`,
      );
      const { promise } = run([
        service(`file:${dir}/catalog-info.yaml`),
        template('2'),
      ]);
      await expect(promise).rejects.toThrow(`${dir}/.git is not a folder`);
    });

    it('while a repository really inside the root, reached through a linked root, is upgraded', async () => {
      const realRoot = mock.resolve('real-repos');
      await makeRepo(join(realRoot, 'orders'));
      await fs.symlink(realRoot, root());
      const { promise, render } = run(
        [service(`file:${root()}/orders/catalog-info.yaml`), template('2')],
        true,
      );
      await promise;
      expect(render).toHaveBeenCalled();
    });
  });

  it('a retry after deleting the upgrade branch gives the same upgrade and moves nothing main has not taken', async () => {
    const dir = join(root(), 'orders');
    const first = await makeRepo(dir);
    const entities = [service(`file:${dir}/catalog-info.yaml`), template('2')];
    await run(entities).promise;
    const upgrade = await git.readCommit({
      fs,
      dir,
      oid: await git.resolveRef({ fs, dir, ref: 'paved-road/upgrade-v2' }),
    });
    expect(upgrade.commit.message).toContain(
      `base: the pristine go-service v1 render (${first.slice(0, 7)})`,
    );
    expect(await git.resolveRef({ fs, dir, ref: 'paved-road/template' })).toBe(
      first,
    );
    const tagged = await git.resolveRef({
      fs,
      dir,
      ref: 'refs/tags/paved-road/template-v2',
    });
    expect(upgrade.commit.parent[1]).toBe(tagged);

    await git.deleteBranch({ fs, dir, ref: 'paved-road/upgrade-v2' });
    await run(entities).promise;
    const again = await git.readCommit({
      fs,
      dir,
      oid: await git.resolveRef({ fs, dir, ref: 'paved-road/upgrade-v2' }),
    });
    expect(again.commit.tree).toBe(upgrade.commit.tree);
    expect(again.commit.message).toBe(upgrade.commit.message);
    expect(await git.resolveRef({ fs, dir, ref: 'paved-road/template' })).toBe(
      first,
    );
  });

  it('refuses when no pristine render of the version main is on can be found', async () => {
    const dir = join(root(), 'orders');
    await makeRepo(dir, 1);
    await fs.outputFile(
      join(dir, '.paved-road/answers.yaml'),
      YAML.stringify({ template: 'go-service', version: 2, values: {} }),
    );
    await git.add({ fs, dir, filepath: '.' });
    await git.commit({ fs, dir, message: 'Claim v2 by hand', author });
    const { promise } = run([
      service(`file:${dir}/catalog-info.yaml`),
      template('3'),
    ]);
    await expect(promise).rejects.toThrow(
      `${dir} has no pristine render of go-service v2 (no tag paved-road/template-v2 and no commit on paved-road/template whose .paved-road/answers.yaml says v2), so a three-way merge would have no base`,
    );
  });

  it('puts right a repository whose template branch an older upgrade moved before main took it', async () => {
    const dir = join(root(), 'orders');
    const first = await makeRepo(dir);
    // What the old upgrade did: a v2 render on paved-road/template, main still on v1.
    await git.writeRef({
      fs,
      dir,
      ref: 'refs/heads/paved-road/template',
      value: await git.writeCommit({
        fs,
        dir,
        commit: {
          message: 'go-service v2: pristine render\n',
          tree: await writeFileTree(
            dir,
            new Map([
              ['a.txt', { content: Buffer.from('new\n') }],
              [
                '.paved-road/answers.yaml',
                {
                  content: Buffer.from(
                    YAML.stringify({
                      template: 'go-service',
                      version: 2,
                      values: {},
                    }),
                  ),
                },
              ],
            ]),
          ),
          parent: [first],
          author: { ...author, timestamp: 0, timezoneOffset: 0 },
          committer: { ...author, timestamp: 0, timezoneOffset: 0 },
        },
      }),
      force: true,
    });
    await run([service(`file:${dir}/catalog-info.yaml`), template('2')])
      .promise;
    const upgrade = await git.readCommit({
      fs,
      dir,
      oid: await git.resolveRef({ fs, dir, ref: 'paved-road/upgrade-v2' }),
    });
    expect(upgrade.commit.message).toContain(
      `base: the pristine go-service v1 render (${first.slice(0, 7)})`,
    );
    expect(await git.resolveRef({ fs, dir, ref: 'paved-road/template' })).toBe(
      first,
    );
    expect(
      await git.resolveRef({
        fs,
        dir,
        ref: 'refs/tags/paved-road/template-v1',
      }),
    ).toBe(first);
  });
});
