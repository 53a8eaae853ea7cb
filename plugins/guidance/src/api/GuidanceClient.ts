import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Article,
  ArticleConformance,
  ConformanceOverview,
  ConformanceOwnerMovements,
  ConformanceRulePreview,
  ConformanceApiClient,
  ConformanceTrends,
  EntityConformance,
  GuidanceApiClient,
} from '@paved-road/plugin-guidance-common';
import { ArticleCache } from './articleCache';
import { ConformanceTrendsQuery, EntityName, GuidanceApi } from './GuidanceApi';

/**
 * Talks to /api/guidance with the signed-in user's identity (fetchApi adds it), through the
 * typed clients of the two specs: GuidanceApiClient for the guidance backend's routes and
 * ConformanceApiClient for the conformance module's.
 *
 * @public
 */
export class GuidanceClient implements GuidanceApi {
  private readonly articleCache: ArticleCache;
  private readonly api: GuidanceApiClient;
  private readonly conformance: ConformanceApiClient;
  /** Article requests in flight, so that a second ask for the same id shares the first. */
  private readonly inflight = new Map<string, Promise<Article>>();
  /** Articles asked for ahead of the reader (at page load), kept for its first ask. */
  private readonly prefetched = new Map<string, Promise<Article>>();

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    articleCache?: ArticleCache;
  }) {
    this.articleCache = options.articleCache ?? new ArticleCache();
    this.api = new GuidanceApiClient(options);
    this.conformance = new ConformanceApiClient(options);
  }

  /** {@inheritDoc GuidanceApi.listArticles} */
  async listArticles(filter: { category?: string; tag?: string } = {}) {
    return (await this.api.listArticles(filter)).items;
  }

  /** The article as last read, if any, for painting before the network answers. */
  peekArticle(id: string): Article | undefined {
    return this.articleCache.get(id)?.article;
  }

  /**
   * Starts reading an article before the reader asks for it (the page-load prefetch); the
   * reader's first `getArticle` for that id takes this answer instead of asking again.
   */
  prefetchArticle(id: string): void {
    if (this.prefetched.has(id)) return;
    const request = this.getArticle(id);
    request.catch(() => this.prefetched.delete(id)); // a failure: the reader asks again
    this.prefetched.set(id, request);
  }

  /** Reads an article, revalidating a cached copy with its ETag (304 keeps it). */
  getArticle(id: string): Promise<Article> {
    const prefetched = this.prefetched.get(id);
    if (prefetched) {
      this.prefetched.delete(id);
      return prefetched;
    }
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const request = this.fetchArticle(id).finally(() =>
      this.inflight.delete(id),
    );
    this.inflight.set(id, request);
    return request;
  }

  private async fetchArticle(id: string): Promise<Article> {
    const cached = this.articleCache.get(id);
    const res = await this.api.getArticle(id, { etag: cached?.etag });
    if (!res.notModified) {
      if (res.etag) {
        this.articleCache.set(id, { etag: res.etag, article: res.article });
      }
      return res.article;
    }
    // 304 only answers the ETag sent, which came from the cached copy
    if (cached) return cached.article;
    throw new Error(`Article ${id}: 304 Not Modified without a cached copy`);
  }

  /** {@inheritDoc GuidanceApi.listCategories} */
  async listCategories() {
    return (await this.api.listCategories()).items;
  }

  /** {@inheritDoc GuidanceApi.search} */
  async search(
    query: string,
    options: { limit?: number; signal?: AbortSignal } = {},
  ) {
    const { limit, signal } = options;
    const res = await this.api.search(
      limit ? { q: query, limit } : { q: query },
      { signal },
    );
    return res.results;
  }

  /** {@inheritDoc GuidanceApi.recommend} */
  async recommend(entity: object) {
    return (await this.api.recommend(entity)).items;
  }

  /** {@inheritDoc GuidanceApi.getEntityArticles} */
  async getEntityArticles(entity: EntityName) {
    return (await this.api.getEntityArticles(entity)).items;
  }

  /** {@inheritDoc GuidanceApi.getArticleEntities} */
  async getArticleEntities(id: string) {
    return (await this.api.getArticleEntities(id)).items;
  }

  /** {@inheritDoc GuidanceApi.getEntityConformance} */
  async getEntityConformance(
    entity: EntityName,
  ): Promise<EntityConformance | undefined> {
    try {
      return await this.conformance.getEntityConformance(entity);
    } catch (error) {
      // 404: unknown to the catalog for this user, or not evaluated yet
      if ((error as ResponseError).statusCode === 404) return undefined;
      throw error;
    }
  }

  /** {@inheritDoc GuidanceApi.refreshEntityConformance} */
  async refreshEntityConformance(entity: EntityName) {
    // a click asks for a fresh evaluation even if the source's ETag is unchanged
    await this.conformance.refreshEntityConformance(entity, { force: true });
  }

  /** {@inheritDoc GuidanceApi.getArticleConformance} */
  getArticleConformance(id: string): Promise<ArticleConformance> {
    return this.conformance.getArticleConformance(id);
  }

  /** {@inheritDoc GuidanceApi.getConformanceOverview} */
  getConformanceOverview(
    filter: { owner?: string; rule?: string } = {},
  ): Promise<ConformanceOverview> {
    return this.conformance.getConformanceOverview(filter);
  }

  /** {@inheritDoc GuidanceApi.getConformanceTrends} */
  getConformanceTrends(
    query: ConformanceTrendsQuery,
  ): Promise<ConformanceTrends> {
    return this.conformance.getConformanceTrends(query);
  }

  /** {@inheritDoc GuidanceApi.getConformanceOwnerMovements} */
  getConformanceOwnerMovements(
    days: number,
  ): Promise<ConformanceOwnerMovements> {
    return this.conformance.getConformanceOwnerMovements({ days });
  }

  /** {@inheritDoc GuidanceApi.previewRule} */
  previewRule(rule: string): Promise<ConformanceRulePreview> {
    return this.conformance.previewRule({ rule });
  }
}
