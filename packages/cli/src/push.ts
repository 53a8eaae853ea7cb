import { UsageError } from './errors';
import { CheckReport } from './report';

/** Where and as what a check's report is pushed: `--report-ref` and its companions. */
export type ReportTarget = {
  /** The portal's backend base URL. */
  url: string;
  /** A service token listed in the portal's guidance.conformance.reports.subjects. */
  token: string;
  /** `kind:namespace/name` of the catalog entity the repository belongs to. */
  entity: { kind: string; namespace: string; name: string };
  ref: string;
  /** The pull request or CI run, for the link in the portal. */
  link?: string;
  title?: string;
  commit?: string;
};

/** `component:default/orders`, `orders` (a Component in default) or `api:orders`. */
export function parseEntityRef(value: string): ReportTarget['entity'] {
  const match =
    /^(?:([A-Za-z0-9._-]+):)?(?:([A-Za-z0-9._-]+)\/)?([A-Za-z0-9._-]+)$/.exec(
      value,
    );
  if (!match) {
    throw new UsageError(
      `--entity must be an entity ref such as component:default/orders, got "${value}"`,
    );
  }
  return {
    kind: (match[1] ?? 'component').toLowerCase(),
    namespace: match[2] ?? 'default',
    name: match[3],
  };
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `POST <portal>/api/guidance/entities/:kind/:namespace/:name/conformance/reports`: the
 * results of this check for the ref. Resolves to what the portal stored.
 */
export async function pushReport(
  report: CheckReport,
  target: ReportTarget,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<{ entityRef: string; ref: string }> {
  const { kind, namespace, name } = target.entity;
  const endpoint = new URL(
    `api/guidance/entities/${[kind, namespace, name]
      .map(encodeURIComponent)
      .join('/')}/conformance/reports`,
    `${target.url}/`,
  ).toString();
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        ref: target.ref,
        results: report.results,
        ...(target.link ? { url: target.link } : {}),
        ...(target.title ? { title: target.title } : {}),
        ...(target.commit ? { commit: target.commit } : {}),
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message;
    throw new UsageError(
      `could not push the report to ${endpoint}: ${
        cause ?? (error as Error).message
      }`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  if (response.status !== 201) {
    const said =
      isObject(body) && isObject(body.error) && body.error.message
        ? `: ${body.error.message}`
        : '';
    const status = `${response.status} ${response.statusText}`.trim();
    const hint =
      response.status === 401 || response.status === 403
        ? '; pass a report token the portal lists with --report-token or PAVED_ROAD_REPORT_TOKEN'
        : '';
    throw new UsageError(
      `the portal did not take the report (${status})${said}${hint}`,
    );
  }
  return {
    entityRef: isObject(body) ? String(body.entityRef) : `${kind}:${name}`,
    ref: target.ref,
  };
}
