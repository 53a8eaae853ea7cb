import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { articleUrl, RuleListing } from '@paved-road/plugin-guidance-common';
import { GUIDANCE_CONFORMANCE_RETRIEVER_ID } from './conformanceFactRetriever';

/**
 * One Tech Insights check per Paved Road rule, as `GET /api/guidance/rules` lists them (built-in
 * and added by modules): passes when the rule's fact is true, and links to the article heading
 * that explains the rule, so a scorecard leads to the guidance.
 *
 * @public
 */
export function createConformanceChecks(options: {
  rules: Pick<
    RuleListing,
    'id' | 'title' | 'severity' | 'article' | 'sectionUrl'
  >[];
  /** The portal's address (`app.baseUrl`), for a rule the backend listed without `sectionUrl`. */
  appBaseUrl: string;
}): TechInsightJsonRuleCheck[] {
  return options.rules.map(rule => ({
    id: `paved-road-${rule.id}`,
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: rule.title,
    description: `Paved Road rule "${rule.id}" (${rule.severity})`,
    factIds: [GUIDANCE_CONFORMANCE_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [{ fact: rule.id, operator: 'equal', value: true }],
      },
    },
    links: [
      {
        title: 'Why: the guidance that explains this rule',
        url:
          rule.sectionUrl ??
          articleUrl({
            id: rule.article.id,
            section: rule.article.section?.id,
            baseUrl: options.appBaseUrl,
          }),
      },
    ],
    metadata: { severity: rule.severity, ruleId: rule.id },
  }));
}
