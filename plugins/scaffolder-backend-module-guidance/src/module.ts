import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { guidanceServiceRef } from '@paved-road/plugin-guidance-node';
import { createAnnotateAction } from './actions/annotate';
import { createFetchFragmentAction } from './actions/fetchFragment';
import { createPublishLocalAction } from './actions/publishLocal';
import { createValidateAction } from './actions/validate';
import { createRecordAnswersAction } from './actions/recordAnswers';
import { createUpgradeAction } from './actions/upgrade';
import { createCheckNamesAction } from './actions/checkNames';
import { createTemplateVersionsRouter } from './service/templateVersionsRouter';

/**
 * Adds the golden-path actions to the scaffolder: `guidance:fetch:fragment`,
 * `guidance:annotate`, `guidance:validate`, `guidance:record:answers`, `guidance:check:names`,
 * `guidance:upgrade`, and
 * `guidance:publish:local` when `guidance.publishLocal.enabled` is true.
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
        guidance: guidanceServiceRef,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({
        scaffolder,
        config,
        guidance,
        discovery,
        auth,
        logger,
        catalog,
        urlReader,
        httpRouter,
        httpAuth,
      }) {
        // Under the scaffolder's own base URL, apart from its routes: /api/scaffolder/guidance/...
        httpRouter.use(
          await createTemplateVersionsRouter({ catalog, urlReader, httpAuth }),
        );

        const actions: TemplateAction<any, any, any>[] = [
          createFetchFragmentAction({
            integrations: ScmIntegrations.fromConfig(config),
            portalBaseUrl: config.getOptionalString('app.baseUrl'),
          }),
          createAnnotateAction({ guidance }),
          createValidateAction({ guidance }),
          createRecordAnswersAction({ catalog }),
          createCheckNamesAction({ catalog }),
          createUpgradeAction({
            config,
            catalog,
            discovery,
            auth,
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
            logger,
          }),
        ];
        // guidance:publish:local writes into the backend host's filesystem: only when a demo asks for it.
        if (config.getOptionalBoolean('guidance.publishLocal.enabled')) {
          actions.push(
            createPublishLocalAction({
              config,
              catalog,
              discovery,
              auth,
              logger,
            }),
          );
        }
        scaffolder.addActions(...actions);
        logger.info(
          `Added scaffolder actions ${actions.map(a => a.id).join(', ')}`,
        );
      },
    });
  },
});
