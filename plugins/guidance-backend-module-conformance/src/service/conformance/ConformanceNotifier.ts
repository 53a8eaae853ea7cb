import { Knex } from 'knex';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { isWaiverActive } from '@paved-road/plugin-guidance-common';
import { StoredEntityWithResults } from './ConformanceStore';
import { HistoryTransition } from './ConformanceHistory';
import { RuleEnforcement, dayOf, daysBetween } from './enforcement';

const SENT = 'guidance_conformance_notifications';

/** Why an owner hears from conformance. */
export type NotificationReason =
  | 'regression'
  | 'waiver-expiring'
  | 'waiver-expired'
  | 'enforcement-soon';

export type NotifierSettings = {
  enabled: boolean;
  /** Days before a waiver's date that its owner is told. Defaults to 14. */
  waiverWarningDays: number;
  /** Days before a staged rule's `enforceFrom` that owners of failing entities are told. Defaults to 14. */
  enforcementWarningDays: number;
  /** Owners (entity refs) who get one weekly digest instead of each notification. */
  weeklyDigest: Set<string>;
};

/** `guidance.conformance.notifications`, with its defaults. */
export function readNotifierSettings(
  conformanceConfig: Config | undefined,
): NotifierSettings {
  const c = conformanceConfig?.getOptionalConfig('notifications');
  const days = (key: string) => {
    const value = c?.getOptionalNumber(key) ?? 14;
    if (!Number.isInteger(value) || value < 0 || value > 365) {
      throw new Error(
        `guidance.conformance.notifications.${key} must be a whole number of days from 0 to 365, got ${value}`,
      );
    }
    return value;
  };
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    waiverWarningDays: days('waiverWarningDays'),
    enforcementWarningDays: days('enforcementWarningDays'),
    weeklyDigest: new Set(
      (c?.getOptionalStringArray('weeklyDigest') ?? []).map(ref =>
        normalizeOwner(ref),
      ),
    ),
  };
}

function normalizeOwner(ref: string) {
  const parsed = parseEntityRef(ref, {
    defaultKind: 'group',
    defaultNamespace: 'default',
  });
  return `${parsed.kind.toLocaleLowerCase('en-US')}:${parsed.namespace}/${
    parsed.name
  }`;
}

/** Something an owner should hear about, once. */
export type ConformanceEvent = {
  entityRef: string;
  ruleId: string;
  owner: string;
  reason: NotificationReason;
  /** Tells one occasion from the next: the regression's day, the waiver's or enforceFrom's date. */
  occasion: string;
  message: string;
};

type SentRow = {
  entity_ref: string;
  rule_id: string;
  reason: string;
  occasion: string;
  owner: string;
  message: string;
  created_at: string;
  sent_at: string | null;
};

const TITLES: Record<NotificationReason, string> = {
  regression: 'now fails',
  'waiver-expiring': 'waiver expires soon',
  'waiver-expired': 'waiver expired',
  'enforcement-soon': 'rule will be enforced soon',
};

/**
 * Tells owners, through Backstage's notifications service, when an entity regresses on a rule,
 * when a waiver is about to lapse or has lapsed, and before a staged rule is enforced. Each
 * entity x rule x reason x occasion is told once: the table of what was sent decides.
 */
