/**
 * Everything the Paved Road guidance plugins agree on: types, the front-matter schema,
 * categories, the annotation and heading slugs.
 *
 * @packageDocumentation
 */
export { GUIDANCE_ANNOTATION, parseGuidanceAnnotation } from './annotation';
export {
  GUIDANCE_CATEGORIES,
  GUIDANCE_CATEGORY_IDS,
  categoryTitle,
} from './categories';
export type { GuidanceCategoryId } from './categories';
export { createHeadingSlugger, slugifyHeading } from './headingSlug';
export { readingTimeMinutes } from './readingTime';
export {
  ARTICLE_ID_PATTERN,
  MAX_ARTICLE_ID_LENGTH,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_QUERY_LENGTH,
  appliesToSchema,
  articleFrontMatterSchema,
  articleIdSchema,
} from './schema';
export type { AppliesTo, ArticleFrontMatter } from './schema';
export type {
  Article,
  ArticleConformance,
  ArticleEntityLink,
  ArticleSection,
  ArticleSectionContent,
  ArticleSectionsResponse,
  ArticleSummary,
  CategoryCount,
  ConformanceOverview,
  ConformanceReport,
  ConformanceSummary,
  EntityConformance,
  ListResponse,
  Recommendation,
  RuleResult,
  RuleResultFinding,
  RuleSeverity,
  RuleStatus,
  RuleSummary,
  RuleWaiver,
  SearchResponse,
  SearchResult,
  TocEntry,
  ValidateResponse,
} from './types';
export {
  ANSWERS_FILE,
  TEMPLATE_BRANCH,
  TEMPLATE_ORIGIN_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
  parseTemplateChangelog,
  parseTemplateOrigin,
  upgradeBranchName,
} from './templateVersion';
export type { TemplateChangelogEntry } from './templateVersion';
export { guidanceSanitizeSchema, safeUrl } from './sanitize';
export {
  SHIPPED_LIFECYCLE,
  checkVerifiedAgainst,
  compareVersions,
  endOfLifeReason,
  findCycle,
  isEndOfLife,
  lifecycleProductId,
  lifecycleProductTitle,
  mergeLifecycleCycles,
  normalizeVersion,
  supportedCycles,
  versionStatus,
} from './lifecycle';
export type {
  LifecycleCycle,
  LifecycleTable,
  VerifiedAgainstReport,
  VersionStatus,
} from './lifecycle';
export {
  guidanceConformanceRefreshPermission,
  guidancePermissions,
} from './permissions';
export {
  WAIVER_ANNOTATION_PREFIX,
  applyWaiver,
  isWaiverActive,
  readWaivers,
} from './waivers';
export type { Waiver, WaiverParse, WaiverSource } from './waivers';
export { summarize } from './summary';
export type { RuleListResponse, RuleListing } from './ruleListing';
export { articleUrl, DEFAULT_ARTICLE_PATH } from './articleUrl';
export type {
  ConformanceOwnerMovements,
  ConformanceRulePreview,
  ConformanceTrendDay,
  ConformanceTrends,
  RuleEnforcementLevel,
} from './conformanceTrends';
export { ConformanceApiClient, GuidanceApiClient } from './client';
export type {
  ConformanceRefreshResponse,
  ConformanceTrendsRequest,
  GuidanceApiClientOptions,
  GuidanceApiRequestOptions,
  GuidanceArticleResponse,
  GuidanceEntityName,
} from './client';
