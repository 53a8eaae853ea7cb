import express from 'express';
import request from 'supertest';
import {
  createSpecRouter,
  jsonBodyFor,
  SpecRouterFactoryOptions,
} from './specRouter';

/** Stands in for a generated createOpenApiRouter: keeps the options, applies the middleware. */
function fakeFactory() {
  const seen: { options?: SpecRouterFactoryOptions } = {};
  const createOpenApiRouter = async (options?: SpecRouterFactoryOptions) => {
    seen.options = options;
    const router = express.Router();
    router.use(options?.middleware ?? []);
    return router;
  };
  return { seen, createOpenApiRouter };
}

describe('createSpecRouter', () => {
  it('checks only its own paths, whatever their case and trailing slash', async () => {
    const { seen, createOpenApiRouter } = fakeFactory();
    await createSpecRouter({
      createOpenApiRouter,
      paths: ['/articles/{id}', '/v1.0/rules'],
    });
    const ignored = seen.options!.validatorOptions!.ignorePaths!;
    expect(
      [
        '/api/guidance/articles/saga',
        '/api/guidance/Articles/Saga/',
        '/api/guidance/V1.0/RULES',
        '/api/guidance/articles/saga/sections',
        '/api/guidance/articles',
        '/api/guidance/v1x0/rules',
      ].map(path => [path, ignored(path)]),
    ).toEqual([
      ['/api/guidance/articles/saga', false],
      ['/api/guidance/Articles/Saga/', false],
      ['/api/guidance/V1.0/RULES', false],
      ['/api/guidance/articles/saga/sections', true],
      ['/api/guidance/articles', true],
      // a dot in a spec path is a dot
      ['/api/guidance/v1x0/rules', true],
    ]);
    expect(seen.options!.validatorOptions!.validateSecurity).toBe(false);
  });

  it.each([
    [false, ['after: HEAD /articles/a', 'after: GET /openapi.json']],
    [true, ['after: HEAD /articles/a', 'spec router: GET /openapi.json']],
  ])(
    'sends HEAD past its handlers, and /openapi.json too unless it serves the spec (serveSpec %s)',
    async (serveSpec, expected) => {
      const { createOpenApiRouter } = fakeFactory();
      const router = await createSpecRouter({
        createOpenApiRouter,
        paths: ['/articles/{id}'],
        serveSpec,
      });
      const seen: string[] = [];
      router.use((req, res) => {
        seen.push(`spec router: ${req.method} ${req.path}`);
        res.end();
      });
      const app = express();
      app.use(router);
      app.use((req, res) => {
        seen.push(`after: ${req.method} ${req.path}`);
        res.end();
      });
      await request(app).head('/articles/a');
      await request(app).get('/openapi.json');
      expect(seen).toEqual(expected);
    },
  );
});

describe('jsonBodyFor', () => {
  it('parses bodies of its route only, and answers one over its limit with 413', async () => {
    const app = express();
    app.use(jsonBodyFor('post', '/validate', 20));
    app.use((req, res) => {
      res.json({ parsed: req.body ?? null });
    });
    app.use(
      (
        error: { status?: number },
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(error.status ?? 500).end();
      },
    );
    const small = await request(app).post('/validate').send({ a: 1 });
    expect(small.body).toEqual({ parsed: { a: 1 } });
    const other = await request(app).post('/other').send({ a: 1 });
    expect(other.body).toEqual({ parsed: null });
    const large = await request(app)
      .post('/validate')
      .send({ a: 'x'.repeat(100) });
    expect(large.status).toBe(413);
  });
});
