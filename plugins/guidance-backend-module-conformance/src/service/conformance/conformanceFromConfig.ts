import { isAbsolute, resolve } from 'path';
import {
  AuthService,
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  LifecycleService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GuidanceLibraryExtensionPoint } from '@paved-road/plugin-guidance-node';
import { RuleRegistry } from '../rules';
import { ConformanceService } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ConformanceTrends } from './ConformanceTrends';
import { RuleEnforcement } from './enforcement';
import { ManifestReader } from './ManifestReader';

/** The conformance service as `guidance.conformance` configures it. */
export function conformanceServiceFromConfig(options: {
  conformanceConfig?: Config;
  store: ConformanceStore;
  enforcement: RuleEnforcement;
  rules: RuleRegistry;
  library: GuidanceLibraryExtensionPoint;
  urlReader: UrlReaderService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): ConformanceService {
  const { conformanceConfig, rules, library } = options;
  return new ConformanceService({
    store: options.store,
    enforcement: options.enforcement,
    reader: new ManifestReader({
      urlReader: options.urlReader,
      localRoots: (
        conformanceConfig?.getOptionalStringArray('localRoots') ?? []
      ).map(root => (isAbsolute(root) ? root : resolve(root))),
      include: conformanceConfig?.getOptionalStringArray('include'),
      maxSourceBytes: conformanceConfig?.getOptionalNumber('maxSourceBytes'),
    }),
    catalog: options.catalog,
    auth: options.auth,
    logger: options.logger.child({ task: 'conformance' }),
    rules: () => rules.getRules(),
    parse: (files, parseOptions) => rules.parse(files, parseOptions),
    maxObjects: conformanceConfig?.getOptionalNumber('maxObjects'),
    articles: () => library.articles(),
    concurrency: conformanceConfig?.getOptionalNumber('concurrency'),
    kinds: conformanceConfig?.getOptionalStringArray('kinds'),
  });
}

/**
 * The scheduled run over the catalog (unless `guidance.conformance.enabled` is false), and the
 * history tasks after it.
 */
export function scheduleConformanceRuns(options: {
  conformanceConfig?: Config;
  conformance: ConformanceService;
  trends: ConformanceTrends;
  lifecycle: LifecycleService;
  scheduler: SchedulerService;
}) {
  const { conformanceConfig, conformance, trends, scheduler } = options;
  if (!(conformanceConfig?.getOptionalBoolean('enabled') ?? true)) return;
  const schedule = conformanceConfig?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        conformanceConfig.getConfig('schedule'),
      )
    : {
        frequency: { minutes: 30 },
        // a crashed replica's lock holds this long: short, so another resumes soon
        timeout: { minutes: 3 },
        initialDelay: { seconds: 15 },
      };
  // stop starting evaluations well before the timeout; the rest go first next run
  const budgetMs = Math.round(durationToMilliseconds(schedule.timeout) * 0.6);
  // Scheduled once the guidance plugin has started: the run links results to the
  // library, which the plugin loads in its init, after this module's.
  options.lifecycle.addStartupHook(async () => {
    // results live in the database, so one replica runs it for all
    await scheduler.scheduleTask({
      id: 'guidance-conformance',
      scope: 'global',
      ...schedule,
      fn: async () => {
        await conformance.runAll({ budgetMs });
        await trends.afterRun();
      },
    });
    await trends.schedule(scheduler);
  });
}
