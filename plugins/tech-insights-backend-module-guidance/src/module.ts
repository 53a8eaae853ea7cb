import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  techInsightsFactCheckerFactoryExtensionPoint,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  BUILTIN_RULES,
  guidanceServiceRef,
} from '@paved-road/plugin-guidance-node';
import { createConformanceChecks } from './conformanceChecks';
import { createConformanceFactRetriever } from './conformanceFactRetriever';
import { RuleCheckRegistry } from './ruleCheckRegistry';

/**
 * Paved Road conformance in Tech Insights: a fact retriever with each entity's rule results,
 * and the JSON rules engine checker with the checks of `techInsights.factChecker.checks` plus
 * one per rule the guidance backend lists at `GET /rules` (built-in and added by modules). It
 * sets the fact checker, so use it instead of the jsonfc module, not beside it.
 * @public
 */
export const techInsightsModuleGuidance = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'guidance',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        retrievers: techInsightsFactRetrieversExtensionPoint,
        checkers: techInsightsFactCheckerFactoryExtensionPoint,
        guidance: guidanceServiceRef,
      },
      async init({ config, logger, retrievers, checkers, guidance }) {
        retrievers.addFactRetrievers({
          'paved-road-conformance': createConformanceFactRetriever({
            guidance,
            rules: BUILTIN_RULES,
          }),
        });
        const appBaseUrl = config.getString('app.baseUrl');
        checkers.setFactCheckerFactory({
          construct(repository) {
            // jsonfc reads and validates the configured checks; its checker lists them
            const configured = JsonRulesEngineFactCheckerFactory.fromConfig(
              config,
              { logger },
            ).construct(repository);
            const registry = new RuleCheckRegistry(async () => [
              ...(await configured.getChecks()),
              // with this module's own service credentials, through discovery
              ...createConformanceChecks({
                rules: (await guidance.listRules()).rules,
                appBaseUrl,
              }),
            ]);
            return new JsonRulesEngineFactCheckerFactory({
              checks: [],
              logger,
              checkRegistry: registry,
            }).construct(repository);
          },
        });
      },
    });
  },
});
