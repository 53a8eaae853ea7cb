export { EntityConformancePanel } from './EntityConformancePanel';
export { RuleArticleLink, useRuleArticleHref } from './RuleArticleLink';
export { conformanceHeadline, applicableRules } from './conformanceScore';
