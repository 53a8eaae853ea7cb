import { resolve } from 'path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { LocalRepositoriesProvider } from './LocalRepositoriesProvider';

const DEFAULT_ROOT = './local-repos';

/**
 * Brings the repositories guidance:publish:local writes into the catalog, and back after a restart,
 * without opening the catalog's locations API to `file` targets. Does nothing unless
 * `guidance.publishLocal.enabled` is true.
 * @public
 */
export const catalogModuleGuidanceLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'guidance-local-repositories',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        if (!config.getOptionalBoolean('guidance.publishLocal.enabled')) {
          logger.info(
            'guidance.publishLocal.enabled is not set: no local repositories are discovered',
          );
          return;
        }
        const root = resolve(
          config.getOptionalString('guidance.publishLocal.root') ??
            DEFAULT_ROOT,
        );
        const provider = new LocalRepositoriesProvider({ root, logger });
        catalog.addEntityProvider(provider);
        const frequency = config.has('guidance.publishLocal.discoveryFrequency')
          ? readDurationFromConfig(
              config.getConfig('guidance.publishLocal.discoveryFrequency'),
            )
          : { seconds: 5 };
        await scheduler.scheduleTask({
          id: 'guidance-local-repositories',
          frequency,
          timeout: { minutes: 1 },
          // the folder is on this host, so each replica looks at its own
          scope: 'local',
          fn: async () => {
            await provider.refresh();
          },
        });
      },
    });
  },
});
