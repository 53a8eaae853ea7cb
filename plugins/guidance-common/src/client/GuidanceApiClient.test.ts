import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ResponseError } from '@backstage/errors';
import { GuidanceApiClient } from './GuidanceApiClient';

const base = 'http://localhost:7007/api/guidance';

const summary = {
  id: 'saga-pattern',
  title: 'Saga pattern',
  summary: 'Distributed transactions without two-phase commit.',
  category: 'architecture',
  tags: ['microservices'],
  updated: '2026-11-01',
  readingTimeMinutes: 9,
};

function errorBody(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/x' },
      response: { statusCode: status },
    },
    { status },
  );
}

describe('GuidanceApiClient', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  let seen: Request[];
  const record = (request: Request) => {
    seen.push(request.clone());
  };
  beforeEach(() => {
    seen = [];
  });

  const discoveryApi = {
    getBaseUrl: jest.fn(
      async (id: string) => `http://localhost:7007/api/${id}`,
    ),
  };
  const client = new GuidanceApiClient({ discoveryApi });

  it('asks discovery for the guidance plugin and sends each route its parameters, escaped', async () => {
    server.use(
      http.get(`${base}/articles`, ({ request }) => {
        record(request);
        return HttpResponse.json({ items: [summary] });
      }),
      http.get(`${base}/search`, ({ request }) => {
        record(request);
        return HttpResponse.json({ results: [] });
      }),
      http.get(`${base}/articles/:id/sections`, ({ request }) => {
        record(request);
        return HttpResponse.json({ items: [] });
      }),
      http.get(
        `${base}/entities/:kind/:namespace/:name/articles`,
        ({ request }) => {
          record(request);
          return HttpResponse.json({ items: [] });
        },
      ),
    );
    await expect(client.listArticles()).resolves.toEqual({ items: [summary] });
    await client.listArticles({ category: 'databases', tag: 'ci/cd' });
    await client.search({ q: 'pool size & more', limit: 3 });
    await client.getArticleSections('../search');
    await client.getEntityArticles({
      kind: 'Component',
      namespace: 'default',
      name: 'orders service',
    });

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('guidance');
    const urls = seen.map(r => new URL(r.url));
    expect(urls[0].search).toBe('');
    expect(urls[1].searchParams.get('tag')).toBe('ci/cd');
    expect(urls[2].searchParams.get('q')).toBe('pool size & more');
    expect(urls[2].searchParams.get('limit')).toBe('3');
    expect(urls[3].pathname).toBe(
      '/api/guidance/articles/..%2Fsearch/sections',
    );
    expect(urls[4].pathname).toBe(
      '/api/guidance/entities/Component/default/orders%20service/articles',
    );
    expect(seen.every(r => r.headers.get('authorization') === null)).toBe(true);
  });

  it('sends a token when given one, and posts the entity as JSON', async () => {
    server.use(
      http.post(`${base}/recommendations`, ({ request }) => {
        record(request);
        return HttpResponse.json({ items: [] });
      }),
    );
    await client.recommend({ kind: 'Component' }, { token: 'abc' });
    expect(seen[0].headers.get('authorization')).toBe('Bearer abc');
    expect(seen[0].headers.get('content-type')).toBe('application/json');
    expect(await seen[0].json()).toEqual({ entity: { kind: 'Component' } });
  });

  it('reads an article with its ETag and answers notModified for a current copy', async () => {
    server.use(
      http.get(`${base}/articles/:id`, ({ request }) =>
        request.headers.get('if-none-match') === '"v1"'
          ? new HttpResponse(null, { status: 304, headers: { ETag: '"v1"' } })
          : HttpResponse.json(
              { ...summary, html: '', toc: [], sections: [], related: [] },
              { headers: { ETag: '"v1"' } },
            ),
      ),
    );
    await expect(client.getArticle('saga-pattern')).resolves.toMatchObject({
      notModified: false,
      etag: '"v1"',
      article: { id: 'saga-pattern' },
    });
    await expect(
      client.getArticle('saga-pattern', { etag: '"v1"' }),
    ).resolves.toEqual({ notModified: true, etag: '"v1"' });
  });

  it('reads Markdown as text, whole or by section', async () => {
    server.use(
      http.get(`${base}/articles/:id/markdown`, ({ request }) => {
        const section = new URL(request.url).searchParams.get('section');
        return new HttpResponse(section ? `## ${section}\n` : '# All\n', {
          headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
        });
      }),
    );
    await expect(client.getArticleMarkdown('saga-pattern')).resolves.toBe(
      '# All\n',
    );
    await expect(
      client.getArticleMarkdown('saga-pattern', { section: 'steps' }),
    ).resolves.toBe('## steps\n');
  });

  it('turns an error answer into a ResponseError with the backend error as cause', async () => {
    server.use(
      http.get(`${base}/articles/:id`, () =>
        errorBody(404, 'NotFoundError', 'No guidance article with id "nope"'),
      ),
      http.get(`${base}/search`, () =>
        errorBody(400, 'InputError', 'request/query/limit must be <= 50'),
      ),
    );
    const notFound = await client.getArticle('nope').catch(e => e);
    expect(notFound).toBeInstanceOf(ResponseError);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.cause).toMatchObject({
      name: 'NotFoundError',
      message: 'No guidance article with id "nope"',
    });
    const bad = await client.search({ q: 'x', limit: 99 }).catch(e => e);
    expect(bad).toBeInstanceOf(ResponseError);
    expect(bad.statusCode).toBe(400);
    expect(bad.cause.message).toBe('request/query/limit must be <= 50');
  });

  it('goes through the fetchApi it is given, and aborts with the signal', async () => {
    server.use(
      http.get(`${base}/categories`, async () => {
        await new Promise(resolve => setTimeout(resolve, 200));
        return HttpResponse.json({ items: [] });
      }),
    );
    const fetchSpy = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, init),
    );
    const viaFetchApi = new GuidanceApiClient({
      discoveryApi,
      fetchApi: { fetch: fetchSpy },
    });
    const controller = new AbortController();
    const pending = viaFetchApi.listCategories({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect((fetchSpy.mock.calls[0][0] as Request).url).toBe(
      `${base}/categories`,
    );
  });
});
