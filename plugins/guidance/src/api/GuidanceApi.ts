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
  listArticles(filter?: {
    category?: string;
    tag?: string;
  }): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<Article>;
  /** The article as last read, without a request (for an immediate paint); optional. */
  peekArticle?(id: string): Article | undefined;
  /** Starts reading an article the reader is about to ask for (page load); optional. */
  prefetchArticle?(id: string): void;
  listCategories(): Promise<CategoryCount[]>;
  search(
    query: string,
    options?: { limit?: number; signal?: AbortSignal },
  ): Promise<SearchResult[]>;
  /** Recommendations for an entity that need not exist in the catalog yet. */
  recommend(entity: object): Promise<Recommendation[]>;
  getEntityArticles(entity: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<Recommendation[]>;
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

export type ConformanceTrendsQuery = {
  days: number;
  owner?: string;
  rule?: string;
  entity?: string;
  by?: 'rule' | 'owner';
};

/** An entity as the guidance routes address it. */
export type EntityName = { kind: string; namespace: string; name: string };

/** @public */
export const guidanceApiRef = createApiRef<GuidanceApi>({
  id: 'plugin.guidance.api',
});
