import request from 'supertest';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGuidance from './index';
import { defaultFragmentsRoot } from './actions/fetchFragment';

const ACTION_IDS = [
  'guidance:fetch:fragment',
  'guidance:annotate',
  'guidance:validate',
  'guidance:record:answers',
  'guidance:check:names',
  'guidance:upgrade',
  'guidance:publish:local',
];

async function addedActions(config: object) {
  const added: TemplateAction<any, any, any>[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...a: TemplateAction<any, any, any>[]) =>
            added.push(...a),
        },
      ],
    ],
    features: [
      scaffolderModuleGuidance,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return added.map(a => a.id);
}

describe('scaffolderModuleGuidance', () => {
  it('leaves guidance:publish:local out unless guidance.publishLocal.enabled is true', async () => {
    const safe = ACTION_IDS.filter(id => id !== 'guidance:publish:local');
    expect(await addedActions({})).toEqual(safe);
    expect(
      await addedActions({ guidance: { publishLocal: { root: '/tmp/x' } } }),
    ).toEqual(safe);
    expect(
      await addedActions({ guidance: { publishLocal: { enabled: false } } }),
    ).toEqual(safe);
    expect(
      await addedActions({ guidance: { publishLocal: { enabled: true } } }),
    ).toEqual(ACTION_IDS);
  });

  it('adds the actions through the scaffolder extension point', async () => {
    const added: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...a: TemplateAction<any, any, any>[]) =>
              added.push(...a),
          },
        ],
      ],
      features: [
        scaffolderModuleGuidance,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { guidance: { publishLocal: { enabled: true } } },
        }),
      ],
    });
    expect(added.map(a => a.id)).toEqual(ACTION_IDS);
    expect(added.every(a => a.supportsDryRun)).toBe(true);
  });

  // The scaffolder keeps its tasks in the database: run it on SQLite and, where
  // BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, on PostgreSQL 15 (no Docker).
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });

  it.each(databases.eachSupportedId())(
    'shows the actions in the scaffolder backend on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          mockServices.database.factory({ knex }),
          scaffolderPlugin,
          scaffolderModuleGuidance,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: {
              guidance: {
                publishLocal: { enabled: true, root: '/tmp/unused' },
              },
            },
          }),
        ],
      });
      const response = await request(server).get('/api/scaffolder/v2/actions');
      expect(response.status).toBe(200);
      const ids = (response.body as { id: string }[]).map(a => a.id);
      expect(ids).toEqual(expect.arrayContaining(ACTION_IDS));
      const validate = response.body.find(
        (a: { id: string }) => a.id === 'guidance:validate',
      );
      expect(validate.schema.input.properties).toHaveProperty('skip');
    },
  );

  it('finds the fragments bundled with the package', () => {
    expect(defaultFragmentsRoot()).toMatch(
      /scaffolder-backend-module-guidance[\\/]fragments$/,
    );
  });
});
