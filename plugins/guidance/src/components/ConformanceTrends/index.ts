export { ConformanceTrendsSection } from './ConformanceTrendsSection';
export { EntityConformanceTrend } from './EntityConformanceTrend';
export { RulePreviewCard } from './RulePreviewCard';
