import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { LocalRepositoriesProvider } from './LocalRepositoriesProvider';

async function repo(dir: string, catalogInfo = true) {
  await fs.mkdir(join(dir, '.git'), { recursive: true });
  if (catalogInfo) {
    await fs.writeFile(join(dir, 'catalog-info.yaml'), 'kind: Component\n');
  }
}

describe('LocalRepositoriesProvider', () => {
  let root: string;
  let outside: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'local-repos-'));
    outside = await fs.mkdtemp(join(tmpdir(), 'outside-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  const provider = (path = root) =>
    new LocalRepositoriesProvider({
      root: path,
      logger: mockServices.logger.mock(),
    });

  it('finds repositories up to four levels down, and nothing else', async () => {
    await repo(join(root, 'orders'));
    await repo(join(root, 'team-a', 'payments'));
    await repo(join(root, 'no-entity'), false);
    await repo(join(root, 'a', 'b', 'c', 'four-down'));
    await repo(join(root, 'a', 'b', 'c', 'd', 'too-deep'));
    await repo(join(root, '.hidden'));
    // a folder with catalog-info.yaml but no .git is not a repository
    await fs.mkdir(join(root, 'plain'));
    await fs.writeFile(join(root, 'plain', 'catalog-info.yaml'), 'x: 1\n');
    const real = await fs.realpath(root);
    expect(await provider().discover()).toEqual([
      join(real, 'a', 'b', 'c', 'four-down', 'catalog-info.yaml'),
      join(real, 'orders', 'catalog-info.yaml'),
      join(real, 'team-a', 'payments', 'catalog-info.yaml'),
    ]);
  });

  it('follows no symlink out of the root', async () => {
    await repo(join(outside, 'secret-repo'));
    await fs.symlink(join(outside, 'secret-repo'), join(root, 'linked-repo'));
    await repo(join(root, 'real'));
    await fs.rm(join(root, 'real', 'catalog-info.yaml'));
    // a symlinked catalog-info.yaml could point at any file on the host
    await fs.writeFile(join(outside, 'passwords.yaml'), 'password: hunter2\n');
    await fs.symlink(
      join(outside, 'passwords.yaml'),
      join(root, 'real', 'catalog-info.yaml'),
    );
    expect(await provider().discover()).toEqual([]);
  });

  it('finds nothing, without an error, when the root does not exist yet', async () => {
    expect(await provider(join(root, 'missing')).discover()).toEqual([]);
  });

  it('applies a full mutation of file locations, again only when the set changes', async () => {
    const applyMutation = jest.fn();
    const connection: EntityProviderConnection = {
      applyMutation,
      refresh: jest.fn(),
    };
    const p = provider();
    expect(await p.refresh()).toBe(0); // not connected yet: nothing to do
    await p.connect(connection);
    await repo(join(root, 'orders'));
    expect(await p.refresh()).toBe(1);
    expect(await p.refresh()).toBe(1);
    expect(applyMutation).toHaveBeenCalledTimes(1);
    const target = join(await fs.realpath(root), 'orders', 'catalog-info.yaml');
    const [{ type, entities }] = applyMutation.mock.calls[0];
    expect(type).toBe('full');
    expect(entities).toHaveLength(1);
    expect(entities[0].entity).toMatchObject({
      kind: 'Location',
      spec: { type: 'file', target },
    });
    expect(entities[0].locationKey).toBe(
      `guidance-local-repositories:${target}`,
    );

    // a deleted repository leaves the catalog with the next mutation
    await fs.rm(join(root, 'orders'), { recursive: true });
    expect(await p.refresh()).toBe(0);
    expect(applyMutation).toHaveBeenCalledTimes(2);
    expect(applyMutation.mock.calls[1][0].entities).toEqual([]);
  });
});
