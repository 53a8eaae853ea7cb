import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateAction } from './actions/annotate';
import { createFetchFragmentAction } from './actions/fetchFragment';
import { createPublishLocalAction } from './actions/publishLocal';
import { createValidateAction } from './actions/validate';
import { createRecordAnswersAction } from './actions/recordAnswers';
import { createUpgradeAction } from './actions/upgrade';

/**
 * Adds the golden-path actions to the scaffolder: `guidance:fetch:fragment`,
 * `guidance:annotate`, `guidance:validate`, `publish:local`, `guidance:record:answers` and `guidance:upgrade`.
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
        urlReader: coreServices.urlReader,
      },
      async init({
        scaffolder,
        config,
        discovery,
        auth,
        logger,
        catalog,
        urlReader,
      }) {
        const actions = [
          createFetchFragmentAction({
            integrations: ScmIntegrations.fromConfig(config),
          }),
          createAnnotateAction({ discovery, auth }),
          createValidateAction(),
          createPublishLocalAction({ config, catalog }),
          createRecordAnswersAction(),
          createUpgradeAction({
            config,
            catalog,
            discovery,
            auth,
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
          }),
        ];
        scaffolder.addActions(...actions);
        logger.info(
          `Added scaffolder actions ${actions.map(a => a.id).join(', ')}`,
        );
      },
    });
  },
});
