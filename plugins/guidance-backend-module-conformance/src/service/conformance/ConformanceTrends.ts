import { Config } from '@backstage/config';
import {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ConformanceStore } from './ConformanceStore';
import { ConformanceHistory } from './ConformanceHistory';
import {
  ConformanceNotifier,
  readNotifierSettings,
} from './ConformanceNotifier';
import { RuleEnforcement, dayOf } from './enforcement';
import { historyEntries } from './rulePreview';
import { seedDemoHistory } from './demoHistory';

/** Days of history kept when config does not say. */
export const DEFAULT_RETENTION_DAYS = 400;

export function readRetentionDays(conformanceConfig: Config | undefined) {
  const days =
    conformanceConfig?.getOptionalNumber('history.retentionDays') ??
    DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(
      `guidance.conformance.history.retentionDays must be a whole number from 1 to 3650, got ${days}`,
    );
  }
  return days;
}

/** `history.demoSeedDays`: for demos and browser tests only. */
function readDemoSeedDays(conformanceConfig: Config | undefined) {
  const days = conformanceConfig?.getOptionalNumber('history.demoSeedDays');
  if (days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 1 || days > DEFAULT_RETENTION_DAYS) {
    throw new Error(
      `guidance.conformance.history.demoSeedDays must be a whole number from 1 to ${DEFAULT_RETENTION_DAYS}, got ${days}`,
    );
  }
  return days;
}

export type AfterRunStats = {
  recorded: number;
  changed: number;
  notified: number;
};

/**
 * What follows each conformance run: the day's statuses go into the history, and owners are
 * told what changed. Also schedules the history's pruning and the weekly digests.
 */
export class ConformanceTrends {
  static async create(options: {
    database: DatabaseService;
    store: ConformanceStore;
    conformanceConfig?: Config;
    enforcement: RuleEnforcement;
    notifications?: NotificationService;
    logger: LoggerService;
    appBaseUrl?: string;
    now?: () => Date;
  }): Promise<ConformanceTrends> {
    // the store ran the migrations: the history tables are there
    const knex = await options.database.getClient();
    const settings = readNotifierSettings(options.conformanceConfig);
    const notifier = options.notifications
      ? new ConformanceNotifier({
          knex,
          notifications: options.notifications,
          enforcement: options.enforcement,
          settings,
          logger: options.logger,
          appBaseUrl: options.appBaseUrl,
          now: options.now,
        })
      : undefined;
    return new ConformanceTrends(
      options.store,
      new ConformanceHistory(knex),
      options.enforcement,
      readRetentionDays(options.conformanceConfig),
      options.logger,
      notifier,
      options.now ?? (() => new Date()),
      readDemoSeedDays(options.conformanceConfig),
    );
  }

  private constructor(
    private readonly store: ConformanceStore,
    readonly history: ConformanceHistory,
    readonly enforcement: RuleEnforcement,
    readonly retentionDays: number,
    private readonly logger: LoggerService,
    readonly notifier: ConformanceNotifier | undefined,
    readonly now: () => Date,
    private readonly demoSeedDays?: number,
  ) {}

  /** Records today's statuses of every stored entity x rule and notifies owners. */
  async afterRun(): Promise<AfterRunStats> {
    const now = this.now();
    const stored = await this.store.getEntitiesWithResults();
    const entries = historyEntries(
      stored,
      now,
      ruleId => this.enforcement.of(ruleId, now) !== 'off',
    );
    const transitions = await this.history.record(dayOf(now), entries);
    if (this.demoSeedDays) {
      const seeded = await seedDemoHistory(this.history, entries, {
        days: this.demoSeedDays,
        now,
      });
      if (seeded > 0) {
        this.logger.warn(
          `Conformance history: ${seeded} simulated rows written for the ${this.demoSeedDays} days before today (guidance.conformance.history.demoSeedDays: demo only)`,
        );
      }
    }
    const notified = this.notifier
      ? await this.notifier.notify(this.notifier.events(transitions, stored))
      : 0;
    const stats = {
      recorded: entries.length,
      changed: transitions.length,
      notified,
    };
    this.logger.info(
      `Conformance history: ${stats.recorded} statuses recorded for ${dayOf(
        now,
      )}, ${stats.changed} changed, ${stats.notified} notifications sent`,
    );
    return stats;
  }

  async prune(): Promise<number> {
    const removed = await this.history.prune(
      dayOf(this.now()),
      this.retentionDays,
    );
    this.logger.info(
      `Conformance history: ${removed} rows older than ${this.retentionDays} days removed`,
    );
    return removed;
  }

  /** Pruning once a day and the weekly digests (Mondays 08:00 UTC); the database is shared, so one replica runs them. */
  async schedule(scheduler: SchedulerService) {
    await scheduler.scheduleTask({
      id: 'guidance-conformance-history-prune',
      scope: 'global',
      frequency: { hours: 24 },
      timeout: { minutes: 5 },
      initialDelay: { minutes: 5 },
      fn: async () => {
        await this.prune();
      },
    });
    if (this.notifier) {
      const notifier = this.notifier;
      await scheduler.scheduleTask({
        id: 'guidance-conformance-weekly-digest',
        scope: 'global',
        frequency: { cron: '0 8 * * 1' },
        timeout: { minutes: 5 },
        fn: async () => {
          await notifier.sendDigests();
        },
      });
    }
  }
}
