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
 * `POST /validate` (its own body limit), `GET /rules`, then the conformance routes behind a
 * JSON body parser.
 */
export function createConformanceModuleRouter(options: {
  rules: RuleRegistry;
  appBaseUrl: string;
  enforcement: RuleEnforcement;
  conformance: ConformanceService;
  reports: ConformanceReportStore;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  hasArticle: (id: string) => boolean;
}): express.Router {
  const { rules, appBaseUrl, enforcement, ...conformanceOptions } = options;
  const router = express.Router();
  router.use(createValidateRouter({ rules }));
  router.use(createRulesRouter({ rules, appBaseUrl, enforcement }));
  router.use(express.json({ limit: '256kb' }));
  router.use(createConformanceRouter(conformanceOptions));
  return router;
}
