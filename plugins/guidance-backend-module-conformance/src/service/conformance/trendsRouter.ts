import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { MAX_TREND_DAYS, TrendQueries } from './trendQueries';
import { createSpecRouter } from '@paved-road/plugin-guidance-node';
import { createOpenApiRouter } from '../../schema/openapi.generated';

export { MAX_TREND_DAYS };

/** The default window of the trend routes, in days. */
const DEFAULT_DAYS = 30;

/**
 * `GET /conformance/trends`, `GET /conformance/trends/owners` and `GET /conformance/preview`.
 * The spec bounds the queries (days 1–400, known keys only); like the other conformance routes
 * they count only entities the caller's catalog read shows.
 */
export async function createTrendsRouter(options: {
  queries: TrendQueries;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { queries, httpAuth } = options;
  const router = await createSpecRouter({
    createOpenApiRouter,
    paths: [
      '/conformance/trends',
      '/conformance/trends/owners',
      '/conformance/preview',
    ],
  });

  router.get('/conformance/trends', async (req, res) => {
    const { days = DEFAULT_DAYS, ...filter } = req.query;
    res.json(
      await queries.trends(await httpAuth.credentials(req), {
        ...filter,
        days,
      }),
    );
  });

  router.get('/conformance/trends/owners', async (req, res) => {
    const { days = DEFAULT_DAYS } = req.query;
    res.json(await queries.owners(await httpAuth.credentials(req), days));
  });

  router.get('/conformance/preview', async (req, res) => {
    res.json(
      await queries.preview(await httpAuth.credentials(req), req.query.rule),
    );
  });

  return router;
}
