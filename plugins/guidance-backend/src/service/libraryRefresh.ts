import {
  LifecycleService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { ArticleSource } from '@paved-road/plugin-guidance-node';
import { ArticleLibrary } from './ArticleLibrary';
import { LifecycleData, readLifecycleConfig } from './lifecycle/LifecycleData';

/** The end-of-life table, refreshed on a schedule when it comes from a URL. */
export async function startLifecycleData(options: {
  config: Config;
  urlReader: UrlReaderService;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<LifecycleData> {
  const { config, urlReader, logger, scheduler } = options;
  const lifecycleSettings = readLifecycleConfig(config);
  const lifecycleData = new LifecycleData({
    settings: lifecycleSettings,
    urlReader,
    logger: logger.child({ task: 'lifecycle' }),
  });
  if (lifecycleSettings.url) {
    await scheduler.scheduleTask({
      id: 'guidance-refresh-lifecycle',
      frequency: lifecycleSettings.frequency,
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
      // the table lives in each replica's memory
      scope: 'local',
      fn: () => lifecycleData.refresh(),
    });
  }
  return lifecycleData;
}

/** Reloads a watched source when it changes, and the polled ones on a schedule. */
export async function keepLibraryFresh(options: {
  library: ArticleLibrary;
  watched: ArticleSource[];
  polled: ArticleSource[];
  config: Config;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
}) {
  const { library, watched, polled, config, scheduler, lifecycle } = options;
  const stops = watched.map(source =>
    source.watch!(() => library.reload([source])),
  );
  lifecycle.addShutdownHook(() => stops.forEach(stop => stop()));

  if (polled.length > 0) {
    const frequency = config.has('guidance.refresh.frequency')
      ? readDurationFromConfig(config.getConfig('guidance.refresh.frequency'))
      : { minutes: 10 };
    await scheduler.scheduleTask({
      id: 'guidance-refresh-url-sources',
      frequency,
      timeout: { minutes: 5 },
      initialDelay: frequency,
      // The library lives in each replica's memory, so every replica refreshes its own.
      scope: 'local',
      fn: () => library.reload(polled),
    });
  }
}
