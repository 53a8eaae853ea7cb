import { isAbsolute, resolve } from 'path';
import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { registerGuidanceActions } from './actions/guidanceActions';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  BUILTIN_RULES,
  GuidanceRule,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import { ArticleLibrary } from './service/ArticleLibrary';
import { readSearchVocabulary } from './service/searchText';
import { guidancePermissions } from '@paved-road/plugin-guidance-common';
import { createRouter } from './service/router';
import { ConformanceService } from './service/conformance/ConformanceService';
import { YamlWorkerPool } from './service/conformance/YamlWorkerPool';
import { ConformanceStore } from './service/conformance/ConformanceStore';
import { ManifestReader } from './service/conformance/ManifestReader';
import { RuleRegistry } from './service/rules';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  RuleEnforcement,
  readRuleEnforcement,
} from './service/conformance/enforcement';
import { ConformanceTrends } from './service/conformance/ConformanceTrends';
import { createTrendsRouter } from './service/conformance/trendsRouter';
import { TrendQueries } from './service/conformance/trendQueries';
import { registerConformanceTrendsActions } from './actions/getConformanceTrendsAction';
import { registerPreviewRuleAction } from './actions/previewRuleAction';
import {
  ArticleSource,
  guidanceArticleSourcesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import { createTemplateVersionsRouter } from './service/templateVersionsRouter';
import { DirectorySource } from './service/sources/DirectorySource';
import { UrlSource } from './service/sources/UrlSource';
import { readReviewIntervalDays } from './service/provenance';
import {
  LifecycleData,
  readLifecycleConfig,
} from './service/lifecycle/LifecycleData';

/**
 * Serves the guidance library at /api/guidance.
 * @public
 */
export const guidancePlugin = createBackendPlugin({
  pluginId: 'guidance',
  register(env) {
    const addedRules: GuidanceRule[] = [];
    env.registerExtensionPoint(guidanceRulesExtensionPoint, {
      addRules(...rules) {
        addedRules.push(...rules);
      },
    });
    const addedSources: ArticleSource[] = [];
    env.registerExtensionPoint(guidanceArticleSourcesExtensionPoint, {
      addSource(source) {
        if (
          !source ||
          typeof source.name !== 'string' ||
          !source.name.trim() ||
          typeof source.read !== 'function'
        ) {
          throw new Error(
            'guidance article source must have a non-empty name and a read() function',
          );
        }
        addedSources.push(source);
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
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        database: coreServices.database,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        urlReader,
        scheduler,
        lifecycle,
        catalog,
        actionsRegistry,
        database,
        auth,
        permissions,
        permissionsRegistry,
        notifications,
      }) {
        permissionsRegistry.addPermissions(guidancePermissions);
        // The built-in folder ships with the package: neither watched nor polled.
        const watched: ArticleSource[] = [];
        const polled: ArticleSource[] = [];
        const sources: ArticleSource[] = [];
        if (config.getOptionalBoolean('guidance.builtin') ?? true) {
          sources.push(
            new DirectorySource(
              'built-in',
              resolvePackagePath(
                '@paved-road/plugin-guidance-backend',
                'articles',
              ),
            ),
          );
        }
        for (const [n, source] of (
          config.getOptionalConfigArray('guidance.sources') ?? []
        ).entries()) {
          const type = source.getString('type');
          if (type === 'directory') {
            const path = source.getString('path');
            const dir = new DirectorySource(
              `directory ${path}`,
              isAbsolute(path) ? path : resolve(process.cwd(), path),
            );
            watched.push(dir);
            sources.push(dir);
          } else if (type === 'url') {
            const target = source.getString('target');
            const url = new UrlSource(`url ${target}`, target, urlReader);
            polled.push(url);
            sources.push(url);
          } else {
            throw new Error(
              `guidance.sources[${n}].type must be "directory" or "url", got "${type}"`,
            );
          }
        }

        // Sources from modules come after the configured ones, so a configured id wins.
        // Those that cannot be watched are re-read on the schedule, like URL sources.
        for (const source of addedSources) {
          sources.push(source);
          (source.watch ? watched : polled).push(source);
        }

        const lifecycleSettings = readLifecycleConfig(config);
        const lifecycleData = new LifecycleData({
          settings: lifecycleSettings,
          urlReader,
          logger: logger.child({ task: 'lifecycle' }),
        });
        if (lifecycleSettings.url) {
          await scheduler.scheduleTask({
            id: 'guidance-refresh-lifecycle',
            frequency: lifecycleSettings.frequency,
            timeout: { minutes: 5 },
            initialDelay: { seconds: 5 },
            // the table lives in each replica's memory
            scope: 'local',
            fn: () => lifecycleData.refresh(),
          });
        }

        const library = new ArticleLibrary(sources, logger, {
          reviewIntervalDays: readReviewIntervalDays(
            config.getOptionalNumber('guidance.reviewIntervalDays'),
          ),
          now: () => new Date(),
          lifecycle: () => lifecycleData.table,
          search: readSearchVocabulary(config),
        });
        const started = Date.now();
        await library.reload();
        logger.info(
          `Guidance library loaded: ${
            library.snapshot.summaries.length
          } articles from ${sources.length} source(s) in ${
            Date.now() - started
          } ms`,
        );

        const stops = watched.map(source =>
          source.watch!(() => library.reload([source])),
        );
        lifecycle.addShutdownHook(() => stops.forEach(stop => stop()));

        if (polled.length > 0) {
          const frequency = config.has('guidance.refresh.frequency')
            ? readDurationFromConfig(
                config.getConfig('guidance.refresh.frequency'),
              )
            : { minutes: 10 };
          await scheduler.scheduleTask({
            id: 'guidance-refresh-url-sources',
            frequency,
            timeout: { minutes: 5 },
            initialDelay: frequency,
            // The library lives in each replica's memory, so every replica refreshes its own.
            scope: 'local',
            fn: () => library.reload(polled),
          });
        }

        // YAML is parsed in worker threads: a large or hostile file never stalls other requests
        const yamlParser = new YamlWorkerPool({
          logger: logger.child({ task: 'yaml-parser' }),
        });
        lifecycle.addShutdownHook(() => yamlParser.close());
        const rules = new RuleRegistry({
          builtin: BUILTIN_RULES,
          added: addedRules,
          articles: () => library.snapshot.articles,
          lifecycle: () => lifecycleData.table,
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
        const conformanceStore = await ConformanceStore.create(database);
        const enforcement = new RuleEnforcement(
          readRuleEnforcement(conformanceConfig),
        );
        const trends = await ConformanceTrends.create({
          database,
          store: conformanceStore,
          conformanceConfig,
          enforcement,
          notifications,
          logger: logger.child({ task: 'conformance-history' }),
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });
        const conformance = new ConformanceService({
          store: conformanceStore,
          enforcement,
          reader: new ManifestReader({
            urlReader,
            localRoots: (
              conformanceConfig?.getOptionalStringArray('localRoots') ?? []
            ).map(root => (isAbsolute(root) ? root : resolve(root))),
            include: conformanceConfig?.getOptionalStringArray('include'),
            maxSourceBytes:
              conformanceConfig?.getOptionalNumber('maxSourceBytes'),
          }),
          catalog,
          auth,
          logger: logger.child({ task: 'conformance' }),
          rules: () => rules.getRules(),
          parse: (files, options) => rules.parse(files, options),
          maxObjects: conformanceConfig?.getOptionalNumber('maxObjects'),
          articles: () => library.snapshot.articles,
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
          // results live in the database, so one replica runs it for all
          await scheduler.scheduleTask({
            id: 'guidance-conformance',
            scope: 'global',
            ...schedule,
            fn: async () => {
              await conformance.runAll({ budgetMs });
              await trends.afterRun();
            },
          });
          await trends.schedule(scheduler);
        }

        httpRouter.use(
          await createRouter({
            library,
            catalog,
            httpAuth,
            logger,
            rules,
            conformance,
            permissions,
          }),
        );

        registerGuidanceActions({
          actionsRegistry,
          library,
          catalog,
          logger,
          appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
          validate: async files => rules.validate(files),
          serviceCatalogAccess:
            config.getOptionalBoolean(
              'guidance.actions.serviceCatalogAccess',
            ) ?? false,
          // Visible only if the caller's catalog read shows the entity, as on the HTTP route.
          entityConformance: async (entityRef, credentials) => {
            const entity = await catalog.getEntityByRef(entityRef, {
              credentials,
            });
            return entity
              ? conformance.getEntityConformance(entityRef)
              : undefined;
          },
        });
        const trendQueries = new TrendQueries({
          conformance,
          store: conformanceStore,
          trends,
        });
        registerConformanceTrendsActions({
          actionsRegistry,
          queries: trendQueries,
          serviceCatalogAccess:
            config.getOptionalBoolean(
              'guidance.actions.serviceCatalogAccess',
            ) ?? false,
        });
        registerPreviewRuleAction({
          actionsRegistry,
          queries: trendQueries,
          serviceCatalogAccess:
            config.getOptionalBoolean(
              'guidance.actions.serviceCatalogAccess',
            ) ?? false,
        });
        httpRouter.use(createTrendsRouter({ queries: trendQueries, httpAuth }));
        httpRouter.use(
          createTemplateVersionsRouter({ catalog, urlReader, httpAuth }),
        );
      },
    });
  },
});
