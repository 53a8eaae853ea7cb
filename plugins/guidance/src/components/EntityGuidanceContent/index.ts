export { EntityGuidanceContent } from './EntityGuidanceContent';
export { splitRecommendations } from './recommendationGroups';
