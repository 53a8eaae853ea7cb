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
  const template = (version: string): Entity => ({
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
    spec: { steps: [] },
  });

  function run(entities: Entity[], isDryRun = false) {
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
        input: { entityRef: 'component:default/orders' },
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
    await fs.outputFile(join(dir, 'a.txt'), 'old\n');
    await fs.outputFile(
      join(dir, '.paved-road/answers.yaml'),
      YAML.stringify({ template: 'go-service', version: 1, values: {} }),
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
});
