/**
 * Paved Road conformance results as Tech Insights facts and checks.
 *
 * @packageDocumentation
 */
export { techInsightsModuleGuidance as default } from './module';
export {
  createConformanceFactRetriever,
  GUIDANCE_CONFORMANCE_RETRIEVER_ID,
  SUMMARY_FACTS,
} from './conformanceFactRetriever';
export type { ConformanceRuleData } from './conformanceFactRetriever';
export { createConformanceChecks } from './conformanceChecks';
