import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { ConformanceService } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ConformanceTrends } from './ConformanceTrends';
import {
  OwnerMovement,
  TrendDay,
  daysBefore,
  ownerMovements,
} from './ConformanceHistory';
import { RuleEnforcementSetting, dayOf, Enforcement } from './enforcement';
import { RulePreview, previewRule } from './rulePreview';

/** The most days a trend covers: the history's default retention. */
export const MAX_TREND_DAYS = 400;

export type TrendsQuery = {
  owner?: string;
  /** One entity (its ref); counted only if the caller may see it. */
  entity?: string;
  rule?: string;
  days: number;
  by?: 'rule' | 'owner';
};

export type TrendsResponse = {
  days: TrendDay[];
  series?: { key: string; days: TrendDay[] }[];
};

export type PreviewResponse = RulePreview & {
  enforcement: RuleEnforcementSetting;
  enforcementToday: Enforcement;
};

/** `owner` as a full entity ref (a bare name is a group in the default namespace). */
export function normalizeOwner(owner: string) {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`Invalid owner: ${(error as Error).message}`);
  }
}

function normalizeEntity(entity: string) {
  try {
    return stringifyEntityRef(
      parseEntityRef(entity, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`Invalid entity: ${(error as Error).message}`);
  }
}

/**
 * Trends, owner movements and rule previews for a caller: only the entities the caller's
 * catalog read shows count. Shared by the HTTP routes and the actions.
 */
export class TrendQueries {
  constructor(
    private readonly options: {
      conformance: ConformanceService;
      store: ConformanceStore;
      trends: ConformanceTrends;
    },
  ) {}

  private async visibleRefs(credentials: BackstageCredentials) {
    return (await this.options.conformance.visibleEntities(credentials)).map(
      e => stringifyEntityRef(e),
    );
  }

  private knownRule(id: string) {
    if (!this.options.conformance.ruleSummaries().some(r => r.id === id)) {
      throw new NotFoundError(`No conformance rule with id "${id}"`);
    }
  }

  private offRules(now: Date) {
    const { conformance, trends } = this.options;
    return conformance
      .ruleSummaries()
      .map(r => r.id)
      .filter(id => trends.enforcement.of(id, now) === 'off');
  }

  async trends(
    credentials: BackstageCredentials,
    query: TrendsQuery,
  ): Promise<TrendsResponse> {
    const { trends } = this.options;
    if (query.rule) this.knownRule(query.rule);
    const now = trends.now();
    const to = dayOf(now);
    const from = daysBefore(to, query.days - 1);
    const filter = {
      owner: query.owner ? normalizeOwner(query.owner) : undefined,
      rule: query.rule,
      entityRefs: await this.visibleRefs(credentials),
      excludeRules: this.offRules(now),
    };
    if (query.entity) {
      const ref = normalizeEntity(query.entity);
      filter.entityRefs = filter.entityRefs.filter(r => r === ref);
    }
    const days = await trends.history.trends(from, to, filter);
    const series = query.by
      ? await trends.history.series(query.by, from, to, filter)
      : undefined;
    return { days, ...(series ? { series } : {}) };
  }

  /** Owners by how their share of failures moved over the last `days` days; most improved first. */
  async owners(
    credentials: BackstageCredentials,
    days: number,
  ): Promise<{ owners: OwnerMovement[] }> {
    const { trends } = this.options;
    const now = trends.now();
    const to = dayOf(now);
    const series = await trends.history.series(
      'owner',
      daysBefore(to, days - 1),
      to,
      {
        entityRefs: await this.visibleRefs(credentials),
        excludeRules: this.offRules(now),
      },
    );
    return { owners: ownerMovements(series) };
  }

  async preview(
    credentials: BackstageCredentials,
    rule: string,
  ): Promise<PreviewResponse> {
    const { store, trends } = this.options;
    this.knownRule(rule);
    const stored = await store.getEntitiesWithResults(
      await this.visibleRefs(credentials),
    );
    const now = trends.now();
    return {
      ...previewRule(rule, stored, now),
      enforcement: trends.enforcement.setting(rule),
      enforcementToday: trends.enforcement.of(rule, now),
    };
  }
}
