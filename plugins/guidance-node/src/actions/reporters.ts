import {
  BackstageCredentials,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';

/**
 * `guidance.conformance.reports.subjects`: the service principals (static tokens) that may push
 * CI reports, and nothing else. The guidance plugin and its modules read it to refuse them.
 *
 * @public
 */
export function readReportSubjects(config: RootConfigService): string[] {
  return (
    config.getOptionalStringArray('guidance.conformance.reports.subjects') ?? []
  );
}

/**
 * Whether these are a CI reporter's credentials: a service principal listed in the config.
 *
 * @public
 */
export function isReporter(
  credentials: BackstageCredentials,
  subjects: ReadonlySet<string>,
): boolean {
  const principal = credentials.principal as {
    type?: string;
    subject?: string;
  };
  return (
    principal?.type === 'service' &&
    typeof principal.subject === 'string' &&
    subjects.has(principal.subject)
  );
}

/**
 * The 403 a reporter's token gets anywhere but the report route.
 *
 * @public
 */
export function reporterRefusedError(): NotAllowedError {
  return new NotAllowedError(
    'A CI report token may only push reports (POST /entities/:kind/:namespace/:name/conformance/reports)',
  );
}

/**
 * The actions registry as seen by guidance actions: each action refuses a reporter's token.
 * (The registry's routes are mounted before the plugin's, so the route guard never sees them.)
 *
 * @public
 */
export function refuseReportersInActions(
  registry: ActionsRegistryService,
  subjects: string[],
): ActionsRegistryService {
  const set = new Set(subjects);
  return {
    register(action) {
      registry.register({
        ...action,
        action: async (context: Parameters<typeof action.action>[0]) => {
          if (isReporter(context.credentials, set))
            throw reporterRefusedError();
          return action.action(context);
        },
      });
    },
  };
}
