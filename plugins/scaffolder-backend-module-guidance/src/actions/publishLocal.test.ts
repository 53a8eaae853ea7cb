import fs from 'fs-extra';
import git from 'isomorphic-git';
import { join } from 'path';
import { ConfigReader } from '@backstage/config';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPublishLocalAction } from './publishLocal';

const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
spec:
  type: service
  owner: team-a
  lifecycle: experimental
`;

describe('guidance:publish:local', () => {
  const dir = createMockDirectory();
  const workspacePath = join(dir.path, 'workspace');
  const root = join(dir.path, 'repos');
  let catalog: ReturnType<typeof catalogServiceMock.mock>;

  /** The catalog's answer has the entity from this call on: 1 at once, Infinity never. */
  let shownFromCall = 1;
  let discoveredAt = '';
  const entityAt = (file: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders',
      annotations: { 'backstage.io/managed-by-location': `file:${file}` },
    },
  });

  beforeEach(() => {
    dir.clear();
    dir.setContent({
      workspace: {
        'catalog-info.yaml': catalogInfo,
        'README.md': '# orders\n',
        'deploy/base/deployment.yaml': 'kind: Deployment\n',
        '.github/workflows/ci.yaml': 'on: [push]\n',
      },
    });
    // the catalog shows the entity once the catalog module has found the repository
    let calls = 0;
    catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => {
        calls += 1;
        return calls >= shownFromCall ? entityAt(discoveredAt) : undefined;
      }),
    });
    shownFromCall = 1;
    discoveredAt = join(root, 'orders', 'catalog-info.yaml');
  });

  function action(
    config: object = { guidance: { publishLocal: { root } } },
    waitMs = 300,
  ) {
    return createPublishLocalAction({
      config: new ConfigReader(config),
      catalog,
      waitMs,
      pollMs: 50,
    });
  }

  function context(input: Record<string, unknown> = {}, isDryRun = false) {
    const ctx = createMockActionContext({
      workspacePath,
      input: input as any,
      logger: mockServices.logger.mock(),
    });
    return { ...ctx, isDryRun };
  }

  it('creates a git repository with one commit holding every file', async () => {
    const ctx = context();
    await action({
      guidance: { publishLocal: { root } },
      scaffolder: {
        defaultAuthor: { name: 'Paved Road', email: 'road@example.com' },
      },
    }).handler(ctx);
    const repo = join(root, 'orders');

    const commits = await git.log({ fs, dir: repo });
    expect(commits).toHaveLength(1);
    expect(commits[0].commit.message).toBe('Initial commit\n');
    expect(commits[0].commit.author).toMatchObject({
      name: 'Paved Road',
      email: 'road@example.com',
    });
    expect(await git.currentBranch({ fs, dir: repo })).toBe('main');
    expect(
      (await git.listFiles({ fs, dir: repo, ref: 'HEAD' })).sort(),
    ).toEqual([
      '.github/workflows/ci.yaml',
      'README.md',
      'catalog-info.yaml',
      'deploy/base/deployment.yaml',
    ]);
    // nothing left uncommitted
    const status = await git.statusMatrix({ fs, dir: repo });
    expect(
      status.every(
        ([, head, work, stage]) => head === 1 && work === 1 && stage === 1,
      ),
    ).toBe(true);

    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      `file://${repo}`,
    );
    expect(ctx.output).toHaveBeenCalledWith('path', repo);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      '/catalog-info.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders',
    );
  });

  it('adds no catalog location, and waits with the initiator credentials until the catalog shows the entity', async () => {
    // the module finds the repository between the second and the third look; the wait
    // is long enough that only the count of looks decides, however slow the machine is
    shownFromCall = 3;
    const ctx = context();
    await action(undefined, 60_000).handler(ctx);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
    expect(catalog.getEntityByRef).toHaveBeenLastCalledWith(
      'component:default/orders',
      { credentials: await ctx.getInitiatorCredentials() },
    );
    expect(ctx.logger.warn).not.toHaveBeenCalled();
  });

  it('says which module is missing when the entity never shows', async () => {
    shownFromCall = Infinity;
    const ctx = context();
    await action().handler(ctx);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'component:default/orders is not in the catalog after 0 s: the catalog finds repositories under guidance.publishLocal.root only with @paved-road/plugin-catalog-backend-module-guidance installed',
      ),
    );
  });

  it('does not wait for the catalog when register is false', async () => {
    await action().handler(context({ register: false }));
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(await fs.pathExists(join(root, 'orders', '.git'))).toBe(true);
  });

  it('uses the given name, a folder inside the root and the configured commit message', async () => {
    discoveredAt = join(root, 'team-a/services/orders-v2/catalog-info.yaml');
    await action({
      guidance: { publishLocal: { root } },
      scaffolder: { defaultCommitMessage: 'Created by the golden path' },
    }).handler(context({ name: 'orders-v2', root: 'team-a/services' }));
    const commits = await git.log({
      fs,
      dir: join(root, 'team-a', 'services', 'orders-v2'),
    });
    expect(commits[0].commit.message).toBe('Created by the golden path\n');
  });

  /** Every file and folder under the test directory, outside the workspace. */
  async function written(): Promise<string[]> {
    const all = await fs.readdir(dir.path, { recursive: true });
    return all
      .map(String)
      .filter(p => p !== 'workspace' && !p.startsWith('workspace/'))
      .sort();
  }

  it.each([
    ['../elsewhere', /leads outside it/],
    ['team-a/../../elsewhere', /leads outside it/],
    ['..', /leads outside it/],
    [join('/tmp', 'elsewhere'), /must be a relative folder.*absolute path/],
    ['/', /must be a relative folder.*absolute path/],
  ])('refuses the root "%s" and writes nothing', async (input, message) => {
    await expect(action().handler(context({ root: input }))).rejects.toThrow(
      message,
    );
    await expect(
      action().handler(context({ root: input }, true)),
    ).rejects.toThrow(message);
    expect(await written()).toEqual([]);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });

  it('refuses a symlink out of the root, for the folder and for the repository name', async () => {
    dir.addContent({ outside: {}, 'repos/keep.txt': 'mine' });
    const outside = join(dir.path, 'outside');
    await fs.symlink(outside, join(root, 'link'));
    await fs.symlink(outside, join(root, 'orders'));

    for (const input of [
      { root: 'link' },
      { root: 'link/deeper' },
      {}, // the repository name "orders" itself is a link out
    ]) {
      await expect(action().handler(context(input))).rejects.toThrow(
        /only writes inside guidance.publishLocal.root .* leads outside it/,
      );
    }
    expect(await fs.readdir(outside)).toEqual([]);
    expect((await fs.readdir(root)).sort()).toEqual([
      'keep.txt',
      'link',
      'orders',
    ]);
  });

  it('follows a symlink that stays inside the root', async () => {
    dir.addContent({ 'repos/teams/a': {} });
    await fs.symlink(join(root, 'teams', 'a'), join(root, 'team-a'));
    await action().handler(context({ root: 'team-a', register: false }));
    expect(
      await fs.pathExists(join(root, 'teams', 'a', 'orders', '.git')),
    ).toBe(true);
  });

  it('refuses an existing target and leaves it as it was', async () => {
    dir.addContent({ 'repos/orders/keep.txt': 'mine' });
    await expect(action().handler(context())).rejects.toThrow(
      /repos\/orders already exists/,
    );
    expect(await fs.readdir(join(root, 'orders'))).toEqual(['keep.txt']);
    expect(await fs.readFile(join(root, 'orders', 'keep.txt'), 'utf8')).toBe(
      'mine',
    );
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });

  it.each(['../escape', 'Orders', '.hidden', 'a/b', '-x', ''])(
    'refuses the name "%s"',
    async name => {
      await expect(action().handler(context({ name }))).rejects.toThrow(
        /Invalid repository name|No repository name/,
      );
      expect(await fs.pathExists(root)).toBe(false);
    },
  );

  it('refuses to guess a name without catalog-info.yaml', async () => {
    await fs.remove(join(workspacePath, 'catalog-info.yaml'));
    await expect(action().handler(context())).rejects.toThrow(
      /No repository name given/,
    );
  });

  it('fails, keeping the repository, when an entity of that name comes from elsewhere', async () => {
    catalog.getEntityByRef.mockResolvedValue(
      entityAt('/srv/other-team/orders/catalog-info.yaml') as any,
    );
    await expect(action().handler(context())).rejects.toThrow(
      'component:default/orders already exists in the catalog, read from file:/srv/other-team/orders/catalog-info.yaml',
    );
    expect(await git.log({ fs, dir: join(root, 'orders') })).toHaveLength(1);
  });

  it('writes nothing in dry run and outputs the would-be path', async () => {
    const ctx = context({}, true);
    await action().handler(ctx);
    expect(await fs.pathExists(root)).toBe(false);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    const repo = join(root, 'orders');
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      `file://${repo}`,
    );
    expect(ctx.output).toHaveBeenCalledWith('path', repo);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      '/catalog-info.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders',
    );
  });

  it('defaults the root to ./local-repos under the working directory', async () => {
    const ctx = context({}, true);
    await action({}).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'path',
      join(process.cwd(), 'local-repos', 'orders'),
    );
  });
});
