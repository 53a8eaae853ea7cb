import type { paths } from '../generated/guidance';
import { createTypedFetchClient, requestInit } from './typedFetchClient';
import type {
  Article,
  ArticleEntityLink,
  ArticleSectionsResponse,
  ArticleSummary,
  CategoryCount,
  ListResponse,
  Recommendation,
  SearchResponse,
} from '../types';

/**
 * What the client needs: where the guidance backend is, and how to fetch (the frontend's
 * fetchApi adds the user's identity; backend callers pass a token per request instead).
 *
 * @public
 */
export type GuidanceApiClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/**
 * Per call: a Backstage token to send as `Authorization: Bearer` (service-to-service calls),
 * and a signal to abort the request.
 *
 * @public
 */
export type GuidanceApiRequestOptions = {
  token?: string;
  signal?: AbortSignal;
};

/**
 * The article route's answer: the article with its ETag, or `notModified` when the copy named
 * by `etag` in the request is still current (304).
 *
 * @public
 */
export type GuidanceArticleResponse =
  | { notModified: false; article: Article; etag?: string }
  | { notModified: true; etag?: string };

/**
 * A catalog entity as the guidance routes address it (`/entities/:kind/:namespace/:name/…`).
 *
 * @public
 */
export type GuidanceEntityName = {
  kind: string;
  namespace: string;
  name: string;
};

/**
 * The one client of the guidance backend's routes, typed by its OpenAPI spec
 * (`plugins/guidance-backend/src/schema/openapi.yaml`, types generated into `generated/`).
 * The frontend's `GuidanceClient` and the node `GuidanceService` wrap it. Errors are
 * `ResponseError`s from `@backstage/errors`.
 *
 * @public
 */
export class GuidanceApiClient {
  private readonly discoveryApi: GuidanceApiClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: GuidanceApiClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createTypedFetchClient<paths>(options);
  }

  /** Every article's summary, optionally by category or tag. */
  async listArticles(
    filter: { category?: string; tag?: string } = {},
    options?: GuidanceApiRequestOptions,
  ): Promise<ListResponse<ArticleSummary>> {
    // the query serializer leaves out unset and empty values
    const { data } = await this.client.request('get', '/articles', {
      ...(await this.init(options)),
      params: { query: { category: filter.category, tag: filter.tag } },
    });
    return data!;
  }

  /** One article; with `etag`, a 304 answers `notModified` and no body. */
  async getArticle(
    id: string,
    options?: GuidanceApiRequestOptions & { etag?: string },
  ): Promise<GuidanceArticleResponse> {
    const init = await this.init(options);
    const { data, response } = await this.client.request(
      'get',
      '/articles/{id}',
      {
        ...init,
        params: { path: { id } },
        headers: {
          ...init.headers,
          ...(options?.etag ? { 'If-None-Match': options.etag } : {}),
        },
      },
    );
    const etag = response.headers.get('ETag') ?? undefined;
    if (response.status === 304) return { notModified: true, etag };
    const article: Article = data!;
    return { notModified: false, article, etag };
  }

  /** The source Markdown, whole or one section (a heading id) with its subsections. */
  async getArticleMarkdown(
    id: string,
    query: { section?: string } = {},
    options?: GuidanceApiRequestOptions,
  ): Promise<string> {
    const { data } = await this.client.request(
      'get',
      '/articles/{id}/markdown',
      {
        ...(await this.init(options)),
        params: {
          path: { id },
          query: query.section ? { section: query.section } : {},
        },
        parseAs: 'text',
      },
    );
    return data!;
  }

  /** The article's sections with their plain text, as search indexes them. */
  async getArticleSections(
    id: string,
    options?: GuidanceApiRequestOptions,
  ): Promise<ArticleSectionsResponse> {
    const { data } = await this.client.request(
      'get',
      '/articles/{id}/sections',
      {
        ...(await this.init(options)),
        params: { path: { id } },
      },
    );
    return data!;
  }

  /** The catalog entities (that the caller may see) linking the article. */
  async getArticleEntities(
    id: string,
    options?: GuidanceApiRequestOptions,
  ): Promise<ListResponse<ArticleEntityLink>> {
    const { data } = await this.client.request(
      'get',
      '/articles/{id}/entities',
      {
        ...(await this.init(options)),
        params: { path: { id } },
      },
    );
    return data!;
  }

  /** Every category with its number of articles. */
  async listCategories(
    options?: GuidanceApiRequestOptions,
  ): Promise<ListResponse<CategoryCount>> {
    const { data } = await this.client.request('get', '/categories', {
      ...(await this.init(options)),
    });
    return data!;
  }

  /** Sections of articles ranked for a query (`limit` 1–50, default 10), with snippets. */
  async search(
    query: { q: string; limit?: number },
    options?: GuidanceApiRequestOptions,
  ): Promise<SearchResponse> {
    const { data } = await this.client.request('get', '/search', {
      ...(await this.init(options)),
      params: { query: { q: query.q, limit: query.limit } },
    });
    return data!;
  }

  /** Recommendations for an entity, which need not be in the catalog yet. */
  async recommend(
    entity: object,
    options?: GuidanceApiRequestOptions,
  ): Promise<ListResponse<Recommendation>> {
    const { data } = await this.client.request('post', '/recommendations', {
      ...(await this.init(options)),
      // the spec takes any object here (additionalProperties); the backend validates it
      body: { entity: entity as Record<string, unknown> },
    });
    return data!;
  }

  /** Recommendations for a catalog entity, read with the caller's credentials. */
  async getEntityArticles(
    entity: GuidanceEntityName,
    options?: GuidanceApiRequestOptions,
  ): Promise<ListResponse<Recommendation>> {
    const { kind, namespace, name } = entity;
    const { data } = await this.client.request(
      'get',
      '/entities/{kind}/{namespace}/{name}/articles',
      {
        ...(await this.init(options)),
        params: { path: { kind, namespace, name } },
      },
    );
    return data!;
  }

  private init(options?: GuidanceApiRequestOptions) {
    return requestInit(this.discoveryApi, options);
  }
}
