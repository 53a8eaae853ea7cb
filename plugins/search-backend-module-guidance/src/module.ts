import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { guidanceServiceRef } from '@paved-road/plugin-guidance-node';
import { GuidanceCollatorFactory } from './collator/GuidanceCollatorFactory';

/**
 * Adds guidance articles to Backstage search, one document per section.
 * @public
 */
export const searchModuleGuidanceCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'guidance-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        guidance: guidanceServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, logger, scheduler, guidance, indexRegistry }) {
        const key = 'search.collators.guidance';
        const schedule = config.has(`${key}.schedule`)
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig(`${key}.schedule`),
            )
          : {
              frequency: { minutes: 10 },
              timeout: { minutes: 5 },
              initialDelay: { seconds: 3 },
            };
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new GuidanceCollatorFactory({
            guidance,
            logger,
            locationTemplate: config.getOptionalString(
              `${key}.locationTemplate`,
            ),
            parallelism: config.getOptionalNumber(`${key}.parallelism`),
          }),
        });
      },
    });
  },
});
