import { parseEntityRef } from '@backstage/catalog-model';
import {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import { GuidanceService } from '@paved-road/plugin-guidance-node';

/**
 * The retriever's id; every check names it in `factIds`.
 *
 * @public
 */
export const GUIDANCE_CONFORMANCE_RETRIEVER_ID = 'paved-road-conformance';

/**
 * Facts besides the per-rule ones.
 *
 * @public
 */
export const SUMMARY_FACTS = {
  passing: 'pavedRoadPassingRules',
  failing: 'pavedRoadFailingRules',
} as const;

/**
 * What the fact retriever needs of a rule: its id and title.
 *
 * @public
 */
export type ConformanceRuleData = { id: string; title: string };

/** How many entities are read from the guidance backend at once. */
const CONCURRENCY = 4;

/**
 * Publishes each evaluated entity's Paved Road results as Tech Insights facts: one boolean per
 * rule (true = passes or waived, false = fails, absent = does not apply) and two counts. Results
 * are read from the guidance backend, which evaluates them on its own schedule.
 *
 * @public
 */
export function createConformanceFactRetriever(options: {
  guidance: GuidanceService;
  rules: ConformanceRuleData[];
}): FactRetriever {
  const { guidance, rules } = options;
  const schema: FactSchema = {
    [SUMMARY_FACTS.passing]: {
      type: 'integer',
      description: 'Paved Road rules the entity passes',
    },
    [SUMMARY_FACTS.failing]: {
      type: 'integer',
      description: 'Paved Road rules the entity fails',
    },
  };
  for (const rule of rules) {
    schema[rule.id] = {
      type: 'boolean',
      description: `Paved Road: ${rule.title} (true when it passes or is waived)`,
    };
  }

  return {
    id: GUIDANCE_CONFORMANCE_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Paved Road conformance',
    description:
      "Each entity's results for the Paved Road rules, as evaluated by the guidance backend",
    schema,
    entityFilter: [{ kind: 'component' }],
    async handler() {
      const overview = await guidance.getConformanceOverview();
      const refs = overview.entities
        .filter(e => !e.error)
        .map(e => e.entityRef);
      const facts: TechInsightFact[] = [];
      let next = 0;
      const worker = async () => {
        while (next < refs.length) {
          const entity = parseEntityRef(refs[next++]);
          const conformance = await guidance.getEntityConformance(entity);
          if (!conformance || conformance.source.error) continue;
          const values: Record<string, boolean | number> = {
            [SUMMARY_FACTS.passing]: conformance.summary.pass,
            [SUMMARY_FACTS.failing]: conformance.summary.fail,
          };
          for (const result of conformance.results) {
            if (result.status === 'not-applicable') continue;
            values[result.rule.id] = result.status !== 'fail';
          }
          facts.push({
            entity: {
              kind: entity.kind,
              namespace: entity.namespace,
              name: entity.name,
            },
            facts: values,
          });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return facts;
    },
  };
}
