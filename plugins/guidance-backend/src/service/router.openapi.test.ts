import express from 'express';
import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createRouter } from './router';
import { GuidanceService } from './GuidanceService';
import { spec } from '../schema/openapi.generated';

/** A service whose every method records the call: a refused request must reach none of them. */
function recordingService() {
  const calls: string[] = [];
  const record =
    <T>(name: string, value: T) =>
    (..._args: unknown[]) => {
      calls.push(name);
      return value;
    };
  const service = {
    listArticles: record('listArticles', []),
    categories: record('categories', []),
    getArticle: record('getArticle', {}),
    getArticleBody: record('getArticleBody', {
      bytes: Buffer.from('{"id":"saga-pattern"}'),
      etag: '"e1"',
    }),
    getMarkdown: record('getMarkdown', '# Saga\n'),
    getSections: record('getSections', []),
    search: record('search', Promise.resolve([])),
    recommend: record('recommend', []),
  } as unknown as GuidanceService;
  return { service, calls };
}

async function startRouter() {
  const { service, calls } = recordingService();
  const logger = mockServices.logger.mock();
  const router = await createRouter({
    guidance: service,
    catalog: catalogServiceMock({ entities: [] }),
    httpAuth: mockServices.httpAuth(),
    logger,
  });
  const app = express();
  app.use('/api/guidance', router);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    }).error(),
  );
  return { app, calls };
}

describe('the guidance router refuses requests that break its OpenAPI spec', () => {
  const longTag = 'x'.repeat(101);
  it.each([
    [
      'an over-long category',
      () => ['get', `/articles?category=${longTag}`],
      'request/query/category must NOT have more than 100 characters',
    ],
    [
      'an unknown query parameter',
      () => ['get', '/articles?sort=title'],
      "Unknown query parameter 'sort'",
    ],
    [
      'an id that is not a kebab-case slug',
      () => ['get', '/articles/Saga_Pattern'],
      'request/params/id must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
    ],
    [
      'an over-long id',
      () => ['get', `/articles/${'a'.repeat(101)}/sections`],
      'request/params/id must NOT have more than 100 characters',
    ],
    [
      'a section that is not a heading id',
      () => ['get', '/articles/saga-pattern/markdown?section=..%2Fx'],
      'request/query/section must match pattern "^[\\p{L}\\p{M}\\p{N}_-]+$"',
    ],
    [
      'a search without q',
      () => ['get', '/search'],
      "request/query must have required property 'q'",
    ],
    [
      'a search limit over 50',
      () => ['get', '/search?q=pool&limit=1000'],
      'request/query/limit must be <= 50',
    ],
    [
      'a search limit that is not a number',
      () => ['get', '/search?q=pool&limit=ten'],
      'request/query/limit must be integer',
    ],
    [
      'a recommendation body without an entity',
      () => ['post', '/recommendations', {}],
      "request/body must have required property 'entity'",
    ],
    [
      'an entity that is not an object',
      () => ['post', '/recommendations', { entity: 'x' }],
      'request/body/entity must be object',
    ],
    [
      'more than 200 tags',
      () => [
        'post',
        '/recommendations',
        { entity: { metadata: { tags: Array(201).fill('go') } } },
      ],
      'request/body/entity/metadata/tags must NOT have more than 200 items',
    ],
    [
      'an entity name part with a space',
      () => ['get', '/entities/component/default/my%20service/articles'],
      'request/params/name must match pattern "^[A-Za-z0-9._-]+$"',
    ],
  ] as const)(
    '%s: 400 before any handler runs',
    async (_what, make, message) => {
      const { app, calls } = await startRouter();
      const [method, path, body] = make() as [
        'get' | 'post',
        string,
        object | undefined,
      ];
      const req = request(app)[method](`/api/guidance${path}`);
      const res = await (body ? req.send(body) : req);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ name: 'InputError', message });
      expect(calls).toEqual([]);
    },
  );

  it('keeps the clearer zod message where the spec cannot say it: a query of spaces', async () => {
    const { app, calls } = await startRouter();
    const res = await request(app).get('/api/guidance/search?q=%20%20%20');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      name: 'InputError',
      message: 'Invalid search q: q must not be empty',
    });
    expect(calls).toEqual([]);
  });

  it('passes requests that keep the spec on to the handlers', async () => {
    const { app, calls } = await startRouter();
    // URLSearchParams writes a space as `+`: allowed (allowReserved in the spec)
    const search = await request(app).get(
      `/api/guidance/search?${new URLSearchParams({
        q: 'pool size',
        limit: '5',
      })}`,
    );
    expect(search.status).toBe(200);
    const markdown = await request(app).get(
      '/api/guidance/articles/saga-pattern/markdown?section=größe-2',
    );
    expect(markdown.status).toBe(200);
    expect(markdown.headers['content-type']).toBe(
      'text/markdown; charset=utf-8',
    );
    const recommend = await request(app)
      .post('/api/guidance/recommendations')
      .send({ entity: { kind: 'Component', extra: { any: 'thing' } } });
    expect(recommend.status).toBe(200);
    expect(calls).toEqual(['search', 'getMarkdown', 'recommend']);
  });

  it('sends the precomputed article bytes as they are, with their ETag, and 304 for a current copy', async () => {
    const { app } = await startRouter();
    // supertest asks for gzip by default; the plain bytes are what a client without it gets
    const res = await request(app)
      .get('/api/guidance/articles/saga-pattern')
      .set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"id":"saga-pattern"}');
    expect(res.headers.etag).toBe('"e1"');
    const again = await request(app)
      .get('/api/guidance/articles/saga-pattern')
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', '"e1"');
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('serves its spec at /openapi.json with the plugin prefix', async () => {
    const { app } = await startRouter();
    const res = await request(app).get('/api/guidance/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      Object.keys(spec.paths).map(p => `/api/guidance${p}`),
    );
  });
});
