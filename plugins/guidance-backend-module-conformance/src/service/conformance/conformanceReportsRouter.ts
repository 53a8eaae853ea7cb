import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConformanceReport } from '@paved-road/plugin-guidance-common';
import {
  isReporter,
  reporterRefusedError,
} from '@paved-road/plugin-guidance-node';
import {
  ConformanceReportStore,
  branchOfLocation,
  toReportSummaries,
} from './ConformanceReportStore';
import {
  entityRefFromParams,
  parseInput as parse,
} from '@paved-road/plugin-guidance-node';

/** A report's JSON body at most: a few hundred rules with their findings. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;
const MAX_RESULTS = 1000;
const MAX_FINDINGS = 200;

const text = (max: number) => z.string().min(1).max(max);

const finding = z.object({
  file: text(1024).optional(),
  object: text(512).optional(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  message: z.string().max(4000),
});

/** One rule's result, as the CLI's json format (and `POST /validate`) shapes it. */
const ruleResult = z.object({
  rule: z.object({
    id: text(200),
    title: text(500),
    severity: z.enum(['error', 'warning']),
    article: z.object({
      id: text(200),
      title: text(500),
      section: z.object({ id: text(200), text: text(500) }).optional(),
    }),
  }),
  status: z.enum(['pass', 'fail', 'waived', 'not-applicable']),
  findings: z.array(finding).max(MAX_FINDINGS),
  waiver: z
    .object({
      until: text(32),
      reason: z.string().max(1000),
      expired: z.boolean().optional(),
    })
    .optional(),
});

/** `POST …/conformance/reports` */
export const reportBody = z.object({
  /** A branch (`main`) or a pull request (`pull/42`), as git and the forges spell refs. */
  ref: text(200).regex(
    /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]*$/,
    'a branch or pull request ref such as main or pull/42',
  ),
  results: z.array(ruleResult).max(MAX_RESULTS),
  url: z
    .string()
    .max(2000)
    .url()
    .refine(u => /^https?:\/\//i.test(u), 'an http(s) URL')
    .optional(),
  title: text(500).optional(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/i, 'a commit hash')
    .optional(),
});

/**
 * The report route, then a guard: a reporter's token is refused (403) on every guidance route
 * mounted after this router. Mount it before the others.
 */
export function createConformanceReportsRouter(options: {
  store: ConformanceReportStore;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  subjects: string[];
  now?: () => Date;
}): express.Router {
  const { store, catalog, auth, httpAuth } = options;
  const subjects = new Set(options.subjects);
  const now = options.now ?? (() => new Date());
  const router = Router();

  router.post(
    '/entities/:kind/:namespace/:name/conformance/reports',
    express.json({ limit: MAX_REPORT_BYTES }),
    async (req, res) => {
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
      const body = parse(reportBody, req.body, 'body');
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
      const stored = await store.save(entityRef, body, now());
      res.status(201).json({
        entityRef,
        ref: stored.ref,
        receivedAt: stored.receivedAt,
        summary: stored.summary,
      });
    },
  );

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
