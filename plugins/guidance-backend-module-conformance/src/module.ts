import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { guidancePermissions } from '@paved-road/plugin-guidance-common';
import {
  GuidanceRule,
  guidanceLibraryExtensionPoint,
  guidanceRulesExtensionPoint,
  readReportSubjects,
  refuseReportersInActions,
} from '@paved-road/plugin-guidance-node';
import { ConformanceReportStore } from './service/conformance/ConformanceReportStore';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  RuleEnforcement,
  readRuleEnforcement,
} from './service/conformance/enforcement';
import { ConformanceTrends } from './service/conformance/ConformanceTrends';
import { createTrendsRouter } from './service/conformance/trendsRouter';
import { TrendQueries } from './service/conformance/trendQueries';
import { createConformanceReportsRouter } from './service/conformance/conformanceReportsRouter';
import {
  conformanceServiceFromConfig,
  scheduleConformanceRuns,
} from './service/conformance/conformanceFromConfig';
import { ConformanceStore } from './service/conformance/ConformanceStore';
import { createRuleRegistry } from './service/rules/createRuleRegistry';
import { createConformanceModuleRouter } from './service/moduleRouter';
import { registerConformanceModuleActions } from './actions/registerConformanceModuleActions';

/** What the module's init is given. */
const conformanceModuleDeps = {
  config: coreServices.rootConfig,
  logger: coreServices.logger,
  httpRouter: coreServices.httpRouter,
  httpAuth: coreServices.httpAuth,
  urlReader: coreServices.urlReader,
  scheduler: coreServices.scheduler,
  lifecycle: coreServices.lifecycle,
  database: coreServices.database,
  auth: coreServices.auth,
  permissions: coreServices.permissions,
  permissionsRegistry: coreServices.permissionsRegistry,
  catalog: catalogServiceRef,
  actionsRegistry: actionsRegistryServiceRef,
  library: guidanceLibraryExtensionPoint,
  notifications: notificationService,
};

/**
 * Conformance for the guidance backend: the rules (built-in and those modules add through
 * `guidanceRulesExtensionPoint`, which this module registers), `POST /validate`, the
 * conformance store in the guidance plugin's database, the scheduled scan of catalog
 * entities, their routes under `/api/guidance` and the two conformance actions.
 * @public
 */
export const guidanceModuleConformance = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'conformance',
  register(env) {
    const addedRules: GuidanceRule[] = [];
    env.registerExtensionPoint(guidanceRulesExtensionPoint, {
      addRules(...rules) {
        addedRules.push(...rules);
      },
    });

    env.registerInit({
      deps: conformanceModuleDeps,
      async init(deps) {
        const { config, logger, lifecycle, library } = deps;
        deps.permissionsRegistry.addPermissions(guidancePermissions);

        const rules = createRuleRegistry({
          addedRules,
          library,
          logger,
          lifecycle,
        });

        const conformanceConfig = config.getOptionalConfig(
          'guidance.conformance',
        );
        const conformanceStore = await ConformanceStore.create(deps.database);
        const enforcement = new RuleEnforcement(
          readRuleEnforcement(conformanceConfig),
        );
        const trends = await ConformanceTrends.create({
          database: deps.database,
          store: conformanceStore,
          conformanceConfig,
          enforcement,
          notifications: deps.notifications,
          logger: logger.child({ task: 'conformance-history' }),
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });
        const conformance = conformanceServiceFromConfig({
          conformanceConfig,
          store: conformanceStore,
          enforcement,
          rules,
          library,
          urlReader: deps.urlReader,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        scheduleConformanceRuns({
          conformanceConfig,
          conformance,
          trends,
          lifecycle,
          scheduler: deps.scheduler,
        });

        // CI reports; mounted first (module routers precede the plugin's), so that a
        // reporter's token is refused on every later guidance route
        const reports = await ConformanceReportStore.create(deps.database);
        const reportSubjects = readReportSubjects(config);
        deps.httpRouter.use(
          await createConformanceReportsRouter({
            store: reports,
            catalog: deps.catalog,
            auth: deps.auth,
            httpAuth: deps.httpAuth,
            subjects: reportSubjects,
          }),
        );
        const actionsRegistry = refuseReportersInActions(
          deps.actionsRegistry,
          reportSubjects,
        );

        const appBaseUrl = config.getOptionalString('app.baseUrl') ?? '';
        const serviceCatalogAccess =
          config.getOptionalBoolean('guidance.actions.serviceCatalogAccess') ??
          false;
        const router = await createConformanceModuleRouter({
          rules,
          appBaseUrl,
          enforcement,
          conformance,
          reports,
          catalog: deps.catalog,
          httpAuth: deps.httpAuth,
          permissions: deps.permissions,
          hasArticle: id => library.articles().has(id),
        });
        deps.httpRouter.use(router);

        const trendQueries = new TrendQueries({
          conformance,
          store: conformanceStore,
          trends,
        });
        registerConformanceModuleActions({
          actionsRegistry,
          rules,
          conformance,
          queries: trendQueries,
          catalog: deps.catalog,
          appBaseUrl,
          serviceCatalogAccess,
        });
        deps.httpRouter.use(
          await createTrendsRouter({
            queries: trendQueries,
            httpAuth: deps.httpAuth,
          }),
        );
      },
    });
  },
});
