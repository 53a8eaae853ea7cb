import {
  EntityConformance,
  RuleSummary,
} from '@paved-road/plugin-guidance-common';
import { normalizeOwner } from './trendQueries';

type TemplateOrigin = { template: string; version: number };

/** An entity's conformance as the overview lists it: its owner and golden path with it. */
export type ListedConformance = {
  owner?: string;
  conformance: EntityConformance;
  template?: TemplateOrigin;
};

/** Services per golden path and version, newest version first within a template. */
export function countTemplateVersions(
  origins: ({ template: string; version: number } | undefined)[],
): { template: string; version: number; count: number }[] {
  const counts = new Map<
    string,
    { template: string; version: number; count: number }
  >();
  for (const origin of origins) {
    if (!origin) continue;
    const key = `${origin.template}@${origin.version}`;
    const entry = counts.get(key) ?? { ...origin, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.template.localeCompare(b.template) || b.version - a.version,
  );
}

/** Entities some of the article's rules apply to, passing or with the ones they fail. */
export function articleConformance(
  ruleIds: Set<string>,
  listed: ListedConformance[],
) {
  const entities = [];
  for (const { conformance: c } of listed) {
    const relevant = c.results.filter(
      r => ruleIds.has(r.rule.id) && r.status !== 'not-applicable',
    );
    if (relevant.length === 0) continue;
    const failing = relevant
      .filter(r => r.status === 'fail')
      .map(r => r.rule.id);
    entities.push({
      entityRef: c.entityRef,
      status: failing.length > 0 ? ('fail' as const) : ('pass' as const),
      failing,
    });
  }
  return entities;
}

/** `GET /conformance`: the entities of that owner and rule, each with its summary, counts per rule and entities per golden path. */
export function conformanceOverview(
  summaries: RuleSummary[],
  visible: ListedConformance[],
  filter: { owner?: string; rule?: string },
) {
  const { owner, rule: ruleId } = filter;
  const listed = visible.filter(
    e =>
      (!owner || e.owner === owner) &&
      (!ruleId ||
        e.conformance.results.some(
          r => r.rule.id === ruleId && r.status !== 'not-applicable',
        )),
  );
  const rules = summaries
    .filter(r => !ruleId || r.id === ruleId)
    .map(rule => {
      const counts = { pass: 0, fail: 0, waived: 0 };
      for (const e of listed) {
        const result = e.conformance.results.find(r => r.rule.id === rule.id);
        if (result && result.status !== 'not-applicable') {
          counts[result.status] += 1;
        }
      }
      return { rule, ...counts };
    });
  return {
    entities: listed.map(e => ({
      entityRef: e.conformance.entityRef,
      owner: e.owner ?? null,
      summary: e.conformance.summary,
      ...(e.conformance.source.error
        ? { error: e.conformance.source.error }
        : {}),
      ...(ruleId
        ? {
            ruleStatus: e.conformance.results.find(r => r.rule.id === ruleId)
              ?.status,
          }
        : {}),
      ...(e.template ? { template: e.template } : {}),
    })),
    rules,
    templates: countTemplateVersions(listed.map(e => e.template)),
  };
}

/** The `owner` query as a full entity ref (see normalizeOwner); InputError if it is none. */
export function ownerFilterOf(owner: string | undefined): string | undefined {
  return owner ? normalizeOwner(owner) : undefined;
}