export class ConformanceNotifier {
  constructor(
    private readonly options: {
      knex: Knex;
      notifications: NotificationService;
      enforcement: RuleEnforcement;
      settings: NotifierSettings;
      logger: LoggerService;
      /** Where the app is, for links; none when unset. */
      appBaseUrl?: string;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** The events a run gives rise to: its status changes and the stored results' dates. */
  events(
    transitions: HistoryTransition[],
    stored: StoredEntityWithResults[],
  ): ConformanceEvent[] {
    const { enforcement, settings } = this.options;
    const now = this.now();
    const today = dayOf(now);
    // staged rules in `audit` are not shown on entities: their owners are not told either
    const shown = (ruleId: string) =>
      ['warn', 'enforce'].includes(enforcement.of(ruleId, now));
    const events: ConformanceEvent[] = [];
    for (const t of transitions) {
      if (t.from !== 'pass' || t.status !== 'fail' || !t.owner) continue;
      if (!shown(t.ruleId)) continue;
      events.push({
        entityRef: t.entityRef,
        ruleId: t.ruleId,
        owner: t.owner,
        reason: 'regression',
        occasion: today,
        message: `${t.entityRef} passed rule ${t.ruleId} and now fails it.`,
      });
    }
    const upcoming = enforcement
      .upcoming(now)
      .filter(u => u.days <= settings.enforcementWarningDays);
    for (const entity of stored) {
      if (!entity.owner) continue;
      for (const row of entity.results) {
        const base = {
          entityRef: entity.entityRef,
          ruleId: row.ruleId,
          owner: entity.owner,
        };
        if (row.waiver && row.status === 'fail' && shown(row.ruleId)) {
          const { until, reason } = row.waiver;
          if (!isWaiverActive(row.waiver, now)) {
            events.push({
              ...base,
              reason: 'waiver-expired',
              occasion: until,
              message: `The waiver of rule ${row.ruleId} on ${entity.entityRef} expired on ${until} ("${reason}"): the rule fails again.`,
            });
          } else if (daysBetween(today, until) <= settings.waiverWarningDays) {
            events.push({
              ...base,
              reason: 'waiver-expiring',
              occasion: until,
              message: `The waiver of rule ${row.ruleId} on ${entity.entityRef} expires on ${until} ("${reason}"); the rule still fails.`,
            });
          }
        }
        const staged = upcoming.find(u => u.ruleId === row.ruleId);
        if (
          staged &&
          row.status === 'fail' &&
          !(row.waiver && isWaiverActive(row.waiver, now))
        ) {
          events.push({
            ...base,
            reason: 'enforcement-soon',
            occasion: staged.enforceFrom,
            message: `Rule ${row.ruleId} is enforced from ${staged.enforceFrom} (in ${staged.days} days) and ${entity.entityRef} fails it.`,
          });
        }
      }
    }
    return events;
  }

  /**
   * Records the events not told before and sends them, except to owners on the weekly digest,
   * whose events wait for `sendDigests`. Returns how many were sent now.
   */
  async notify(events: ConformanceEvent[]): Promise<number> {
    if (!this.options.settings.enabled || events.length === 0) return 0;
    const { knex, settings } = this.options;
    const fresh = await this.unseen(events);
    const createdAt = this.now().toISOString();
    let sent = 0;
    for (const event of fresh) {
      await knex(SENT)
        .insert({
          entity_ref: event.entityRef,
          rule_id: event.ruleId,
          reason: event.reason,
          occasion: event.occasion,
          owner: event.owner,
          message: event.message,
          created_at: createdAt,
          sent_at: null,
        })
        .onConflict(['entity_ref', 'rule_id', 'reason', 'occasion'])
        .ignore();
      if (settings.weeklyDigest.has(event.owner)) continue;
      if (await this.send(event)) sent += 1;
    }
    return sent;
  }

  /** The events with no row yet. */
  private async unseen(events: ConformanceEvent[]) {
    const key = (e: {
      entityRef: string;
      ruleId: string;
      reason: string;
      occasion: string;
    }) => [e.entityRef, e.ruleId, e.reason, e.occasion].join('\n');
    const seen = new Set<string>();
    const refs = [...new Set(events.map(e => e.entityRef))];
    for (let i = 0; i < refs.length; i += 100) {
      const rows: SentRow[] = await this.options
        .knex(SENT)
        .whereIn('entity_ref', refs.slice(i, i + 100));
      for (const r of rows) {
        seen.add(
          key({
            entityRef: r.entity_ref,
            ruleId: r.rule_id,
            reason: r.reason,
            occasion: r.occasion,
          }),
        );
      }
    }
    const unique = new Map<string, ConformanceEvent>();
    for (const e of events) if (!seen.has(key(e))) unique.set(key(e), e);
    return [...unique.values()];
  }

  private link(entityRef: string) {
    const base = this.options.appBaseUrl;
    if (!base) return undefined;
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `${base.replace(
      /\/$/,
      '',
    )}/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
  }

  private async send(event: ConformanceEvent): Promise<boolean> {
    try {
      const link = this.link(event.entityRef);
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: event.owner },
        payload: {
          title: `${event.entityRef}: ${TITLES[event.reason]} (${
            event.ruleId
          })`,
          description: event.message,
          ...(link ? { link } : {}),
          severity:
            event.reason === 'regression' || event.reason === 'waiver-expired'
              ? 'high'
              : 'normal',
          topic: 'conformance',
          scope: `guidance-conformance:${event.entityRef}:${event.ruleId}:${event.reason}:${event.occasion}`,
        },
      });
    } catch (error) {
      // at most once: the row stays unsent and is not retried, so an outage never floods owners later
      this.options.logger.warn(
        `Could not send the conformance notification for ${event.entityRef} ${event.ruleId} (${event.reason}): ${error}`,
      );
      return false;
    }
    await this.markSent([event]);
    return true;
  }

  private async markSent(events: ConformanceEvent[]) {
    const sentAt = this.now().toISOString();
    for (const e of events) {
      await this.options
        .knex(SENT)
        .where({
          entity_ref: e.entityRef,
          rule_id: e.ruleId,
          reason: e.reason,
          occasion: e.occasion,
        })
        .update({ sent_at: sentAt });
    }
  }

  /** One notification per digest owner with everything that waited for it; returns how many went. */
  async sendDigests(): Promise<number> {
    const { knex, notifications, settings } = this.options;
    if (!settings.enabled || settings.weeklyDigest.size === 0) return 0;
    const rows: SentRow[] = await knex(SENT)
      .whereNull('sent_at')
      .whereIn('owner', [...settings.weeklyDigest])
      .orderBy(['owner', 'entity_ref', 'rule_id']);
    const byOwner = new Map<string, SentRow[]>();
    for (const row of rows) {
      byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row]);
    }
    let sent = 0;
    for (const [owner, list] of byOwner) {
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: {
          title: `Conformance this week: ${list.length} item${
            list.length === 1 ? '' : 's'
          } for ${owner}`,
          description: list.map(r => `• ${r.message}`).join('\n'),
          severity: 'normal',
          topic: 'conformance',
          scope: `guidance-conformance-digest:${owner}:${dayOf(this.now())}`,
        },
      });
      await this.markSent(
        list.map(r => ({
          entityRef: r.entity_ref,
          ruleId: r.rule_id,
          owner: r.owner,
          reason: r.reason as NotificationReason,
          occasion: r.occasion,
          message: r.message,
        })),
      );
      sent += 1;
    }
    return sent;
  }
}
