import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
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
  'publish:local',
  'guidance:record:answers',
  'guidance:upgrade',
];

describe('scaffolderModuleGuidance', () => {
  it('adds the four actions through the scaffolder extension point', async () => {
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
      features: [scaffolderModuleGuidance, catalogServiceMock.factory()],
    });
    expect(added.map(a => a.id)).toEqual(ACTION_IDS);
    expect(added.every(a => a.supportsDryRun)).toBe(true);
  });

  it('shows the actions in the scaffolder backend', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGuidance,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { guidance: { publishLocal: { root: '/tmp/unused' } } },
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
  });

  it('finds the fragments bundled with the package', () => {
    expect(defaultFragmentsRoot()).toMatch(
      /scaffolder-backend-module-guidance[\\/]fragments$/,
    );
  });
});
