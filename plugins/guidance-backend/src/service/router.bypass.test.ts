import express from 'express';
import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createRouter } from './router';
import { GuidanceService } from './GuidanceService';

// What the typed router must not let past its spec: express hands HEAD to GET handlers and
// matches paths whatever their case, and a body over the limit is a 413, not a 400.
async function startRouter() {
  const calls: string[] = [];
  const service = new Proxy(
    {},
    {
      get: (_target, name) => () => {
        calls.push(String(name));
        return { bytes: Buffer.from('{}'), etag: '"e"' };
      },
    },
  ) as GuidanceService;
  const logger = mockServices.logger.mock();
  const app = express();
  app.use(
    '/api/guidance',
    await createRouter({
      guidance: service,
      catalog: catalogServiceMock({ entities: [] }),
      httpAuth: mockServices.httpAuth(),
      logger,
    }),
  );
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    }).error(),
  );
  return { app, calls };
}

describe('the guidance router leaves no way around its spec', () => {
  it('never hands a HEAD request to a GET handler unchecked', async () => {
    const { app, calls } = await startRouter();
    const res = await request(app).head('/api/guidance/articles/Not_A_Slug');
    expect(res.status).toBe(404);
    expect(calls).toEqual([]);
  });

  it.each([
    [
      '/api/guidance/Articles/Not_A_Slug',
      'request/params/id must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
    ],
    [
      '/api/guidance/Search?q=pool&limit=99999',
      'request/query/limit must be <= 50',
    ],
    [
      '/api/guidance/SEARCH/?q=pool&limit=99999',
      'request/query/limit must be <= 50',
    ],
  ])(
    'checks %s like its lower-case path, as express routes it',
    async (path, message) => {
      const { app, calls } = await startRouter();
      const res = await request(app).get(path);
      expect([res.status, res.body.error]).toEqual([
        400,
        { name: 'InputError', message },
      ]);
      expect(calls).toEqual([]);
    },
  );

  it('answers a body over its limit with 413', async () => {
    const { app, calls } = await startRouter();
    const res = await request(app)
      .post('/api/guidance/recommendations')
      .send({
        entity: { kind: 'Component', spec: { x: 'y'.repeat(300_000) } },
      });
    expect(res.status).toBe(413);
    expect(calls).toEqual([]);
  });
});
