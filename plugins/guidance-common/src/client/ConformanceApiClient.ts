import type { paths } from '../generated/conformance';
import { createTypedFetchClient, requestInit } from './typedFetchClient';
import type {
  GuidanceApiClientOptions,
  GuidanceApiRequestOptions,
  GuidanceEntityName,
} from './GuidanceApiClient';
import type { RuleListResponse } from '../ruleListing';
import type {
  ConformanceOwnerMovements,
  ConformanceRulePreview,
  ConformanceTrends,
} from '../conformanceTrends';
import type {
  ArticleConformance,
  ConformanceOverview,
  EntityConformance,
  ValidateResponse,
} from '../types';

/**
 * A query of {@link ConformanceApiClient.getConformanceTrends}: the last `days` days, for an
 * owner, a rule or an entity, optionally as one series per rule or owner.
 *
 * @public
 */
export type ConformanceTrendsRequest = {
  days: number;
  owner?: string;
  rule?: string;
  entity?: string;
  by?: 'rule' | 'owner';
};

/**
 * The answer to a refresh: queued, or joined to an evaluation already pending.
 *
 * @public
 */
export type ConformanceRefreshResponse = {
  entityRef: string;
  status: 'queued' | 'joined';
};

/**
 * The one client of the conformance module's routes (under `/api/guidance`), typed by its
 * OpenAPI spec (`plugins/guidance-backend-module-conformance/src/schema/openapi.yaml`, types
 * generated into `generated/conformance.ts`). The frontend's `GuidanceClient` and the node
 * `GuidanceService` wrap it. Errors are `ResponseError`s from `@backstage/errors`.
 *
 * @public
 */
export class ConformanceApiClient {
  private readonly discoveryApi: GuidanceApiClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: GuidanceApiClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createTypedFetchClient<paths>(options);
  }

  /** Every rule the portal applies, built-in and added by modules, with its enforcement. */
  async listRules(
    options?: GuidanceApiRequestOptions,
  ): Promise<RuleListResponse> {
    const { data } = await this.client.request('get', '/rules', {
      ...(await this.init(options)),
    });
    return data!;
  }

  /** The rule set over the given files (at most 200 files and 1 MiB of content). */
  async validate(
    files: { path: string; content: string }[],
    options?: GuidanceApiRequestOptions,
  ): Promise<ValidateResponse> {
    const { data } = await this.client.request('post', '/validate', {
      ...(await this.init(options)),
      body: { files },
    });
    return data!;
  }

  /** An entity's last evaluation; a `ResponseError` with status 404 when there is none. */
  async getEntityConformance(
    entity: GuidanceEntityName,
    options?: GuidanceApiRequestOptions,
  ): Promise<EntityConformance> {
    const { kind, namespace, name } = entity;
    const { data } = await this.client.request(
      'get',
      '/entities/{kind}/{namespace}/{name}/conformance',
      {
        ...(await this.init(options)),
        params: { path: { kind, namespace, name } },
      },
    );
    return data!;
  }

  /** Queues a new evaluation of the entity; `force` even when its sources are unchanged. */
  async refreshEntityConformance(
    entity: GuidanceEntityName,
    body: { force?: boolean } = {},
    options?: GuidanceApiRequestOptions,
  ): Promise<ConformanceRefreshResponse> {
    const { kind, namespace, name } = entity;
    const { data } = await this.client.request(
      'post',
      '/entities/{kind}/{namespace}/{name}/conformance/refresh',
      {
        ...(await this.init(options)),
        params: { path: { kind, namespace, name } },
        body,
      },
    );
    return data!;
  }

  /** How the entities that the caller may see keep the rules an article explains. */
  async getArticleConformance(
    id: string,
    options?: GuidanceApiRequestOptions,
  ): Promise<ArticleConformance> {
    const { data } = await this.client.request(
      'get',
      '/articles/{id}/conformance',
      {
        ...(await this.init(options)),
        params: { path: { id } },
      },
    );
    return data!;
  }

  /** Rule by rule and entity by entity, optionally for one owner or one rule. */
  async getConformanceOverview(
    filter: { owner?: string; rule?: string } = {},
    options?: GuidanceApiRequestOptions,
  ): Promise<ConformanceOverview> {
    const { data } = await this.client.request('get', '/conformance', {
      ...(await this.init(options)),
      params: {
        query: { owner: filter.owner, rule: filter.rule },
      },
    });
    return data!;
  }

  /** Pass, fail and waived per day over the last `days` days. */
  async getConformanceTrends(
    query: ConformanceTrendsRequest,
    options?: GuidanceApiRequestOptions,
  ): Promise<ConformanceTrends> {
    const { data } = await this.client.request('get', '/conformance/trends', {
      ...(await this.init(options)),
      // in this order, so that the URL reads days first
      params: {
        query: {
          days: query.days,
          owner: query.owner,
          rule: query.rule,
          entity: query.entity,
          by: query.by,
        },
      },
    });
    return data!;
  }

  /** The owners whose failures rose or fell most over the last `days` days. */
  async getConformanceOwnerMovements(
    query: { days: number },
    options?: GuidanceApiRequestOptions,
  ): Promise<ConformanceOwnerMovements> {
    const { data } = await this.client.request(
      'get',
      '/conformance/trends/owners',
      {
        ...(await this.init(options)),
        params: { query: { days: query.days } },
      },
    );
    return data!;
  }

  /** Who would fail a rule if it were enforced today. */
  async previewRule(
    query: { rule: string },
    options?: GuidanceApiRequestOptions,
  ): Promise<ConformanceRulePreview> {
    const { data } = await this.client.request('get', '/conformance/preview', {
      ...(await this.init(options)),
      params: { query: { rule: query.rule } },
    });
    return data!;
  }

  private init(options?: GuidanceApiRequestOptions) {
    return requestInit(this.discoveryApi, options);
  }
}
