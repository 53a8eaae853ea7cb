import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConformanceService } from '../service/conformance/ConformanceService';
import { TrendQueries } from '../service/conformance/trendQueries';
import { RuleRegistry } from '../service/rules';
import { registerConformanceTrendsActions } from './getConformanceTrendsAction';
import { registerGetEntityConformanceAction } from './getEntityConformanceAction';
import { registerPreviewRuleAction } from './previewRuleAction';
import { registerValidateManifestsAction } from './validateManifestsAction';

/** Registers every action of the conformance module, one per file beside this one. */
export function registerConformanceModuleActions(options: {
  actionsRegistry: ActionsRegistryService;
  rules: RuleRegistry;
  conformance: ConformanceService;
  queries: TrendQueries;
  catalog: CatalogService;
  appBaseUrl: string;
  /** `guidance.actions.serviceCatalogAccess`: see assertMayReadCatalog. */
  serviceCatalogAccess: boolean;
}) {
  const { actionsRegistry, rules, conformance, queries, catalog } = options;
  const { appBaseUrl, serviceCatalogAccess } = options;
  registerValidateManifestsAction({ actionsRegistry, rules, appBaseUrl });
  registerGetEntityConformanceAction({
    actionsRegistry,
    conformance,
    catalog,
    appBaseUrl,
    serviceCatalogAccess,
  });
  registerConformanceTrendsActions({
    actionsRegistry,
    queries,
    serviceCatalogAccess,
  });
  registerPreviewRuleAction({ actionsRegistry, queries, serviceCatalogAccess });
}
