import express from 'express';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConformanceReportStore } from './conformance/ConformanceReportStore';
import { ConformanceService } from './conformance/ConformanceService';
import { createConformanceRouter } from './conformance/conformanceRouter';
import { RuleRegistry } from './rules';
import { createRulesRouter } from './rulesRouter';
import { createValidateRouter } from './validateRouter';
import { RuleEnforcement } from './conformance/enforcement';

/**
 * `POST /validate` (its own body limit), `GET /rules`, then the conformance routes; each
 * validates its requests against `openapi.yaml` and parses only its own bodies.
 */
export async function createConformanceModuleRouter(options: {
  rules: RuleRegistry;
  appBaseUrl: string;
  enforcement: RuleEnforcement;
  conformance: ConformanceService;
  reports: ConformanceReportStore;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  hasArticle: (id: string) => boolean;
}): Promise<express.Router> {
  const { rules, appBaseUrl, enforcement, ...conformanceOptions } = options;
  const router = express.Router();
  router.use(await createValidateRouter({ rules }));
  router.use(await createRulesRouter({ rules, appBaseUrl, enforcement }));
  router.use(await createConformanceRouter(conformanceOptions));
  return router;
}
