import { isAbsolute, resolve } from 'path';
import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ArticleLibrary } from './service/ArticleLibrary';
import { createRouter } from './service/router';
import { createTemplateVersionsRouter } from './service/templateVersionsRouter';
import { ArticleSource } from './service/sources/ArticleSource';
import { DirectorySource } from './service/sources/DirectorySource';
import { UrlSource } from './service/sources/UrlSource';

/**
 * Serves the guidance library at /api/guidance.
 * @public
 */
export const guidancePlugin = createBackendPlugin({
  pluginId: 'guidance',
  register(env) {
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

        const library = new ArticleLibrary(sources, logger);
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

        httpRouter.use(
          await createRouter({ library, catalog, httpAuth, logger }),
        );
        httpRouter.use(
          createTemplateVersionsRouter({ catalog, urlReader, httpAuth }),
        );
      },
    });
  },
});
