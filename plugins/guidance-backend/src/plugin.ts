import { isAbsolute, resolve } from 'path';
import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { readDurationFromConfig } from '@backstage/config';
import { registerGuidanceActions } from './actions/guidanceActions';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  BUILTIN_RULES,
  GuidanceRule,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import { ArticleLibrary } from './service/ArticleLibrary';
import { createRouter } from './service/router';
import { RuleRegistry } from './service/rules';
import { ArticleSource } from './service/sources/ArticleSource';
import { DirectorySource } from './service/sources/DirectorySource';
import { UrlSource } from './service/sources/UrlSource';
import { readReviewIntervalDays } from './service/provenance';

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
      }) {
        const directories: DirectorySource[] = [];
        const urls: UrlSource[] = [];
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
            directories.push(dir);
            sources.push(dir);
          } else if (type === 'url') {
            const target = source.getString('target');
            const url = new UrlSource(`url ${target}`, target, urlReader);
            urls.push(url);
            sources.push(url);
          } else {
            throw new Error(
              `guidance.sources[${n}].type must be "directory" or "url", got "${type}"`,
            );
          }
        }

        const library = new ArticleLibrary(sources, logger, {
          reviewIntervalDays: readReviewIntervalDays(
            config.getOptionalNumber('guidance.reviewIntervalDays'),
          ),
          now: () => new Date(),
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

        const stops = directories.map(dir =>
          dir.watch(() => library.reload([dir])),
        );
        lifecycle.addShutdownHook(() => stops.forEach(stop => stop()));

        if (urls.length > 0) {
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
            fn: () => library.reload(urls),
          });
        }

        const rules = new RuleRegistry({
          builtin: BUILTIN_RULES,
          added: addedRules,
          articles: () => library.snapshot.articles,
        });
        if (addedRules.length > 0) {
          logger.info(
            `Guidance rules added by modules: ${addedRules
              .map(r => r.id)
              .join(', ')}`,
          );
        }

        httpRouter.use(
          await createRouter({ library, catalog, httpAuth, logger, rules }),
        );

        const reviewIntervalDays =
          config.getOptionalNumber('guidance.reviewIntervalDays') ?? 365;
        registerGuidanceActions({
          actionsRegistry,
          library,
          catalog,
          appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
          validate: async files => rules.validate(files),
          isStale: article => {
            const reviewed = article.frontMatter.reviewed;
            if (!reviewed) return true;
            const age = Date.now() - Date.parse(`${reviewed}T00:00:00Z`);
            return age > reviewIntervalDays * 24 * 60 * 60 * 1000;
          },
        });
      },
    });
  },
});
