import request from 'supertest';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModuleGuidance } from '../module';
import { specResponseRecorder } from '@paved-road/plugin-guidance-node/testUtils';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(60_000);

const specResponses = specResponseRecorder(spec, '/api/scaffolder');
afterEach(() => specResponses.throwIfViolated());
afterAll(() => specResponses.throwIfNothingChecked());

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('the template-versions route inside the scaffolder plugin', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    ({ server } = await startTestBackend({
      features: [
        mockServices.database.factory({ knex }),
        scaffolderPlugin,
        scaffolderModuleGuidance,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    }));
    specResponses.watch(server);
  });

  it('refuses a request that breaks the spec with 400', async () => {
    for (const [path, message] of [
      [
        '/guidance/templates/go-service/versions?since=1.5',
        'request/query/since must be integer',
      ],
      [
        '/guidance/templates/go-service/versions?namespace=a%2Fb',
        'request/query/namespace must match pattern',
      ],
      [
        '/guidance/templates/go-service/versions?verbose=1',
        "Unknown query parameter 'verbose'",
      ],
      // express routes ignore case; so does the check
      [
        '/Guidance/Templates/go-service/Versions?since=-1',
        'request/query/since must be >= 0',
      ],
    ]) {
      const res = await request(server).get(`/api/scaffolder${path}`);
      expect([res.status, res.body.error?.name]).toEqual([400, 'InputError']);
      expect(res.body.error.message).toContain(message);
    }
  });

  it('never hands a HEAD request to the GET handler unchecked', async () => {
    const res = await request(server).head(
      '/api/scaffolder/guidance/templates/go-service/versions?since=abc',
    );
    expect(res.status).toBe(404);
  });

  it("lets the scaffolder's own routes, queries and /openapi.json through", async () => {
    const actions = await request(server).get('/api/scaffolder/v2/actions');
    expect(actions.status).toBe(200);
    expect(actions.body).toEqual(expect.any(Array));
    // the scaffolder's spec, not this module's
    const served = await request(server).get('/api/scaffolder/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body.info.title).not.toBe(spec.info.title);
    expect(Object.keys(served.body.paths)).toEqual(
      expect.arrayContaining(['/api/scaffolder/v2/actions']),
    );
    // a path beside this module's, with a method it does not document
    const tasks = await request(server).get(
      '/api/scaffolder/v2/tasks?createdBy=user:default/mock',
    );
    expect(tasks.status).toBe(200);
    const post = await request(server).post(
      '/api/scaffolder/guidance/templates/go-service/versions',
    );
    expect(post.status).toBe(404);
  });
});
