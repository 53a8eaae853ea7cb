import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { GuidanceClient } from './GuidanceClient';

const base = 'http://localhost:7007/api/guidance';

describe('GuidanceClient trends and preview', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new GuidanceClient({
    discoveryApi: { getBaseUrl: async () => base },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('asks for trends with only the filters given, and passes the answer on', async () => {
    const urls: string[] = [];
    const body = {
      days: [{ date: '2026-12-01', pass: 3, fail: 1, waived: 0 }],
      series: [{ key: 'image-pinned', days: [] }],
    };
    server.use(
      http.get(`${base}/conformance/trends`, ({ request }) => {
        urls.push(new URL(request.url).search);
        return HttpResponse.json(body);
      }),
    );
    await expect(
      client.getConformanceTrends({
        days: 30,
        by: 'rule',
        owner: 'group:default/team a',
      }),
    ).resolves.toEqual(body);
    await client.getConformanceTrends({
      days: 7,
      entity: 'component:default/web',
    });
    expect(urls).toEqual([
      '?days=30&owner=group%3Adefault%2Fteam+a&by=rule',
      '?days=7&entity=component%3Adefault%2Fweb',
    ]);
  });

  it('reads owner movements and a rule preview, and throws the backend error for a bad rule', async () => {
    server.use(
      http.get(`${base}/conformance/trends/owners`, ({ request }) =>
        HttpResponse.json({
          owners: [],
          days: new URL(request.url).searchParams.get('days'),
        }),
      ),
      http.get(`${base}/conformance/preview`, ({ request }) => {
        const rule = new URL(request.url).searchParams.get('rule');
        if (rule !== 'image-pinned') {
          return HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message: `No conformance rule with id "${rule}"`,
              },
              request: { method: 'GET', url: '/' },
              response: { statusCode: 404 },
            },
            { status: 404 },
          );
        }
        return HttpResponse.json({ rule, entities: [] });
      }),
    );
    await expect(client.getConformanceOwnerMovements(30)).resolves.toEqual({
      owners: [],
      days: '30',
    });
    await expect(client.previewRule('image-pinned')).resolves.toEqual({
      rule: 'image-pinned',
      entities: [],
    });
    // the rule is sent encoded: `a&b` arrives whole
    await expect(client.previewRule('a&b')).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No conformance rule with id "a&b"' } },
    });
  });
});
