import { isAbsolute, resolve } from 'path';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { readDurationFromConfig } from '@backstage/config';
import { registerGuidanceActions } from './actions';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ArticleLibrary } from './service/ArticleLibrary';
import { readSearchVocabulary } from './service/searchText';
import { createRouter } from './service/router';
import { GuidanceService } from './service/GuidanceService';
import { createSearchEngine } from './service/search/createSearchEngine';
import {
  ArticleSource,
  DirectorySource,
  guidanceArticleSourcesExtensionPoint,
  readReportSubjects,
  refuseReportersInActions,
} from '@paved-road/plugin-guidance-node';
import { registerLibraryAccess } from './libraryAccess';
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
    const libraryAccess = registerLibraryAccess(env);
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
        auth: coreServices.auth,
        discovery: coreServices.discovery,
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
        auth,
        discovery,
      }) {
        // The built-in library is a module's source (plugin-guidance-backend-module-builtin-articles).
        const watched: ArticleSource[] = [];
        const polled: ArticleSource[] = [];
        const sources: ArticleSource[] = [];
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
        libraryAccess.set({
          articles: () => library.snapshot.articles,
          lifecycle: () => lifecycleData.table,
        });
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

        httpRouter.use(
          await createRouter({
            guidance: new GuidanceService({
              library,
              searchEngine: createSearchEngine({
                config,
                discovery,
                auth,
                library,
              }),
            }),
            catalog,
            httpAuth,
            logger,
          }),
        );

        registerGuidanceActions({
          // a CI reporter's token (conformance module) may do nothing here
          actionsRegistry: refuseReportersInActions(
            actionsRegistry,
            readReportSubjects(config),
          ),
          library,
          catalog,
          logger,
          appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
          serviceCatalogAccess:
            config.getOptionalBoolean(
              'guidance.actions.serviceCatalogAccess',
            ) ?? false,
        });
      },
    });
  },
});
