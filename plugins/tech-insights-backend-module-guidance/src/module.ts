import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  techInsightsFactCheckerFactoryExtensionPoint,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import {
  JsonRulesEngineFactCheckerFactory,
  TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  BUILTIN_RULES,
  guidanceServiceRef,
} from '@paved-road/plugin-guidance-node';
import { createConformanceChecks } from './conformanceChecks';
import { createConformanceFactRetriever } from './conformanceFactRetriever';

/**
 * Paved Road conformance in Tech Insights: a fact retriever with each entity's rule results
 * and one JSON-rules check per built-in rule. It installs the JSON rules engine checker with
 * the checks of `techInsights.factChecker.checks` plus its own, so use it instead of the
 * jsonfc module, not beside it.
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
        const rules = BUILTIN_RULES;
        retrievers.addFactRetrievers({
          'paved-road-conformance': createConformanceFactRetriever({
            guidance,
            rules,
          }),
        });
        // jsonfc reads the configured checks in fromConfig and exposes them nowhere else
        const configured =
          (
            JsonRulesEngineFactCheckerFactory.fromConfig(config, {
              logger,
            }) as unknown as { checks?: TechInsightJsonRuleCheck[] }
          ).checks ?? [];
        checkers.setFactCheckerFactory(
          new JsonRulesEngineFactCheckerFactory({
            logger,
            checks: [
              ...configured,
              ...createConformanceChecks({
                rules,
                appBaseUrl: config.getString('app.baseUrl'),
              }),
            ],
          }),
        );
      },
    });
  },
});
