import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { guidanceServiceRef } from '@paved-road/plugin-guidance-node';
import { createAnnotateAction } from './actions/annotate';
import { createFetchFragmentAction } from './actions/fetchFragment';
import { createPublishLocalAction } from './actions/publishLocal';
import { createValidateAction } from './actions/validate';

/**
 * Adds the golden-path actions to the scaffolder: `guidance:fetch:fragment`,
 * `guidance:annotate`, `guidance:validate` and `publish:local`.
 * @public
 */
export const scaffolderModuleGuidance = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'guidance',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        guidance: guidanceServiceRef,
      },
      async init({
        scaffolder,
        config,
        discovery,
        auth,
        logger,
        catalog,
        guidance,
      }) {
        const actions = [
          createFetchFragmentAction({
            integrations: ScmIntegrations.fromConfig(config),
          }),
          createAnnotateAction({ discovery, auth }),
          createValidateAction({ guidance }),
          createPublishLocalAction({ config, catalog }),
        ];
        scaffolder.addActions(...actions);
        logger.info(
          `Added scaffolder actions ${actions.map(a => a.id).join(', ')}`,
        );
      },
    });
  },
});
