import { Config } from '@backstage/config';
import {
  EntityConformance,
  RuleResult,
  summarize,
} from '@paved-road/plugin-guidance-common';

/**
 * How much a rule counts: `off` is not evaluated or shown; `audit` is stored and shown on the
 * conformance page only; `warn` shows on entities as a warning; `enforce` fails them.
 */
export type Enforcement = 'off' | 'audit' | 'warn' | 'enforce';

export const ENFORCEMENT_LEVELS: readonly Enforcement[] = [
  'off',
  'audit',
  'warn',
  'enforce',
];

/** `guidance.conformance.rules.<id>` as read from config. */
export type RuleEnforcementSetting = {
  enforcement: Enforcement;
  /** YYYY-MM-DD (UTC): from that day on an `audit` or `warn` rule is enforced. */
  enforceFrom?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/** The UTC day of a moment, YYYY-MM-DD. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
      86_400_000,
  );
}

/** Reads every rule's setting; a wrong value stops the backend with the key that is wrong. */
export function readRuleEnforcement(
  conformanceConfig: Config | undefined,
): Map<string, RuleEnforcementSetting> {
  const settings = new Map<string, RuleEnforcementSetting>();
  const rules = conformanceConfig?.getOptionalConfig('rules');
  for (const id of rules?.keys() ?? []) {
    const rule = rules!.getConfig(id);
    const key = `guidance.conformance.rules.${id}`;
    const enforcement = rule.getOptionalString('enforcement') ?? 'enforce';
    if (!ENFORCEMENT_LEVELS.includes(enforcement as Enforcement)) {
      throw new Error(
        `${key}.enforcement must be one of ${ENFORCEMENT_LEVELS.join(
          ', ',
        )}, got "${enforcement}"`,
      );
    }
    // YAML reads an unquoted date as a string through Backstage config
    const enforceFrom = rule.getOptional('enforceFrom');
    if (enforceFrom !== undefined) {
      if (typeof enforceFrom !== 'string' || !isDay(enforceFrom)) {
        throw new Error(
          `${key}.enforceFrom must be a date written YYYY-MM-DD, got "${String(
            enforceFrom,
          )}"`,
        );
      }
      if (enforcement === 'off' || enforcement === 'enforce') {
        throw new Error(
          `${key}.enforceFrom only applies to an "audit" or "warn" rule; this one is "${enforcement}"`,
        );
      }
    }
    settings.set(id, {
      enforcement: enforcement as Enforcement,
      ...(enforceFrom ? { enforceFrom: enforceFrom as string } : {}),
    });
  }
  return settings;
}

/**
 * Every rule's enforcement on a given day. A rule that config does not name is enforced, as
 * before staged rules existed.
 */
export class RuleEnforcement {
  constructor(
    private readonly settings: ReadonlyMap<
      string,
      RuleEnforcementSetting
    > = new Map(),
  ) {}

  setting(ruleId: string): RuleEnforcementSetting {
    return this.settings.get(ruleId) ?? { enforcement: 'enforce' };
  }

  /** The enforcement in effect on `now`'s UTC day: `enforceFrom` switches audit or warn to enforce. */
  of(ruleId: string, now: Date): Enforcement {
    const { enforcement, enforceFrom } = this.setting(ruleId);
    if (enforceFrom && dayOf(now) >= enforceFrom) return 'enforce';
    return enforcement;
  }

  /** Rules whose `enforceFrom` is still ahead of `now`, with how many days are left. */
  upcoming(now: Date): { ruleId: string; enforceFrom: string; days: number }[] {
    const today = dayOf(now);
    return [...this.settings.entries()]
      .filter(([, s]) => s.enforceFrom && s.enforceFrom > today)
      .map(([ruleId, s]) => ({
        ruleId,
        enforceFrom: s.enforceFrom!,
        days: daysBetween(today, s.enforceFrom!),
      }));
  }
}

/**
 * Where results are shown: on an entity (its panel, the entity route, the MCP action) or on the
 * platform team's conformance page.
 */
export type ConformanceView = 'entity' | 'overview';

/**
 * Applies each rule's enforcement to an entity's results: `off` rules drop out, `audit` rules
 * show on the overview only, and a failure of an `audit` or `warn` rule is marked with its
 * enforcement and counted as a warning, not a failure.
 */
export function applyEnforcement(
  conformance: EntityConformance,
  enforcementOf: (ruleId: string) => Enforcement,
  view: ConformanceView,
): EntityConformance {
  const results: RuleResult[] = [];
  for (const result of conformance.results) {
    const enforcement = enforcementOf(result.rule.id);
    if (enforcement === 'off') continue;
    if (enforcement === 'audit' && view === 'entity') continue;
    results.push(
      enforcement === 'enforce' ? result : { ...result, enforcement },
    );
  }
  const summary = summarize(results);
  const warnings = results.filter(
    r => r.status === 'fail' && r.enforcement,
  ).length;
  return {
    ...conformance,
    // `warn` appears only when a staged rule fails, so summaries without staged rules keep their shape
    summary: {
      ...summary,
      fail: summary.fail - warnings,
      ...(warnings ? { warn: warnings } : {}),
    },
    results,
  };
}
