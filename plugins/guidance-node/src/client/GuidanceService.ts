import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { NotFoundError, ResponseError } from '@backstage/errors';
import {
  Article,
  ArticleSectionsResponse,
  ArticleSummary,
  ConformanceApiClient,
  ConformanceOverview,
  EntityConformance,
  GuidanceApiClient,
  GuidanceApiRequestOptions,
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
  /** Every article's summary (id, title, category, tags, provenance), in library order. */
  listArticles(
    options?: GuidanceRequestOptions,
  ): Promise<ListResponse<ArticleSummary>>;
  /** One article as the reader gets it; a `NotFoundError` for an unknown id. */
  getArticle(id: string, options?: GuidanceRequestOptions): Promise<Article>;
  /** The article's sections with their plain text, as search indexes them. */
  getArticleSections(
    id: string,
    options?: GuidanceRequestOptions,
  ): Promise<ArticleSectionsResponse>;
  /** The library's search, best first, with deep links to sections. */
  search(
    query: { q: string; limit?: number },
    options?: GuidanceRequestOptions,
  ): Promise<SearchResponse>;
  /** The articles an entity should follow, with the reasons each applies. */
  recommend(
    entity: unknown,
    options?: GuidanceRequestOptions,
  ): Promise<ListResponse<Recommendation>>;
  /** Every rule over the given files (`POST /validate`); needs the conformance module. */
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
  /** Always `GuidanceRequestError`, so callers can tell it by name across package copies. */
  readonly name = 'GuidanceRequestError';
  /** The HTTP status the guidance backend answered with. */
  readonly statusCode: number;
  /**
   * @param message - what was called and what the backend said
   * @param statusCode - the HTTP status the guidance backend answered with
   */
  constructor(message: string, statusCode: number) {
    super(message);
    this.statusCode = statusCode;
  }
}

/** Calls carry a timeout: a slow guidance backend must not hold up a template run or a collation. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The error callers have always seen, made from the ResponseError the client throws: 404 is a
 * `NotFoundError` (callers tell "no such article" from "backend broken" by name, as with the
 * catalog), anything else a `GuidanceRequestError` with the status.
 */
function toServiceError(error: unknown, method: string, path: string) {
  if (!ResponseError.is(error)) return error;
  const status = `${error.statusCode} ${error.statusText}`.trim();
  const text = `guidance ${method} ${path} failed: ${status}: ${error.cause.message}`;
  if (error.statusCode === 404) return new NotFoundError(text);
  return new GuidanceRequestError(text, error.statusCode);
}

/**
 * The client behind {@link guidanceServiceRef}; exported for tests and other wiring. The
 * guidance backend's routes go through the one typed client, `GuidanceApiClient`, with a
 * service token per call.
 * @public
 */
export class DefaultGuidanceService implements GuidanceService {
  private readonly api: GuidanceApiClient;
  private readonly conformance: ConformanceApiClient;

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
  ) {
    this.api = new GuidanceApiClient({ discoveryApi: deps.discovery });
    this.conformance = new ConformanceApiClient({
      discoveryApi: deps.discovery,
    });
  }

  /** {@inheritDoc GuidanceService.listArticles} */
  listArticles(options?: GuidanceRequestOptions) {
    return this.call(
      'GET',
      '/articles',
      async init => this.api.listArticles({}, init),
      options,
    );
  }

  /** {@inheritDoc GuidanceService.getArticle} */
  getArticle(id: string, options?: GuidanceRequestOptions) {
    return this.call(
      'GET',
      `/articles/${encodeURIComponent(id)}`,
      async init => {
        const res = await this.api.getArticle(id, init);
        // no ETag was sent, so there is always a body
        if (res.notModified) {
          throw new GuidanceRequestError(
            `guidance GET /articles/${id}: unexpected 304`,
            304,
          );
        }
        return res.article;
      },
      options,
    );
  }

  /** {@inheritDoc GuidanceService.getArticleSections} */
  getArticleSections(id: string, options?: GuidanceRequestOptions) {
    return this.call(
      'GET',
      `/articles/${encodeURIComponent(id)}/sections`,
      init => this.api.getArticleSections(id, init),
      options,
    );
  }

  /** {@inheritDoc GuidanceService.search} */
  search(
    query: { q: string; limit?: number },
    options?: GuidanceRequestOptions,
  ) {
    return this.call(
      'GET',
      '/search',
      init => this.api.search(query, init),
      options,
    );
  }

  /** {@inheritDoc GuidanceService.recommend} */
  recommend(entity: unknown, options?: GuidanceRequestOptions) {
    return this.call(
      'POST',
      '/recommendations',
      init => this.api.recommend(entity as object, init),
      options,
    );
  }

  /** {@inheritDoc GuidanceService.validate} */
  validate(
    files: { path: string; content: string }[],
    options?: GuidanceRequestOptions,
  ) {
    return this.call(
      'POST',
      '/validate',
      init => this.conformance.validate(files, init),
      options,
    );
  }

  /** {@inheritDoc GuidanceService.getConformanceOverview} */
  getConformanceOverview(
    filter: { owner?: string; rule?: string } = {},
    options?: GuidanceRequestOptions,
  ) {
    return this.call(
      'GET',
      '/conformance',
      init => this.conformance.getConformanceOverview(filter, init),
      options,
    );
  }

  /** {@inheritDoc GuidanceService.getEntityConformance} */
  async getEntityConformance(
    entityRef: { kind: string; namespace: string; name: string },
    options?: GuidanceRequestOptions,
  ) {
    const path = [entityRef.kind, entityRef.namespace, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    try {
      return await this.call(
        'GET',
        `/entities/${path}/conformance`,
        init => this.conformance.getEntityConformance(entityRef, init),
        options,
      );
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** {@inheritDoc GuidanceService.listRules} */
  listRules(options?: GuidanceRequestOptions) {
    return this.call(
      'GET',
      '/rules',
      init => this.conformance.listRules(init),
      options,
    );
  }

  /** A token for the guidance plugin on the caller's behalf, and the caller's signal plus the timeout. */
  private async requestInit(
    options?: GuidanceRequestOptions,
  ): Promise<GuidanceApiRequestOptions> {
    const { auth } = this.deps;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf:
        options?.credentials ?? (await auth.getOwnServiceCredentials()),
      targetPluginId: 'guidance',
    });
    const timeout = AbortSignal.timeout(
      this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    return {
      token,
      signal: options?.signal
        ? AbortSignal.any([options.signal, timeout])
        : timeout,
    };
  }

  /** A guidance backend route through GuidanceApiClient, its errors as this service names them. */
  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    send: (init: GuidanceApiRequestOptions) => Promise<T>,
    options?: GuidanceRequestOptions,
  ): Promise<T> {
    const init = await this.requestInit(options);
    try {
      return await send(init);
    } catch (error) {
      throw toServiceError(error, method, path);
    }
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
