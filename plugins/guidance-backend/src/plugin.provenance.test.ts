import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidancePlugin } from './plugin';
import { articleFixture } from './__testUtils__/articleFixture';

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
      verifiedAgainst: { 'external-secrets': '0.19', kubernetes: '1.34' },
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
      verifiedAgainst: { 'external-secrets': '0.19', kubernetes: '1.34' },
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

  it('refuses to start with an interval that is not a whole number of days', async () => {
    await expect(start({ reviewIntervalDays: -5 })).rejects.toThrow(
      /guidance.reviewIntervalDays must be a whole number of days, at least 1; got -5/,
    );
  });
});
