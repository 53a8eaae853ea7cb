import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { ConformanceService } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ConformanceTrends } from './ConformanceTrends';
import { daysBefore, ownerMovements } from './ConformanceHistory';
import { dayOf } from './enforcement';
import { previewRule } from './rulePreview';
import { parseInput as parse } from '../parseInput';

/** The most days a trend covers: the history's default retention. */
export const MAX_TREND_DAYS = 400;

const daysParam = z.coerce
  .number({ invalid_type_error: 'must be a number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1')
  .max(MAX_TREND_DAYS, `must be at most ${MAX_TREND_DAYS}`);

const trendsQuery = z
  .object({
    owner: z.string().min(1).max(512).optional(),
    rule: z.string().min(1).max(200).optional(),
    days: daysParam.default(30),
    by: z.enum(['rule', 'owner']).optional(),
  })
  .strict();

const ownersQuery = z.object({ days: daysParam.default(30) }).strict();

const previewQuery = z
  .object({ rule: z.string().min(1, 'is required').max(200) })
  .strict();

function normalizeOwner(owner: string) {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`Invalid owner: ${(error as Error).message}`);
  }
}

/**
 * `GET /conformance/trends`, `GET /conformance/trends/owners` and `GET /conformance/preview`.
 * Like the other conformance routes they count only entities the caller's catalog read shows.
 */
export function createTrendsRouter(options: {
  conformance: ConformanceService;
  store: ConformanceStore;
  trends: ConformanceTrends;
  httpAuth: HttpAuthService;
}): express.Router {
  const { conformance, store, trends, httpAuth } = options;
  const router = Router();

  const visibleRefs = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req);
    return (await conformance.visibleEntities(credentials)).map(e =>
      stringifyEntityRef(e),
    );
  };
  const knownRule = (id: string) => {
    if (!conformance.ruleSummaries().some(r => r.id === id)) {
      throw new NotFoundError(`No conformance rule with id "${id}"`);
    }
  };
  const offRules = (now: Date) =>
    conformance
      .ruleSummaries()
      .map(r => r.id)
      .filter(id => trends.enforcement.of(id, now) === 'off');

  router.get('/conformance/trends', async (req, res) => {
    const query = parse(trendsQuery, req.query, 'query');
    if (query.rule) knownRule(query.rule);
    const now = trends.now();
    const to = dayOf(now);
    const from = daysBefore(to, query.days - 1);
    const filter = {
      owner: query.owner ? normalizeOwner(query.owner) : undefined,
      rule: query.rule,
      entityRefs: await visibleRefs(req),
      excludeRules: offRules(now),
    };
    const days = await trends.history.trends(from, to, filter);
    const series = query.by
      ? await trends.history.series(query.by, from, to, filter)
      : undefined;
    res.json({ days, ...(series ? { series } : {}) });
  });

  router.get('/conformance/trends/owners', async (req, res) => {
    const query = parse(ownersQuery, req.query, 'query');
    const now = trends.now();
    const to = dayOf(now);
    const series = await trends.history.series(
      'owner',
      daysBefore(to, query.days - 1),
      to,
      { entityRefs: await visibleRefs(req), excludeRules: offRules(now) },
    );
    res.json({ owners: ownerMovements(series) });
  });

  router.get('/conformance/preview', async (req, res) => {
    const { rule } = parse(previewQuery, req.query, 'query');
    knownRule(rule);
    const stored = await store.getEntitiesWithResults(await visibleRefs(req));
    const now = trends.now();
    res.json({
      ...previewRule(rule, stored, now),
      enforcement: trends.enforcement.setting(rule),
      enforcementToday: trends.enforcement.of(rule, now),
    });
  });

  return router;
}
