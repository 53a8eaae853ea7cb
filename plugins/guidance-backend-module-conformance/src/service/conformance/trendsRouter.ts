import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { MAX_TREND_DAYS, TrendQueries } from './trendQueries';
import { parseInput as parse } from '@paved-road/plugin-guidance-node';

export { MAX_TREND_DAYS };

const daysParam = z.coerce
  .number({ invalid_type_error: 'must be a number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1')
  .max(MAX_TREND_DAYS, `must be at most ${MAX_TREND_DAYS}`);

const trendsQuery = z
  .object({
    owner: z.string().min(1).max(512).optional(),
    entity: z.string().min(1).max(600).optional(),
    rule: z.string().min(1).max(200).optional(),
    days: daysParam.default(30),
    by: z.enum(['rule', 'owner']).optional(),
  })
  .strict();

const ownersQuery = z.object({ days: daysParam.default(30) }).strict();

const previewQuery = z
  .object({ rule: z.string().min(1, 'is required').max(200) })
  .strict();

/**
 * `GET /conformance/trends`, `GET /conformance/trends/owners` and `GET /conformance/preview`.
 * Like the other conformance routes they count only entities the caller's catalog read shows.
 */
export function createTrendsRouter(options: {
  queries: TrendQueries;
  httpAuth: HttpAuthService;
}): express.Router {
  const { queries, httpAuth } = options;
  const router = Router();

  router.get('/conformance/trends', async (req, res) => {
    const query = parse(trendsQuery, req.query, 'query');
    res.json(await queries.trends(await httpAuth.credentials(req), query));
  });

  router.get('/conformance/trends/owners', async (req, res) => {
    const { days } = parse(ownersQuery, req.query, 'query');
    res.json(await queries.owners(await httpAuth.credentials(req), days));
  });

  router.get('/conformance/preview', async (req, res) => {
    const { rule } = parse(previewQuery, req.query, 'query');
    res.json(await queries.preview(await httpAuth.credentials(req), rule));
  });

  return router;
}
