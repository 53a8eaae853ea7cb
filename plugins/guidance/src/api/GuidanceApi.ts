import { createApiRef } from '@backstage/core-plugin-api';
import {
  Article,
  ArticleConformance,
  ArticleEntityLink,
  ArticleSummary,
  CategoryCount,
  ConformanceOverview,
  ConformanceOwnerMovements,
  ConformanceRulePreview,
  ConformanceTrends,
  EntityConformance,
  Recommendation,
  SearchResult,
} from '@paved-road/plugin-guidance-common';

/**
 * The guidance backend's API, as the frontend uses it.
 *
 * @public
 */
export interface GuidanceApi {
  /** The library's articles, optionally of one category or with one tag. */
  listArticles(filter?: {
    category?: string;
    tag?: string;
  }): Promise<ArticleSummary[]>;
  /** One article as the reader shows it; rejects with a `ResponseError` (404) for an unknown id. */
  getArticle(id: string): Promise<Article>;
  /** The article as last read, without a request (for an immediate paint); optional. */
  peekArticle?(id: string): Article | undefined;
  /** Starts reading an article the reader is about to ask for (page load); optional. */
  prefetchArticle?(id: string): void;
  /** The categories that have articles, with their counts. */
  listCategories(): Promise<CategoryCount[]>;
  /** Articles best first for a query, each with the section its best hit sits under. */
  search(
    query: string,
    options?: { limit?: number; signal?: AbortSignal },
  ): Promise<SearchResult[]>;
  /** Recommendations for an entity that need not exist in the catalog yet. */
  recommend(entity: object): Promise<Recommendation[]>;
  /** The articles a catalog entity follows (its annotation) and those whose rules match it. */
  getEntityArticles(entity: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<Recommendation[]>;
  /** The catalog entities whose annotation names the article. */
  getArticleEntities(id: string): Promise<ArticleEntityLink[]>;
  /** The entity's rule results; undefined while it has not been evaluated yet. */
  getEntityConformance(
    entity: EntityName,
  ): Promise<EntityConformance | undefined>;
  /** Asks for an evaluation of the entity now; the backend answers before it is done (202). */
  refreshEntityConformance(entity: EntityName): Promise<void>;
  /** The rules an article backs and the services that follow them or not. */
  getArticleConformance(id: string): Promise<ArticleConformance>;
  /** Every evaluated service the user may see, and each rule's counts. */
  getConformanceOverview(filter?: {
    owner?: string;
    rule?: string;
  }): Promise<ConformanceOverview>;
  /** Daily pass/fail/waived counts over the last `days` days (optionally one series per rule or owner). */
  getConformanceTrends(
    query: ConformanceTrendsQuery,
  ): Promise<ConformanceTrends>;
  /** Owners by how their failing share moved over the last `days` days, most improved first. */
  getConformanceOwnerMovements(
    days: number,
  ): Promise<ConformanceOwnerMovements>;
  /** Who a rule would fail if it were enforced today. */
  previewRule(rule: string): Promise<ConformanceRulePreview>;
}

/**
 * Which conformance history {@link GuidanceApi.getConformanceTrends} reads.
 *
 * @public
 */
export type ConformanceTrendsQuery = {
  /** How many days back from today. */
  days: number;
  /** Only entities of this owner (an entity ref). */
  owner?: string;
  /** Only this rule's results. */
  rule?: string;
  /** Only this entity (an entity ref). */
  entity?: string;
  /** One series per rule or per owner instead of one total. */
  by?: 'rule' | 'owner';
};

/**
 * An entity as the guidance routes address it.
 *
 * @public
 */
export type EntityName = { kind: string; namespace: string; name: string };

/**
 * The reference to the {@link GuidanceApi} that the plugin's pages and cards use.
 *
 * @public
 */
export const guidanceApiRef = createApiRef<GuidanceApi>({
  id: 'plugin.guidance.api',
});
