import express from 'express';
import Router from 'express-promise-router';
import { AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConformanceReport } from '@paved-road/plugin-guidance-common';
import {
  createSpecRouter,
  entityRefFromParams,
  isReporter,
  jsonBodyFor,
  reporterRefusedError,
} from '@paved-road/plugin-guidance-node';
import {
  ConformanceReportStore,
  branchOfLocation,
  toReportSummaries,
} from './ConformanceReportStore';
import { createOpenApiRouter } from '../../schema/openapi.generated';

/** A report's JSON body at most: a few hundred rules with their findings. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

const REPORT_PATH = '/entities/:kind/:namespace/:name/conformance/reports';

/**
 * The report route, then a guard: a reporter's token is refused (403) on every guidance route
 * mounted after this router. Mount it before the others.
 */
export async function createConformanceReportsRouter(options: {
  store: ConformanceReportStore;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  subjects: string[];
  now?: () => Date;
}): Promise<express.Router> {
  const { store, catalog, auth, httpAuth } = options;
  const subjects = new Set(options.subjects);
  const now = options.now ?? (() => new Date());
  const reportRoute = await createSpecRouter({
    createOpenApiRouter,
    paths: ['/entities/{kind}/{namespace}/{name}/conformance/reports'],
  });

  // the spec bounds the body (ref, at most 1,000 results of 200 findings, text lengths)
  reportRoute.post(REPORT_PATH, async (req, res) => {
    // users (and anonymous callers) are refused with 403 by the allow list
    const credentials = await httpAuth.credentials(req, {
      allow: ['service'],
    });
    if (!isReporter(credentials, subjects)) {
      throw new NotAllowedError(
        `The service ${credentials.principal.subject} may not push CI reports: list it in guidance.conformance.reports.subjects`,
      );
    }
    const ref = entityRefFromParams(req.params);
    // git refuses `..` in a ref name; a pattern could say it, but not this clearly
    if (req.body.ref.includes('..')) {
      throw new InputError(
        'Invalid body ref: a branch or pull request ref such as main or pull/42',
      );
    }
    // the reporter may read nothing itself: the plugin looks the entity up as itself
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const entityRef = stringifyEntityRef(entity);
    const stored = await store.save(entityRef, req.body, now());
    res.status(201).json({
      entityRef,
      ref: stored.ref,
      receivedAt: stored.receivedAt,
      summary: stored.summary,
    });
  });

  const router = Router();
  // parsed here, in front of the typed router, so that a body over the limit stays a 413
  router.use(jsonBodyFor('post', REPORT_PATH, MAX_REPORT_BYTES));
  router.use(reportRoute);
  router.use(async (req, _res, next) => {
    if (isReporter(await httpAuth.credentials(req), subjects))
      throw reporterRefusedError();
    next();
  });

  return router;
}

/** The reports of an entity as its conformance answer lists them. */
export async function reportsOfEntity(
  store: ConformanceReportStore,
  entity: {
    metadata: { annotations?: Record<string, string> };
  },
  entityRef: string,
): Promise<ConformanceReport[]> {
  const annotations = entity.metadata.annotations ?? {};
  const location =
    annotations['backstage.io/source-location'] ??
    annotations['backstage.io/managed-by-location'];
  return toReportSummaries(
    await store.list(entityRef),
    branchOfLocation(location),
  );
}
