export { GuidanceSearchBox, highlightTerms } from './GuidanceSearchBox';
export type { GuidanceSearchBoxProps } from './GuidanceSearchBox';
