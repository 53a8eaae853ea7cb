/**
 * Backstage search collator for Paved Road guidance: one document per article section.
 *
 * @packageDocumentation
 */
export { searchModuleGuidanceCollator as default } from './module';
export { GuidanceCollatorFactory } from './collator/GuidanceCollatorFactory';
export type {
  GuidanceSectionDocument,
  GuidanceCollatorFactoryOptions,
} from './collator/GuidanceCollatorFactory';
