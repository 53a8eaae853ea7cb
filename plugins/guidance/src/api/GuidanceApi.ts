import { createApiRef } from '@backstage/core-plugin-api';
import {
  Article,
  ArticleEntityLink,
  ArticleSummary,
  CategoryCount,
  Recommendation,
  SearchResult,
} from '@paved-road/plugin-guidance-common';

/** The guidance backend's API, as the frontend uses it. */
export interface GuidanceApi {
  listArticles(filter?: {
    category?: string;
    tag?: string;
  }): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<Article>;
  /** The article as last read, without a request (for an immediate paint); optional. */
  peekArticle?(id: string): Article | undefined;
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
}

export const guidanceApiRef = createApiRef<GuidanceApi>({
  id: 'plugin.guidance.api',
});
