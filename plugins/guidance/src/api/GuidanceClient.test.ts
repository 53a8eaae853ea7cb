import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { Article, ArticleSummary } from '@paved-road/plugin-guidance-common';
import { GuidanceClient } from './GuidanceClient';

const base = 'http://localhost:7007/api/guidance';

const summary: ArticleSummary = {
  id: 'saga-pattern',
  title: 'Saga pattern',
  summary: 'Distributed transactions without two-phase commit.',
  category: 'architecture',
  tags: ['microservices'],
  updated: '2026-11-01',
  readingTimeMinutes: 9,
};

const article: Article = {
  ...summary,
  html: '<h2 id="steps" data-level="2">Steps</h2>\n<p>Text.</p>',
  toc: [{ id: 'steps', text: 'Steps', level: 2 }],
  sections: [{ id: 'steps', text: 'Steps', level: 2 }],
  related: [],
};

const recommendation = {
  article: summary,
  source: 'annotation' as const,
  reasons: ['annotation paved-road.dev/guidance'],
};

describe('GuidanceClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const fetchSpy = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, init),
  );
  const client = new GuidanceClient({
    discoveryApi: { getBaseUrl: async () => base },
    fetchApi: { fetch: fetchSpy },
  });

  beforeEach(() => fetchSpy.mockClear());

  it('lists articles, passing the filters as query parameters', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${base}/articles`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [summary] });
      }),
    );
    await expect(client.listArticles()).resolves.toEqual([summary]);
    expect(seen?.toString()).toBe('');
    await client.listArticles({ category: 'architecture', tag: 'ci/cd' });
    expect(seen?.get('category')).toBe('architecture');
    expect(seen?.get('tag')).toBe('ci/cd');
  });

  it('gets one article by id, encoding the id', async () => {
    server.use(
      http.get(`${base}/articles/:id`, ({ params }) =>
        params.id === 'saga-pattern'
          ? HttpResponse.json(article)
          : HttpResponse.json(
              {
                error: {
                  name: 'NotFoundError',
                  message: `No guidance article with id "${params.id}"`,
                },
                request: { method: 'GET', url: `/articles/${params.id}` },
                response: { statusCode: 404 },
              },
              { status: 404 },
            ),
      ),
    );
    await expect(client.getArticle('saga-pattern')).resolves.toEqual(article);
    await client.getArticle('a/b').catch(() => undefined);
    // requests go through fetchApi as Request objects (GuidanceApiClient, openapi-fetch)
    expect((fetchSpy.mock.calls[1][0] as Request).url).toBe(
      `${base}/articles/a%2Fb`,
    );
  });

  it('turns an error body into a ResponseError', async () => {
    server.use(
      http.get(`${base}/articles/:id`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No guidance article with id "nope"',
            },
            request: { method: 'GET', url: '/articles/nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getArticle('nope').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.name).toBe('NotFoundError');
    expect(error.cause.message).toBe('No guidance article with id "nope"');
  });

  it('lists categories with counts', async () => {
    const items = [{ id: 'databases', title: 'Databases', count: 2 }];
    server.use(
      http.get(`${base}/categories`, () => HttpResponse.json({ items })),
    );
    await expect(client.listCategories()).resolves.toEqual(items);
  });

  it('searches with q and limit, and passes the abort signal on', async () => {
    let seen: URLSearchParams | undefined;
    const results = [
      {
        ...summary,
        score: 3.2,
        section: { id: 'steps', text: 'Steps' },
        snippet: 'compensating steps',
      },
    ];
    server.use(
      http.get(`${base}/search`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({ results });
      }),
    );
    const controller = new AbortController();
    await expect(
      client.search('saga steps', { limit: 5, signal: controller.signal }),
    ).resolves.toEqual(results);
    expect(seen?.get('q')).toBe('saga steps');
    expect(seen?.get('limit')).toBe('5');
    // the request follows the signal: aborting it aborts the search
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      client.search('saga steps', { signal: aborted.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a search the backend refuses with a 400 ResponseError', async () => {
    server.use(
      http.get(`${base}/search`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid search q: q must not be empty',
            },
            request: { method: 'GET', url: '/search' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client.search(' ').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
  });

  it('posts an entity for recommendations', async () => {
    let body: unknown;
    server.use(
      http.post(`${base}/recommendations`, async ({ request }) => {
        expect(request.headers.get('content-type')).toBe('application/json');
        body = await request.json();
        return HttpResponse.json({ items: [recommendation] });
      }),
    );
    const entity = {
      kind: 'Component',
      metadata: { name: 'x', tags: ['postgres'] },
    };
    await expect(client.recommend(entity)).resolves.toEqual([recommendation]);
    expect(body).toEqual({ entity });
  });

  it('gets the articles for a catalog entity', async () => {
    let seenPath = '';
    server.use(
      http.get(
        `${base}/entities/:kind/:namespace/:name/articles`,
        ({ request }) => {
          seenPath = new URL(request.url).pathname;
          return HttpResponse.json({ items: [recommendation] });
        },
      ),
    );
    await expect(
      client.getEntityArticles({
        kind: 'Component',
        namespace: 'default',
        name: 'orders-service',
      }),
    ).resolves.toEqual([recommendation]);
    expect(seenPath).toBe(
      '/api/guidance/entities/Component/default/orders-service/articles',
    );
  });

  it('gets the entities that follow an article', async () => {
    const items = [
      {
        entityRef: 'component:default/orders-service',
        kind: 'Component',
        title: 'Orders service',
      },
    ];
    server.use(
      http.get(`${base}/articles/:id/entities`, ({ params }) =>
        HttpResponse.json({ items: params.id === 'saga-pattern' ? items : [] }),
      ),
    );
    await expect(client.getArticleEntities('saga-pattern')).resolves.toEqual(
      items,
    );
  });

  it("works with the app's fetchApi: its identity middleware adds the user's token to the Request", async () => {
    let authorization: string | null = null;
    server.use(
      http.get(`${base}/categories`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ items: [] });
      }),
    );
    const withIdentity = new GuidanceClient({
      discoveryApi: { getBaseUrl: async () => base },
      // createFetchApi with FetchMiddlewares.injectIdentityAuth, as the app builds it
      fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-1' } }),
    });
    await expect(withIdentity.listCategories()).resolves.toEqual([]);
    expect(authorization).toBe('Bearer user-1');
  });
});
