import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ResponseError } from '@backstage/errors';
import { ConformanceApiClient } from './ConformanceApiClient';

const base = 'http://localhost:7007/api/guidance';

describe('ConformanceApiClient', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const discoveryApi = {
    getBaseUrl: jest.fn(
      async (id: string) => `http://localhost:7007/api/${id}`,
    ),
  };
  const client = new ConformanceApiClient({ discoveryApi });
  const web = { kind: 'Component', namespace: 'default', name: 'web app' };

  it('sends each route its path parameters escaped and only the query parameters given', async () => {
    const seen: string[] = [];
    const answer =
      (body: object) =>
      ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        seen.push(`${request.method} ${url.pathname}${url.search}`);
        return HttpResponse.json(body);
      };
    server.use(
      http.get(`${base}/rules`, answer({ rules: [] })),
      http.get(
        `${base}/entities/:kind/:namespace/:name/conformance`,
        answer({ entityRef: 'component:default/web', results: [] }),
      ),
      http.get(`${base}/articles/:id/conformance`, answer({ rules: [] })),
      http.get(`${base}/conformance`, answer({ rules: [] })),
      http.get(`${base}/conformance/trends`, answer({ days: [] })),
      http.get(`${base}/conformance/trends/owners`, answer({ owners: [] })),
      http.get(`${base}/conformance/preview`, answer({ entities: [] })),
    );
    await expect(client.listRules()).resolves.toEqual({ rules: [] });
    await expect(client.getEntityConformance(web)).resolves.toEqual({
      entityRef: 'component:default/web',
      results: [],
    });
    await client.getArticleConformance('../rules');
    await client.getConformanceOverview();
    await client.getConformanceOverview({ owner: 'group:default/team a' });
    await client.getConformanceTrends({
      days: 30,
      rule: 'probes',
      by: 'owner',
    });
    await client.getConformanceOwnerMovements({ days: 7 });
    await client.previewRule({ rule: 'resource-limits' });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('guidance');
    expect(seen).toEqual([
      'GET /api/guidance/rules',
      'GET /api/guidance/entities/Component/default/web%20app/conformance',
      'GET /api/guidance/articles/..%2Frules/conformance',
      'GET /api/guidance/conformance',
      'GET /api/guidance/conformance?owner=group%3Adefault%2Fteam+a',
      'GET /api/guidance/conformance/trends?days=30&rule=probes&by=owner',
      'GET /api/guidance/conformance/trends/owners?days=7',
      'GET /api/guidance/conformance/preview?rule=resource-limits',
    ]);
  });

  it('posts bodies as JSON with the token it is given', async () => {
    const seen: Request[] = [];
    server.use(
      http.post(`${base}/validate`, ({ request }) => {
        seen.push(request.clone());
        return HttpResponse.json({ summary: {}, results: [] });
      }),
      http.post(
        `${base}/entities/:kind/:namespace/:name/conformance/refresh`,
        ({ request }) => {
          seen.push(request.clone());
          return HttpResponse.json(
            { entityRef: 'component:default/web app', status: 'queued' },
            { status: 202 },
          );
        },
      ),
    );
    const files = [{ path: 'deploy.yaml', content: 'kind: Deployment' }];
    await client.validate(files, { token: 'abc' });
    await expect(
      client.refreshEntityConformance(web, { force: true }),
    ).resolves.toEqual({
      entityRef: 'component:default/web app',
      status: 'queued',
    });
    expect(seen.map(r => r.headers.get('authorization'))).toEqual([
      'Bearer abc',
      null,
    ]);
    expect(seen.map(r => r.headers.get('content-type'))).toEqual([
      'application/json',
      'application/json',
    ]);
    expect(await seen[0].json()).toEqual({ files });
    expect(await seen[1].json()).toEqual({ force: true });
  });

  it('turns an error answer into a ResponseError with the backend error as cause', async () => {
    server.use(
      http.get(`${base}/entities/:kind/:namespace/:name/conformance`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'Not evaluated yet' },
            request: { method: 'GET', url: '/x' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getEntityConformance(web).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause).toMatchObject({
      name: 'NotFoundError',
      message: 'Not evaluated yet',
    });
  });

  it('goes through the fetchApi it is given', async () => {
    server.use(
      http.get(`${base}/rules`, () => HttpResponse.json({ rules: [] })),
    );
    const fetchSpy = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, init),
    );
    await new ConformanceApiClient({
      discoveryApi,
      fetchApi: { fetch: fetchSpy },
    }).listRules();
    expect((fetchSpy.mock.calls[0][0] as Request).url).toBe(`${base}/rules`);
  });
});
