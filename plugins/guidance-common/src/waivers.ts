import { RuleResultFinding, RuleStatus, RuleWaiver } from './types';

/**
 * `paved-road.dev/waive.<rule-id>: "<YYYY-MM-DD> <reason>"` in the entity's catalog-info. Read the
 * same way by the conformance service and by `paved-road check` in a pull request.
 *
 * @public
 */
export const WAIVER_ANNOTATION_PREFIX = 'paved-road.dev/waive.';

/**
 * A rule's failure accepted until a date (inclusive), with the reason.
 *
 * @public
 */
export type Waiver = { until: string; reason: string };

/**
 * The waivers an entity declares, and those it declares wrongly (rule id → why ignored).
 *
 * @public
 */
export type WaiverParse = {
  waivers: Map<string, Waiver>;
  invalid: Map<string, string>;
};

/**
 * What a waiver is read from: an entity, or anything with its metadata's annotations.
 *
 * @public
 */
export type WaiverSource = {
  metadata?: { annotations?: Record<string, string> };
};

const WAIVER_VALUE = /^(\d{4}-\d{2}-\d{2})\s+(\S[\s\S]*)$/;

function isRealDate(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/**
 * Reads every waiver an entity declares; a malformed one is reported, never applied.
 *
 * @public
 */
export function readWaivers(entity: WaiverSource): WaiverParse {
  const waivers = new Map<string, Waiver>();
  const invalid = new Map<string, string>();
  for (const [key, raw] of Object.entries(entity.metadata?.annotations ?? {})) {
    if (!key.startsWith(WAIVER_ANNOTATION_PREFIX)) continue;
    const ruleId = key.slice(WAIVER_ANNOTATION_PREFIX.length);
    const match = WAIVER_VALUE.exec(String(raw).trim());
    if (!match || !isRealDate(match[1])) {
      invalid.set(
        ruleId,
        `waiver ignored: ${key} must be "<YYYY-MM-DD> <reason>", got "${raw}"`,
      );
      continue;
    }
    waivers.set(ruleId, { until: match[1], reason: match[2].trim() });
  }
  return { waivers, invalid };
}

/**
 * A waiver holds through its date (inclusive, UTC) and lapses the day after.
 *
 * @public
 */
export function isWaiverActive(waiver: Waiver, now: Date): boolean {
  return now.toISOString().slice(0, 10) <= waiver.until;
}

/**
 * A rule's outcome with the entity's waiver for it applied as of `now`: a failure under an
 * active waiver is `waived`; under a lapsed one it stays a failure, and its first finding says
 * the waiver expired (the waiver comes back with `expired: true`).
 *
 * @public
 */
export function applyWaiver<
  T extends { status: RuleStatus; findings: RuleResultFinding[] },
>(
  result: T,
  waiver: Waiver | undefined,
  now: Date,
): T & { waiver?: RuleWaiver } {
  if (!waiver) return result;
  if (isWaiverActive(waiver, now)) {
    return {
      ...result,
      status: result.status === 'fail' ? 'waived' : result.status,
      waiver: { until: waiver.until, reason: waiver.reason },
    };
  }
  const expired = { until: waiver.until, reason: waiver.reason, expired: true };
  if (result.status !== 'fail') return { ...result, waiver: expired };
  return {
    ...result,
    findings: [
      { message: `waiver expired on ${waiver.until}: ${waiver.reason}` },
      ...result.findings,
    ],
    waiver: expired,
  };
}
