import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerGuidanceActions } from './actions';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ArticleLibrary } from './service/ArticleLibrary';
import { readSearchVocabulary } from './service/searchText';
import { createRouter } from './service/router';
import { GuidanceService } from './service/GuidanceService';
import { createSearchEngine } from './service/search/createSearchEngine';
import {
  readReportSubjects,
  refuseReportersInActions,
} from '@paved-road/plugin-guidance-node';
import { registerLibraryAccess } from './libraryAccess';
import { registerArticleSources } from './articleSources';
import { librarySources } from './service/sources/configuredSources';
import { keepLibraryFresh, startLifecycleData } from './service/libraryRefresh';
import { readReviewIntervalDays } from './service/provenance';

/**
 * Serves the guidance library at /api/guidance.
 * @public
 */
export const guidancePlugin = createBackendPlugin({
  pluginId: 'guidance',
  register(env) {
    const libraryAccess = registerLibraryAccess(env);
    const addedSources = registerArticleSources(env);

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
        const { sources, watched, polled } = librarySources(
          config,
          urlReader,
          addedSources,
        );
        const lifecycleData = await startLifecycleData({
          config,
          urlReader,
          logger,
          scheduler,
        });

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

        await keepLibraryFresh({
          library,
          watched,
          polled,
          config,
          scheduler,
          lifecycle,
        });

        const guidance = new GuidanceService({
          library,
          searchEngine: createSearchEngine({
            config,
            discovery,
            auth,
            library,
          }),
        });
        httpRouter.use(
          await createRouter({
            guidance,
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
          guidance,
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
