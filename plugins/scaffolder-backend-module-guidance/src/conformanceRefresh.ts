import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';

/** How often and how long to wait for the catalog to have processed a newly registered entity. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * Asks the guidance backend to evaluate an entity's conformance now
 * (`POST /entities/:kind/:namespace/:name/conformance/refresh`, with the scaffolder's own
 * service credentials), instead of leaving it empty until the next scheduled run. Never fails
 * the task: the outcome is logged. Only the status is read: the route answers 202 when queued.
 *
 * A newly registered entity may not be in the catalog yet (404): then it tries again in the
 * background a few times, without holding the task.
 */
export async function requestConformanceRefresh(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Logs what happens after the task has moved on (the task's own log may be closed by then). */
  backgroundLogger?: LoggerService;
  entityRef: string;
  /** Tests shorten the waits. */
  retryDelaysMs?: number[];
}): Promise<{ status: number | 'error'; retrying: boolean }> {
  const { discovery, auth, logger, entityRef } = options;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const attempt = async (): Promise<number | 'error'> => {
    try {
      const baseUrl = await discovery.getBaseUrl('guidance');
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'guidance',
      });
      const response = await fetch(
        `${baseUrl}/entities/${encodeURIComponent(
          kind.toLocaleLowerCase('en-US'),
        )}/${encodeURIComponent(namespace)}/${encodeURIComponent(
          name,
        )}/conformance/refresh`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(30_000),
        },
      );
      // Only the status matters; the body is read and dropped so the connection is freed.
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch (error) {
      logger.warn(
        `Could not ask for a conformance evaluation of ${entityRef}: ${error}`,
      );
      return 'error';
    }
  };
  const report = (status: number | 'error', log = logger) => {
    if (typeof status === 'number' && status >= 200 && status < 300) {
      log.info(`Conformance of ${entityRef} is being evaluated now`);
    } else if (status !== 'error') {
      log.warn(
        `Conformance of ${entityRef} was not refreshed (HTTP ${status}); the next scheduled run evaluates it`,
      );
    }
  };

  const first = await attempt();
  if (first !== 404 || delays.length === 0) {
    report(first);
    return { status: first, retrying: false };
  }
  logger.info(
    `${entityRef} is not in the catalog yet; its conformance is evaluated once the catalog has it`,
  );
  void (async () => {
    let status: number | 'error' = first;
    for (const delay of delays) {
      await new Promise(resolve => setTimeout(resolve, delay));
      status = await attempt();
      if (status !== 404) break;
    }
    report(status, options.backgroundLogger ?? logger);
  })();
  return { status: first, retrying: true };
}
