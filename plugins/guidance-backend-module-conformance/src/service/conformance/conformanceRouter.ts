import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  TEMPLATE_ORIGIN_ANNOTATION,
  articleIdSchema,
  guidanceConformanceRefreshPermission,
  parseTemplateOrigin,
} from '@paved-road/plugin-guidance-common';
import { ConformanceService } from './ConformanceService';
import { ConformanceReportStore } from './ConformanceReportStore';
import { reportsOfEntity } from './conformanceReportsRouter';
import { entityRefFromParams, parseInput as parse } from '../parseInput';

const refreshBody = z
  .object({
    /** Evaluate even when the source's ETag says nothing changed. */
    force: z.boolean().optional(),
  })
  .strict();

const overviewQuery = z.object({
  owner: z.string().min(1).max(512).optional(),
  rule: z.string().min(1).max(200).optional(),
});

/** Services per golden path and version, newest version first within a template. */
function countTemplateVersions(
  origins: ({ template: string; version: number } | undefined)[],
): { template: string; version: number; count: number }[] {
  const counts = new Map<
    string,
    { template: string; version: number; count: number }
  >();
  for (const origin of origins) {
    if (!origin) continue;
    const key = `${origin.template}@${origin.version}`;
    const entry = counts.get(key) ?? { ...origin, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.template.localeCompare(b.template) || b.version - a.version,
  );
}

/**
 * Conformance routes. Every read goes through the catalog with the caller's credentials
 * first: an entity the catalog does not show the caller has no conformance for them.
 */
export function createConformanceRouter(options: {
  conformance: ConformanceService;
  reports?: ConformanceReportStore;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  hasArticle: (id: string) => boolean;
}): express.Router {
  const { conformance, catalog, httpAuth, permissions, hasArticle } = options;
  const router = Router();

  const visibleEntity = async (req: express.Request) => {
    const ref = entityRefFromParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    return entity;
  };

  const visibleConformance = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req);
    const entities = await conformance.visibleEntities(credentials);
    const listed = await conformance.listConformance(
      entities.map(e => stringifyEntityRef(e)),
    );
    // the golden path each entity was created (or last upgraded) from, for drift counts
    const origins = new Map(
      entities.map(e => [
        stringifyEntityRef(e),
        parseTemplateOrigin(
          e.metadata.annotations?.[TEMPLATE_ORIGIN_ANNOTATION],
        ),
      ]),
    );
    return listed.map(e => ({
      ...e,
      template: origins.get(e.conformance.entityRef),
    }));
  };

  router.get(
    '/entities/:kind/:namespace/:name/conformance',
    async (req, res) => {
      const entity = await visibleEntity(req);
      const entityRef = stringifyEntityRef(entity);
      const result = await conformance.getEntityConformance(entityRef);
      if (!result) {
        throw new NotFoundError(`${entityRef} has not been evaluated yet`);
      }
      const { reports } = options;
      res.json(
        reports
          ? {
              ...result,
              reports: await reportsOfEntity(reports, entity, entityRef),
            }
          : result,
      );
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/conformance/refresh',
    async (req, res) => {
      const { force } = parse(refreshBody, req.body ?? {}, 'body');
      const entity = await visibleEntity(req);
      const entityRef = stringifyEntityRef(entity);
      const [decision] = await permissions.authorize(
        [
          {
            permission: guidanceConformanceRefreshPermission,
            resourceRef: entityRef,
          },
        ],
        { credentials: await httpAuth.credentials(req) },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Not allowed to evaluate the conformance of ${entityRef} (permission ${guidanceConformanceRefreshPermission.name})`,
        );
      }
      // queued, not done: the work runs after the answer, one pending evaluation per entity
      const { outcome } = conformance.requestEvaluation(entity, { force });
      res.status(202).json({ entityRef, status: outcome });
    },
  );

  router.get('/articles/:id/conformance', async (req, res) => {
    const id = parse(articleIdSchema, req.params.id, 'article id');
    if (!hasArticle(id)) {
      throw new NotFoundError(`No guidance article with id "${id}"`);
    }
    const rules = conformance.ruleSummaries().filter(r => r.article.id === id);
    const ruleIds = new Set(rules.map(r => r.id));
    const entities = [];
    for (const { conformance: c } of await visibleConformance(req)) {
      const relevant = c.results.filter(
        r => ruleIds.has(r.rule.id) && r.status !== 'not-applicable',
      );
      if (relevant.length === 0) continue;
      const failing = relevant
        .filter(r => r.status === 'fail')
        .map(r => r.rule.id);
      entities.push({
        entityRef: c.entityRef,
        status: failing.length > 0 ? ('fail' as const) : ('pass' as const),
        failing,
      });
    }
    res.json({ rules, entities });
  });

  router.get('/conformance', async (req, res) => {
    const query = parse(overviewQuery, req.query, 'query');
    const summaries = conformance.ruleSummaries();
    if (query.rule && !summaries.some(r => r.id === query.rule)) {
      throw new NotFoundError(`No conformance rule with id "${query.rule}"`);
    }
    let owner: string | undefined;
    if (query.owner) {
      try {
        owner = stringifyEntityRef(
          parseEntityRef(query.owner, {
            defaultKind: 'group',
            defaultNamespace: 'default',
          }),
        );
      } catch (error) {
        throw new InputError(`Invalid owner: ${(error as Error).message}`);
      }
    }
    const listed = (await visibleConformance(req)).filter(
      e =>
        (!owner || e.owner === owner) &&
        (!query.rule ||
          e.conformance.results.some(
            r => r.rule.id === query.rule && r.status !== 'not-applicable',
          )),
    );
    const rules = summaries
      .filter(r => !query.rule || r.id === query.rule)
      .map(rule => {
        const counts = { pass: 0, fail: 0, waived: 0 };
        for (const e of listed) {
          const result = e.conformance.results.find(r => r.rule.id === rule.id);
          if (result && result.status !== 'not-applicable') {
            counts[result.status] += 1;
          }
        }
        return { rule, ...counts };
      });
    res.json({
      entities: listed.map(e => ({
        entityRef: e.conformance.entityRef,
        owner: e.owner ?? null,
        summary: e.conformance.summary,
        ...(e.conformance.source.error
          ? { error: e.conformance.source.error }
          : {}),
        ...(query.rule
          ? {
              ruleStatus: e.conformance.results.find(
                r => r.rule.id === query.rule,
              )?.status,
            }
          : {}),
        ...(e.template ? { template: e.template } : {}),
      })),
      rules,
      templates: countTemplateVersions(listed.map(e => e.template)),
    });
  });

  return router;
}
