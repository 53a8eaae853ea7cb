export { registerValidateManifestsAction } from './validateManifestsAction';
export { registerGetEntityConformanceAction } from './getEntityConformanceAction';
export { registerConformanceTrendsActions } from './getConformanceTrendsAction';
export { registerPreviewRuleAction } from './previewRuleAction';
