import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCheckNamesAction } from './checkNames';

describe('guidance:check:names', () => {
  const mock = createMockDirectory();
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments-api',
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location': 'url:https://example.com/x',
          },
        },
        spec: { type: 'service', owner: 'group:default/team-b' },
      },
    ],
  });
  const entityFile = (name: string, kind = 'Component') =>
    `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  owner: team-a\n`;

  function run(files: Record<string, string>, isDryRun = false) {
    mock.setContent(files);
    const ctx = {
      ...createMockActionContext({
        workspacePath: mock.path,
        input: {},
        logger: mockServices.logger.mock(),
      }),
      isDryRun,
    };
    return { ctx, promise: createCheckNamesAction({ catalog }).handler(ctx) };
  }

  beforeEach(() => mock.clear());

  it('refuses a name the catalog already has, saying whose it is', async () => {
    const { promise } = run({
      'catalog-info.yaml': entityFile('payments-api'),
    });
    await expect(promise).rejects.toThrow(
      'component:default/payments-api already exists, owned by group:default/team-b (registered from url:https://example.com/x). Choose another name: nothing was published',
    );
  });

  it('checks every entity of the file and passes free names', async () => {
    const { promise, ctx } = run({
      'catalog-info.yaml': `${entityFile('orders')}---\n${entityFile(
        'orders-api',
        'API',
      )}`,
    });
    await promise;
    expect(ctx.output).toHaveBeenCalledWith('checked', [
      'component:default/orders',
      'api:default/orders-api',
    ]);
  });

  it('only warns in a dry run', async () => {
    const { promise, ctx } = run(
      { 'catalog-info.yaml': entityFile('payments-api') },
      true,
    );
    await promise;
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'A real run would stop here: component:default/payments-api already exists',
      ),
    );
  });

  it('refuses a workspace without an entity file, or one that does not parse', async () => {
    await expect(run({}).promise).rejects.toThrow(
      'catalog-info.yaml is not in the workspace: there is no entity name to check',
    );
    await expect(
      run({ 'catalog-info.yaml': 'kind: [' }).promise,
    ).rejects.toThrow(/catalog-info.yaml does not parse/);
    await expect(
      run({ 'catalog-info.yaml': 'just: data\n' }).promise,
    ).rejects.toThrow('catalog-info.yaml holds no entity');
  });
});
