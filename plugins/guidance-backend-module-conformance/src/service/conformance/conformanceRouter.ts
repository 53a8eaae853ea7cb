import express from 'express';
import Router from 'express-promise-router';
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
  guidanceConformanceRefreshPermission,
  parseTemplateOrigin,
} from '@paved-road/plugin-guidance-common';
import { ConformanceService } from './ConformanceService';
import { ConformanceReportStore } from './ConformanceReportStore';
import { reportsOfEntity } from './conformanceReportsRouter';
import {
  createSpecRouter,
  entityRefFromParams,
  jsonBodyFor,
} from '@paved-road/plugin-guidance-node';
import {
  articleConformance,
  conformanceOverview,
  ownerFilterOf,
} from './conformanceOverview';
import { createOpenApiRouter } from '../../schema/openapi.generated';

const REFRESH_PATH = '/entities/:kind/:namespace/:name/conformance/refresh';

/**
 * The conformance of every entity the caller may see, each with the golden path it was created
 * (or last upgraded) from, for drift counts.
 */
async function visibleConformance(
  conformance: ConformanceService,
  httpAuth: HttpAuthService,
  req: express.Request,
) {
  const credentials = await httpAuth.credentials(req);
  const entities = await conformance.visibleEntities(credentials);
  const listed = await conformance.listConformance(
    entities.map(e => stringifyEntityRef(e)),
  );
  const origins = new Map(
    entities.map(e => [
      stringifyEntityRef(e),
      parseTemplateOrigin(e.metadata.annotations?.[TEMPLATE_ORIGIN_ANNOTATION]),
    ]),
  );
  return listed.map(e => ({
    ...e,
    template: origins.get(e.conformance.entityRef),
  }));
}

/**
 * Conformance routes. Every read goes through the catalog with the caller's credentials
 * first: an entity the catalog does not show the caller has no conformance for them.
 */
export async function createConformanceRouter(options: {
  conformance: ConformanceService;
  reports?: ConformanceReportStore;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  hasArticle: (id: string) => boolean;
}): Promise<express.Router> {
  const { conformance, catalog, httpAuth, permissions, hasArticle } = options;
  // the spec checks the entity ref parts, the article id, the refresh body and the queries
  const routes = await createSpecRouter({
    createOpenApiRouter,
    paths: [
      '/entities/{kind}/{namespace}/{name}/conformance',
      '/entities/{kind}/{namespace}/{name}/conformance/refresh',
      '/articles/{id}/conformance',
      '/conformance',
    ],
  });

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

  routes.get(
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

  routes.post(REFRESH_PATH, async (req, res) => {
    const force = req.body?.force;
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
  });

  routes.get('/articles/:id/conformance', async (req, res) => {
    const { id } = req.params;
    if (!hasArticle(id)) {
      throw new NotFoundError(`No guidance article with id "${id}"`);
    }
    const rules = conformance.ruleSummaries().filter(r => r.article.id === id);
    const entities = articleConformance(
      new Set(rules.map(r => r.id)),
      await visibleConformance(conformance, httpAuth, req),
    );
    res.json({ rules, entities });
  });

  routes.get('/conformance', async (req, res) => {
    const { query } = req;
    const summaries = conformance.ruleSummaries();
    if (query.rule && !summaries.some(r => r.id === query.rule)) {
      throw new NotFoundError(`No conformance rule with id "${query.rule}"`);
    }
    const owner = ownerFilterOf(query.owner);
    const listed = await visibleConformance(conformance, httpAuth, req);
    res.json(
      conformanceOverview(summaries, listed, { owner, rule: query.rule }),
    );
  });

  const router = Router();
  router.use(jsonBodyFor('post', REFRESH_PATH, '16kb'));
  router.use(routes);
  return router;
}
