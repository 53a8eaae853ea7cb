import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Article,
  ArticleSectionsResponse,
  ArticleSummary,
  ConformanceOverview,
  EntityConformance,
  ListResponse,
  RuleListResponse,
  Recommendation,
  SearchResponse,
  ValidateResponse,
} from '@paved-road/plugin-guidance-common';

/**
 * Options every call takes: whose behalf it runs on (defaults to the calling plugin itself).
 * @public
 */
export type GuidanceRequestOptions = {
  credentials?: BackstageCredentials;
  signal?: AbortSignal;
};

/**
 * How other backend plugins talk to the guidance backend (scaffolder actions, the search
 * collator, Tech Insights): one client built on discovery and auth, instead of a
 * hand-written fetch in each of them.
 * @public
 */
export interface GuidanceService {
  listArticles(
    options?: GuidanceRequestOptions,
  ): Promise<ListResponse<ArticleSummary>>;
  getArticle(id: string, options?: GuidanceRequestOptions): Promise<Article>;
  /** The article's sections with their plain text, as search indexes them. */
  getArticleSections(
    id: string,
    options?: GuidanceRequestOptions,
  ): Promise<ArticleSectionsResponse>;
  search(
    query: { q: string; limit?: number },
    options?: GuidanceRequestOptions,
  ): Promise<SearchResponse>;
  recommend(
    entity: unknown,
    options?: GuidanceRequestOptions,
  ): Promise<ListResponse<Recommendation>>;
  validate(
    files: { path: string; content: string }[],
    options?: GuidanceRequestOptions,
  ): Promise<ValidateResponse>;
  /** Every evaluated entity the caller may see, with each rule's counts. */
  getConformanceOverview(
    filter?: { owner?: string; rule?: string },
    options?: GuidanceRequestOptions,
  ): Promise<ConformanceOverview>;
  /** One entity's rule results; undefined when it is unknown or not evaluated yet. */
  getEntityConformance(
    entityRef: { kind: string; namespace: string; name: string },
    options?: GuidanceRequestOptions,
  ): Promise<EntityConformance | undefined>;
  /** Every rule the portal applies (built-in and added by modules); needs the conformance module. */
  listRules(options?: GuidanceRequestOptions): Promise<RuleListResponse>;
}

/**
 * A call to the guidance backend that it answered with an error status (other than 404,
 * which is a `NotFoundError`).
 * @public
 */
export class GuidanceRequestError extends Error {
  readonly name = 'GuidanceRequestError';
  constructor(message: string, readonly statusCode: number) {
    super(message);
  }
}

/** Calls carry a timeout: a slow guidance backend must not hold up a template run or a collation. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The client behind {@link guidanceServiceRef}; exported for tests and other wiring.
 * @public
 */
export class DefaultGuidanceService implements GuidanceService {
  constructor(
    private readonly deps: {
      discovery: { getBaseUrl(pluginId: string): Promise<string> };
      auth: {
        getOwnServiceCredentials(): Promise<BackstageCredentials>;
        getPluginRequestToken(options: {
          onBehalfOf: BackstageCredentials;
          targetPluginId: string;
        }): Promise<{ token: string }>;
      };
      timeoutMs?: number;
    },
  ) {}

  listArticles(options?: GuidanceRequestOptions) {
    return this.request<ListResponse<ArticleSummary>>(
      'GET',
      '/articles',
      undefined,
      options,
    );
  }

  getArticle(id: string, options?: GuidanceRequestOptions) {
    return this.request<Article>(
      'GET',
      `/articles/${encodeURIComponent(id)}`,
      undefined,
      options,
    );
  }

  getArticleSections(id: string, options?: GuidanceRequestOptions) {
    return this.request<ArticleSectionsResponse>(
      'GET',
      `/articles/${encodeURIComponent(id)}/sections`,
      undefined,
      options,
    );
  }

  search(
    query: { q: string; limit?: number },
    options?: GuidanceRequestOptions,
  ) {
    const params = new URLSearchParams({ q: query.q });
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    return this.request<SearchResponse>(
      'GET',
      `/search?${params}`,
      undefined,
      options,
    );
  }

  recommend(entity: unknown, options?: GuidanceRequestOptions) {
    return this.request<ListResponse<Recommendation>>(
      'POST',
      '/recommendations',
      { entity },
      options,
    );
  }

  validate(
    files: { path: string; content: string }[],
    options?: GuidanceRequestOptions,
  ) {
    return this.request<ValidateResponse>(
      'POST',
      '/validate',
      { files },
      options,
    );
  }

  getConformanceOverview(
    filter: { owner?: string; rule?: string } = {},
    options?: GuidanceRequestOptions,
  ) {
    const params = new URLSearchParams();
    if (filter.owner) params.set('owner', filter.owner);
    if (filter.rule) params.set('rule', filter.rule);
    const qs = params.toString();
    return this.request<ConformanceOverview>(
      'GET',
      `/conformance${qs ? `?${qs}` : ''}`,
      undefined,
      options,
    );
  }

  async getEntityConformance(
    entityRef: { kind: string; namespace: string; name: string },
    options?: GuidanceRequestOptions,
  ) {
    const path = [entityRef.kind, entityRef.namespace, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    try {
      return await this.request<EntityConformance>(
        'GET',
        `/entities/${path}/conformance`,
        undefined,
        options,
      );
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async listRules(options?: GuidanceRequestOptions) {
    return this.request<RuleListResponse>('GET', '/rules', undefined, options);
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    options?: GuidanceRequestOptions,
  ): Promise<T> {
    const { discovery, auth } = this.deps;
    const baseUrl = await discovery.getBaseUrl('guidance');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf:
        options?.credentials ?? (await auth.getOwnServiceCredentials()),
      targetPluginId: 'guidance',
    });
    const timeout = AbortSignal.timeout(
      this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options?.signal
        ? AbortSignal.any([options.signal, timeout])
        : timeout,
    });
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`.trim();
      try {
        const data = (await response.json()) as {
          error?: { message?: string };
        };
        if (data.error?.message) message = `${message}: ${data.error.message}`;
      } catch {
        // not a Backstage error body; the status says enough
      }
      const text = `guidance ${method} ${
        path.split('?')[0]
      } failed: ${message}`;
      // Callers tell "no such article" from "backend broken" by error name, as with the catalog.
      if (response.status === 404) throw new NotFoundError(text);
      throw new GuidanceRequestError(text, response.status);
    }
    return (await response.json()) as T;
  }
}

/**
 * The guidance backend as a service for other backend plugins and modules.
 * @public
 */
export const guidanceServiceRef = createServiceRef<GuidanceService>({
  id: 'paved-road.guidance.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) =>
        new DefaultGuidanceService({ discovery, auth }),
    }),
});
