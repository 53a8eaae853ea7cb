import { isAbsolute, resolve } from 'path';
import express from 'express';
import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { guidancePermissions } from '@paved-road/plugin-guidance-common';
import {
  BUILTIN_RULES,
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
import { RuleRegistry } from './service/rules';
import { ConformanceService } from './service/conformance/ConformanceService';
import { ConformanceStore } from './service/conformance/ConformanceStore';
import { ManifestReader } from './service/conformance/ManifestReader';
import { YamlWorkerPool } from './service/conformance/YamlWorkerPool';
import { createConformanceRouter } from './service/conformance/conformanceRouter';
import { createValidateRouter } from './service/validateRouter';
import { createRulesRouter } from './service/rulesRouter';
import {
  registerGetEntityConformanceAction,
  registerConformanceTrendsActions,
  registerPreviewRuleAction,
  registerValidateManifestsAction,
} from './actions';

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
      deps: {
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
      },
      async init(deps) {
        const { config, logger, lifecycle, library } = deps;
        deps.permissionsRegistry.addPermissions(guidancePermissions);

        // YAML is parsed in worker threads: a large or hostile file never stalls other requests
        const yamlParser = new YamlWorkerPool({
          logger: logger.child({ task: 'yaml-parser' }),
        });
        lifecycle.addShutdownHook(() => yamlParser.close());
        const rules = new RuleRegistry({
          builtin: BUILTIN_RULES,
          added: addedRules,
          articles: () => library.articles(),
          lifecycle: () => library.lifecycle(),
          parseYaml: yamlParser.parse,
        });
        if (addedRules.length > 0) {
          logger.info(
            `Guidance rules added by modules: ${addedRules
              .map(r => r.id)
              .join(', ')}`,
          );
        }

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
        const conformance = new ConformanceService({
          store: conformanceStore,
          enforcement,
          reader: new ManifestReader({
            urlReader: deps.urlReader,
            localRoots: (
              conformanceConfig?.getOptionalStringArray('localRoots') ?? []
            ).map(root => (isAbsolute(root) ? root : resolve(root))),
            include: conformanceConfig?.getOptionalStringArray('include'),
            maxSourceBytes:
              conformanceConfig?.getOptionalNumber('maxSourceBytes'),
          }),
          catalog: deps.catalog,
          auth: deps.auth,
          logger: logger.child({ task: 'conformance' }),
          rules: () => rules.getRules(),
          parse: (files, options) => rules.parse(files, options),
          maxObjects: conformanceConfig?.getOptionalNumber('maxObjects'),
          articles: () => library.articles(),
          concurrency: conformanceConfig?.getOptionalNumber('concurrency'),
          kinds: conformanceConfig?.getOptionalStringArray('kinds'),
        });

        if (conformanceConfig?.getOptionalBoolean('enabled') ?? true) {
          const schedule = conformanceConfig?.has('schedule')
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                conformanceConfig.getConfig('schedule'),
              )
            : {
                frequency: { minutes: 30 },
                // a crashed replica's lock holds this long: short, so another resumes soon
                timeout: { minutes: 3 },
                initialDelay: { seconds: 15 },
              };
          // stop starting evaluations well before the timeout; the rest go first next run
          const budgetMs = Math.round(
            durationToMilliseconds(schedule.timeout) * 0.6,
          );
          // Scheduled once the guidance plugin has started: the run links results to the
          // library, which the plugin loads in its init, after this module's.
          lifecycle.addStartupHook(async () => {
            // results live in the database, so one replica runs it for all
            await deps.scheduler.scheduleTask({
              id: 'guidance-conformance',
              scope: 'global',
              ...schedule,
              fn: async () => {
                await conformance.runAll({ budgetMs });
                await trends.afterRun();
              },
            });
            await trends.schedule(deps.scheduler);
          });
        }

        // CI reports; mounted first (module routers precede the plugin's), so that a
        // reporter's token is refused on every later guidance route
        const reports = await ConformanceReportStore.create(deps.database);
        const reportSubjects = readReportSubjects(config);
        deps.httpRouter.use(
          createConformanceReportsRouter({
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
        const router = express.Router();
        router.use(createValidateRouter({ rules }));
        router.use(createRulesRouter({ rules, appBaseUrl, enforcement }));
        router.use(express.json({ limit: '256kb' }));
        router.use(
          createConformanceRouter({
            conformance,
            reports,
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            hasArticle: id => library.articles().has(id),
          }),
        );
        deps.httpRouter.use(router);

        registerValidateManifestsAction({
          actionsRegistry,
          rules,
          appBaseUrl,
        });
        registerGetEntityConformanceAction({
          actionsRegistry,
          conformance,
          catalog: deps.catalog,
          appBaseUrl,
          serviceCatalogAccess,
        });
        const trendQueries = new TrendQueries({
          conformance,
          store: conformanceStore,
          trends,
        });
        registerConformanceTrendsActions({
          actionsRegistry,
          queries: trendQueries,
          serviceCatalogAccess,
        });
        registerPreviewRuleAction({
          actionsRegistry,
          queries: trendQueries,
          serviceCatalogAccess,
        });
        deps.httpRouter.use(
          createTrendsRouter({
            queries: trendQueries,
            httpAuth: deps.httpAuth,
          }),
        );
      },
    });
  },
});
