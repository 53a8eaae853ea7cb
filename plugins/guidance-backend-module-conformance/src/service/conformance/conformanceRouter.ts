import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
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
import {
  entityRefFromParams,
  parseInput as parse,
} from '@paved-road/plugin-guidance-node';
import {
  articleConformance,
  conformanceOverview,
  ownerFilterOf,
} from './conformanceOverview';

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
    const entities = articleConformance(
      new Set(rules.map(r => r.id)),
      await visibleConformance(req),
    );
    res.json({ rules, entities });
  });

  router.get('/conformance', async (req, res) => {
    const query = parse(overviewQuery, req.query, 'query');
    const summaries = conformance.ruleSummaries();
    if (query.rule && !summaries.some(r => r.id === query.rule)) {
      throw new NotFoundError(`No conformance rule with id "${query.rule}"`);
    }
    const owner = ownerFilterOf(query.owner);
    const listed = await visibleConformance(req);
    res.json(
      conformanceOverview(summaries, listed, { owner, rule: query.rule }),
    );
  });

  return router;
}
