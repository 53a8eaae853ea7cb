import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { DefaultGuidanceService } from './GuidanceService';

describe('DefaultGuidanceService', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const discovery = mockServices.discovery();
  const auth = mockServices.auth({ pluginId: 'scaffolder' });
  const client = new DefaultGuidanceService({
    discovery,
    auth,
    timeoutMs: 200,
  });
  let base: string;
  let seen: {
    url: URL;
    method: string;
    authorization: string | null;
    body?: unknown;
  }[];

  beforeEach(async () => {
    base = await discovery.getBaseUrl('guidance');
    seen = [];
  });

  function answer(
    method: 'get' | 'post',
    path: string,
    reply: () => Response | Promise<Response>,
  ) {
    server.use(
      http[method](`${base}${path}`, async ({ request }) => {
        seen.push({
          url: new URL(request.url),
          method: request.method,
          authorization: request.headers.get('authorization'),
          body: request.method === 'POST' ? await request.json() : undefined,
        });
        return reply();
      }),
    );
  }

  it('calls each route with a token for the guidance plugin on its own behalf', async () => {
    answer('get', '/articles', () => HttpResponse.json({ items: [] }));
    answer('get', '/articles/:id', () =>
      HttpResponse.json({ id: 'saga-pattern' }),
    );
    answer('get', '/search', () => HttpResponse.json({ results: [] }));
    answer('post', '/recommendations', () => HttpResponse.json({ items: [] }));
    answer('post', '/validate', () =>
      HttpResponse.json({ summary: {}, results: [] }),
    );

    await expect(client.listArticles()).resolves.toEqual({ items: [] });
    await expect(client.getArticle('saga-pattern')).resolves.toEqual({
      id: 'saga-pattern',
    });
    await client.search({ q: 'pool size & more', limit: 3 });
    await client.recommend({ kind: 'Component' });
    await client.validate([{ path: 'a.yaml', content: 'kind: Pod' }]);

    expect(seen.map(s => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /api/guidance/articles',
      'GET /api/guidance/articles/saga-pattern',
      'GET /api/guidance/search',
      'POST /api/guidance/recommendations',
      'POST /api/guidance/validate',
    ]);
    expect(seen[2].url.searchParams.get('q')).toBe('pool size & more');
    expect(seen[2].url.searchParams.get('limit')).toBe('3');
    expect(seen[3].body).toEqual({ entity: { kind: 'Component' } });
    expect(seen[4].body).toEqual({
      files: [{ path: 'a.yaml', content: 'kind: Pod' }],
    });
    for (const s of seen) {
      expect(s.authorization).toMatch(
        /^Bearer .*"sub":"plugin:scaffolder".*"target":"guidance"/,
      );
    }
  });

  it('calls on behalf of the credentials it is given', async () => {
    answer('post', '/recommendations', () => HttpResponse.json({ items: [] }));
    await client.recommend(
      {},
      { credentials: mockCredentials.user('user:default/amy') },
    );
    expect(seen[0].authorization).toContain('user:default/amy');
  });

  it('escapes ids so a path cannot reach another route', async () => {
    answer('get', '/articles/:id', () => HttpResponse.json({}));
    await client.getArticle('../search');
    expect(seen[0].url.pathname).toBe('/api/guidance/articles/..%2Fsearch');
  });

  it('throws NotFoundError for 404 and a named error with the status and message otherwise', async () => {
    answer('get', '/articles/:id', () =>
      HttpResponse.json(
        {
          error: { name: 'NotFoundError', message: 'No article "nope"' },
          request: { method: 'GET', url: '/articles/nope' },
          response: { statusCode: 404 },
        },
        { status: 404 },
      ),
    );
    await expect(client.getArticle('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('No article "nope"'),
    });

    answer('get', '/search', () =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message: 'q must not be empty' },
          request: { method: 'GET', url: '/search' },
          response: { statusCode: 400 },
        },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    await expect(client.search({ q: ' ' })).rejects.toMatchObject({
      name: 'GuidanceRequestError',
      statusCode: 400,
      message:
        'guidance GET /search failed: 400 Bad Request: q must not be empty',
    });

    answer('get', '/articles', () => new HttpResponse('oops', { status: 502 }));
    await expect(client.listArticles()).rejects.toMatchObject({
      statusCode: 502,
      message: expect.stringMatching(/^guidance GET \/articles failed: 502/),
    });
  });

  it('reads the conformance routes the same way: undefined for an unevaluated entity, named errors otherwise', async () => {
    answer('get', '/entities/:kind/:namespace/:name/conformance', () =>
      HttpResponse.json(
        {
          error: { name: 'NotFoundError', message: 'Not evaluated yet' },
          request: { method: 'GET', url: '/entities/component/default/x' },
          response: { statusCode: 404 },
        },
        { status: 404 },
      ),
    );
    await expect(
      client.getEntityConformance({
        kind: 'component',
        namespace: 'default',
        name: 'x',
      }),
    ).resolves.toBeUndefined();

    answer('post', '/validate', () =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message: 'files must not be empty' },
          request: { method: 'POST', url: '/validate' },
          response: { statusCode: 400 },
        },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    await expect(client.validate([])).rejects.toMatchObject({
      name: 'GuidanceRequestError',
      statusCode: 400,
      message:
        'guidance POST /validate failed: 400 Bad Request: files must not be empty',
    });
  });

  it('gives up on a backend that does not answer in time', async () => {
    answer('get', '/articles', async () => {
      await delay(2000);
      return HttpResponse.json({ items: [] });
    });
    const started = Date.now();
    await expect(client.listArticles()).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
