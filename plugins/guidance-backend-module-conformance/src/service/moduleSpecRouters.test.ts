import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// the module is tested inside the plugin it extends
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import { guidanceModuleConformance } from '../module';
import {
  articleFixture,
  specResponseRecorder,
} from '@paved-road/plugin-guidance-node/testUtils';
import {
  serviceEntity,
  writeTree,
} from './conformance/__testUtils__/conformanceFixtures';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(60_000);

const recorder = specResponseRecorder(spec, '/api/guidance');

async function start() {
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      guidanceModuleConformance,
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            builtin: false,
            sources: [
              {
                type: 'directory',
                path: writeTree({
                  'probes.md': articleFixture({
                    id: 'probes',
                    title: 'Probes',
                    body: '## Readiness\n\nWait until ready.\n',
                  }),
                }),
              },
            ],
            conformance: {
              enabled: false,
              reports: { subjects: ['external:test-service'] },
            },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: [serviceEntity('web', {})],
      }),
    ],
  });
  return recorder.watch(server);
}

describe("the module's typed routers (openapi.yaml)", () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  afterEach(() => recorder.throwIfViolated());
  afterAll(() => recorder.throwIfNothingChecked());

  it('refuse a request that breaks the spec with 400 before the handler runs', async () => {
    const cases: [() => request.Test, string][] = [
      [
        () =>
          request(server)
            .post('/api/guidance/validate')
            .send({ files: [{ path: 'a.yaml', content: 42 }] }),
        'request/body/files/0/content must be string',
      ],
      [
        () => request(server).get('/api/guidance/rules?verbose=1'),
        "Unknown query parameter 'verbose'",
      ],
      [
        // the handler would have said "Invalid entity kind: invalid entity name part"
        () =>
          request(server).get(
            '/api/guidance/entities/com%20ponent/default/web/conformance',
          ),
        'request/params/kind must match pattern "^[A-Za-z0-9._-]+$"',
      ],
      [
        () =>
          request(server)
            .post(
              '/api/guidance/entities/component/default/web/conformance/refresh',
            )
            .send({ force: 'yes' }),
        'request/body/force must be boolean',
      ],
      [
        () =>
          request(server).get('/api/guidance/articles/Not_A_Slug/conformance'),
        'request/params/id must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
      ],
      [
        () =>
          request(server).get(
            `/api/guidance/conformance?owner=${'a'.repeat(513)}`,
          ),
        'request/query/owner must NOT have more than 512 characters',
      ],
      [
        () => request(server).get('/api/guidance/conformance/trends?days=0'),
        'request/query/days must be >= 1',
      ],
      [
        // express routes ignore case; so does the check
        () => request(server).get('/api/guidance/Conformance/Trends/?days=0'),
        'request/query/days must be >= 1',
      ],
      [
        // a user would get 403 from the handler: the spec is checked first
        () =>
          request(server)
            .post(
              '/api/guidance/entities/component/default/web/conformance/reports',
            )
            .set('Authorization', mockCredentials.user.header())
            .send({ ref: 'main', results: 'none' }),
        'request/body/results must be array',
      ],
    ];
    for (const [send, message] of cases) {
      const res = await send();
      expect([
        res.status,
        res.body.error?.name,
        res.body.error?.message,
      ]).toEqual([400, 'InputError', message]);
    }
  });

  it("let the guidance backend's own routes through: other paths, other methods, their queries and bodies", async () => {
    const articles = await request(server).get('/api/guidance/articles');
    expect(articles.status).toBe(200);
    expect(articles.body.items.map((a: { id: string }) => a.id)).toEqual([
      'probes',
    ]);
    // a query parameter the module's spec does not know, on a path it does not have
    const search = await request(server).get(
      '/api/guidance/search?q=readiness',
    );
    expect(search.status).toBe(200);
    // a path beside the module's /articles/{id}/conformance
    expect(
      (await request(server).get('/api/guidance/articles/probes')).status,
    ).toBe(200);
    // the module's paths with a method the spec does not list fall through to a 404
    const getValidate = await request(server).get('/api/guidance/validate');
    expect(getValidate.status).toBe(404);
    const deleteRules = await request(server).delete('/api/guidance/rules');
    expect(deleteRules.status).toBe(404);
    // a body for the backend's own route is parsed by the backend's parser
    const recommend = await request(server)
      .post('/api/guidance/recommendations')
      .send({ entity: serviceEntity('web', {}) });
    expect(recommend.status).toBe(200);
    expect(recommend.body).toEqual({ items: expect.any(Array) });
  });

  it('answer GET /rules and GET /conformance/trends/owners as the spec says (checked after each test)', async () => {
    const rules = await request(server).get('/api/guidance/rules');
    expect(rules.status).toBe(200);
    expect(rules.body.rules.length).toBeGreaterThan(0);
    const owners = await request(server).get(
      '/api/guidance/conformance/trends/owners?days=7',
    );
    expect(owners.status).toBe(200);
    expect(owners.body).toEqual({ owners: [] });
  });

  it('never hand a HEAD request to a GET handler unchecked', async () => {
    const res = await request(server).head(
      '/api/guidance/conformance/trends?days=99999',
    );
    expect(res.status).toBe(404);
  });

  it("leaves /openapi.json to the guidance backend's own router", async () => {
    const res = await request(server).get('/api/guidance/openapi.json');
    expect(res.body?.info?.title).not.toBe(spec.info.title);
  });

  it("refuse a reporter's token on every other route before checking its request (403, not 400)", async () => {
    const res = await request(server)
      .get('/api/guidance/conformance/trends?days=0')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(403);
  });
});
