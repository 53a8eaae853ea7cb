import {
  RuleResultFinding,
  applyWaiver,
} from '@paved-road/plugin-guidance-common';
import { StoredEntityWithResults } from './ConformanceStore';
import { HistoryEntry } from './ConformanceHistory';

/** `GET /conformance/preview?rule=`: who would fail the rule if it were enforced today. */
export type RulePreview = {
  rule: string;
  entities: {
    entityRef: string;
    owner: string | null;
    findings: RuleResultFinding[];
  }[];
};

/**
 * The entities among `stored` that fail `ruleId` today, waivers applied: what enforcing it
 * would turn red, whatever its enforcement is now.
 */
export function previewRule(
  ruleId: string,
  stored: StoredEntityWithResults[],
  now: Date,
): RulePreview {
  const entities: RulePreview['entities'] = [];
  for (const entity of stored) {
    const row = entity.results.find(r => r.ruleId === ruleId);
    if (!row) continue;
    const result = applyWaiver(
      { status: row.status, findings: row.findings },
      row.waiver,
      now,
    );
    if (result.status !== 'fail') continue;
    entities.push({
      entityRef: entity.entityRef,
      owner: entity.owner ?? null,
      findings: result.findings,
    });
  }
  entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  return { rule: ruleId, entities };
}

/** Every stored entity x rule's status as of `now` (waivers applied): one day of history. */
export function historyEntries(
  stored: StoredEntityWithResults[],
  now: Date,
  isRecorded: (ruleId: string) => boolean,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const entity of stored) {
    for (const row of entity.results) {
      if (row.status === 'not-applicable' || !isRecorded(row.ruleId)) continue;
      const { status } = applyWaiver(
        { status: row.status, findings: row.findings },
        row.waiver,
        now,
      );
      entries.push({
        entityRef: entity.entityRef,
        ruleId: row.ruleId,
        ...(entity.owner ? { owner: entity.owner } : {}),
        status: status as HistoryEntry['status'],
      });
    }
  }
  return entries;
}
