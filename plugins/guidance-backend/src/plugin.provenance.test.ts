import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidancePlugin } from './plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

const daysAgo = (n: number) =>
  new Date(Date.now() - n * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

function library() {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-provenance-'));
  const write = (name: string, content: string) =>
    writeFileSync(join(dir, name), content);
  write(
    'fresh.md',
    articleFixture({
      title: 'Fresh article',
      reviewed: daysAgo(10),
      // tools the lifecycle table does not know: this article is about its review date only
      verifiedAgainst: { 'external-secrets': '0.19', velero: '1.18' },
    }),
  );
  write(
    'eol.md',
    articleFixture({
      title: 'Verified against an unsupported release',
      reviewed: daysAgo(10),
      verifiedAgainst: { kubernetes: '1.25' },
    }),
  );
  write(
    'old.md',
    articleFixture({ title: 'Old article', reviewed: daysAgo(40) }),
  );
  write('never.md', articleFixture({ title: 'Never reviewed' }));
  return dir;
}

async function start(guidance: Record<string, unknown> = {}) {
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: library() }],
            ...guidance,
          },
        },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  return server;
}

describe('guidance backend: review provenance', () => {
  it('serves reviewed, verifiedAgainst and stale on the article, with the 365-day default', async () => {
    const server = await start();
    const fresh = await request(server).get('/api/guidance/articles/fresh');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      reviewed: daysAgo(10),
      verifiedAgainst: { 'external-secrets': '0.19', velero: '1.18' },
      stale: false,
    });
    const old = await request(server).get('/api/guidance/articles/old');
    expect(old.body).toMatchObject({ reviewed: daysAgo(40), stale: false });
    expect(old.body.verifiedAgainst).toBeUndefined();
    const never = await request(server).get('/api/guidance/articles/never');
    expect(never.body.stale).toBe(true);
    expect(never.body.reviewed).toBeUndefined();
  });

  it('marks articles stale past guidance.reviewIntervalDays, on the list too', async () => {
    const server = await start({ reviewIntervalDays: 30 });
    const list = await request(server).get('/api/guidance/articles');
    const byId = Object.fromEntries(list.body.items.map((s: any) => [s.id, s]));
    expect(byId.fresh).toMatchObject({ reviewed: daysAgo(10), stale: false });
    expect(byId.old).toMatchObject({ reviewed: daysAgo(40), stale: true });
    expect(byId.never).toMatchObject({ stale: true });
    expect(byId.never.reviewed).toBeUndefined();
    const old = await request(server).get('/api/guidance/articles/old');
    expect(old.body.stale).toBe(true);
  });

  it('serves an article verified against an end-of-life release as stale, with the reason, everywhere', async () => {
    const server = await start();
    const article = await request(server).get('/api/guidance/articles/eol');
    expect(article.body).toMatchObject({
      stale: true,
      staleReasons: ['Kubernetes 1.25: end of life since 2023-10-27'],
    });
    const list = await request(server).get('/api/guidance/articles');
    const byId = Object.fromEntries(list.body.items.map((s: any) => [s.id, s]));
    expect(byId.eol.staleReasons).toEqual([
      'Kubernetes 1.25: end of life since 2023-10-27',
    ]);
    expect(byId.fresh).toMatchObject({ stale: false, staleReasons: [] });
    expect(byId.never.staleReasons).toEqual(['no review date']);
    const search = await request(server).get(
      '/api/guidance/search?q=unsupported+release',
    );
    expect(search.body.results[0]).toMatchObject({
      id: 'eol',
      stale: true,
      staleReasons: ['Kubernetes 1.25: end of life since 2023-10-27'],
    });
  });

  it('judges versions by guidance.lifecycle.products too', async () => {
    const server = await start({
      lifecycle: {
        products: [{ product: 'velero', cycle: '1.18', eol: '2020-01-01' }],
      },
    });
    const fresh = await request(server).get('/api/guidance/articles/fresh');
    expect(fresh.body).toMatchObject({
      stale: true,
      staleReasons: ['Velero 1.18: end of life since 2020-01-01'],
    });
  });

  it('refuses to start with an interval that is not a whole number of days', async () => {
    await expect(start({ reviewIntervalDays: -5 })).rejects.toThrow(
      /guidance.reviewIntervalDays must be a whole number of days, at least 1; got -5/,
    );
  });
});
