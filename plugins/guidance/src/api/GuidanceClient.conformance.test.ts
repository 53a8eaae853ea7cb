import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { GuidanceClient } from './GuidanceClient';
import {
  articleConformance,
  overview,
  reportsWorkerConformance,
} from '../testing/conformanceFixtures';

const base = 'http://localhost:7007/api/guidance';

const errorBody = (status: number, message: string) =>
  HttpResponse.json(
    {
      error: { name: status === 404 ? 'NotFoundError' : 'Error', message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );

describe('GuidanceClient conformance', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new GuidanceClient({
    discoveryApi: { getBaseUrl: async () => base },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  const entity = {
    kind: 'Component',
    namespace: 'default',
    name: 'reports-worker',
  };

  it('gets an entity conformance, and undefined for a 404 (not evaluated yet)', async () => {
    let path = '';
    server.use(
      http.get(
        `${base}/entities/:kind/:namespace/:name/conformance`,
        ({ request, params }) => {
          path = new URL(request.url).pathname;
          return params.name === 'reports-worker'
            ? HttpResponse.json(reportsWorkerConformance)
            : errorBody(
                404,
                'component:default/new has not been evaluated yet',
              );
        },
      ),
    );
    await expect(client.getEntityConformance(entity)).resolves.toEqual(
      reportsWorkerConformance,
    );
    expect(path).toBe(
      '/api/guidance/entities/Component/default/reports-worker/conformance',
    );
    await expect(
      client.getEntityConformance({ ...entity, name: 'new' }),
    ).resolves.toBeUndefined();
  });

  it('throws other errors with the backend error body', async () => {
    server.use(
      http.get(`${base}/entities/:kind/:namespace/:name/conformance`, () =>
        errorBody(500, 'database is down'),
      ),
    );
    await expect(client.getEntityConformance(entity)).rejects.toMatchObject({
      statusCode: 500,
      body: { error: { message: 'database is down' } },
    });
  });

  it('posts a forced refresh for an entity', async () => {
    let method = '';
    let body: unknown;
    server.use(
      http.post(
        `${base}/entities/:kind/:namespace/:name/conformance/refresh`,
        async ({ request }) => {
          method = request.method;
          body = await request.json();
          return HttpResponse.json({ status: 'queued' }, { status: 202 });
        },
      ),
    );
    await expect(
      client.refreshEntityConformance(entity),
    ).resolves.toBeUndefined();
    expect(method).toBe('POST');
    expect(body).toEqual({ force: true });
  });

  it('gets an article conformance, encoding the id', async () => {
    let path = '';
    server.use(
      http.get(`${base}/articles/:id/conformance`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(articleConformance);
      }),
    );
    await expect(client.getArticleConformance('golden-paths')).resolves.toEqual(
      articleConformance,
    );
    expect(path).toBe('/api/guidance/articles/golden-paths/conformance');
  });

  it('gets the overview, passing owner and rule as query parameters', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${base}/conformance`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json(overview);
      }),
    );
    await expect(client.getConformanceOverview()).resolves.toEqual(overview);
    expect(seen?.toString()).toBe('');
    await client.getConformanceOverview({
      owner: 'group:default/platform-team',
      rule: 'memory-limit',
    });
    expect(seen?.get('owner')).toBe('group:default/platform-team');
    expect(seen?.get('rule')).toBe('memory-limit');
  });
});
