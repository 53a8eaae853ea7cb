import { readdirSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// the module is tested inside the plugin it extends
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import { guidanceModuleBuiltinArticles } from './module';

jest.setTimeout(60_000);

const SHIPPED = readdirSync(join(__dirname, '..', 'articles'))
  .filter(f => f.endsWith('.md'))
  .map(f => f.slice(0, -'.md'.length))
  .sort();

async function articleIds(config: JsonObject) {
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      guidanceModuleBuiltinArticles,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  const res = await request(server).get('/api/guidance/articles');
  expect(res.status).toBe(200);
  return res.body.items.map((a: { id: string }) => a.id).sort();
}

describe('the built-in articles module', () => {
  it('adds the twenty shipped articles to the guidance backend', async () => {
    expect(SHIPPED).toHaveLength(20);
    expect(await articleIds({})).toEqual(SHIPPED);
  });

  it('adds nothing with guidance.builtin: false', async () => {
    expect(await articleIds({ guidance: { builtin: false } })).toEqual([]);
  });

  it('serves nothing built in when the guidance backend runs without it', async () => {
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    const res = await request(server).get('/api/guidance/articles');
    expect(res.body.items).toEqual([]);
  });
});
