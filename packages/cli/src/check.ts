import {
  RuleSummary,
  ValidateResponse,
} from '@paved-road/plugin-guidance-common';
import {
  BUILTIN_RULES,
  GuidanceRule,
  evaluateRules,
  parseManifests,
  toResultFinding,
} from '@paved-road/plugin-guidance-node';
import { UsageError } from './errors';
import { CheckResult } from './report';
import { CheckSource } from './sources';

/**
 * A built-in rule as the API names it. Offline there is no library to read titles from, so the
 * article and heading are named by their ids (the portal answers with their titles).
 */
function localSummary(rule: GuidanceRule): RuleSummary {
  const section = rule.article.section;
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    article: {
      id: rule.article.id,
      title: rule.article.id,
      ...(section ? { section: { id: section, text: section } } : {}),
    },
  };
}

/** The built-in rules over one source, on this machine. */
export function checkLocally(
  source: CheckSource,
  rules: GuidanceRule[] = BUILTIN_RULES,
): CheckResult[] {
  // without a lifecycle the rules judge versions by the shipped table, today
  const input = parseManifests(source.files);
  return evaluateRules(rules, input).map(evaluation => ({
    rule: localSummary(evaluation.rule),
    status: evaluation.status,
    findings: evaluation.findings.map(toResultFinding),
  }));
}

export type PortalOptions = {
  /** The portal's backend base URL, e.g. https://backstage.example.com */
  url: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isValidateResponse(body: unknown): body is ValidateResponse {
  return (
    isObject(body) &&
    Array.isArray(body.results) &&
    body.results.every(
      (r: unknown) =>
        isObject(r) &&
        isObject(r.rule) &&
        typeof r.rule.id === 'string' &&
        typeof r.status === 'string' &&
        Array.isArray(r.findings),
    )
  );
}

/** `POST <portal>/api/guidance/validate`: the portal's rules (built-in and its own) over the files. */
export async function checkWithPortal(
  source: CheckSource,
  options: PortalOptions,
): Promise<CheckResult[]> {
  const endpoint = new URL(
    'api/guidance/validate',
    options.url.endsWith('/') ? options.url : `${options.url}/`,
  ).toString();
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ files: source.files }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message;
    throw new UsageError(
      `could not reach the portal at ${endpoint}: ${
        cause ?? (error as Error).message
      }`,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const said =
      isObject(body) && isObject(body.error) && body.error.message
        ? `: ${body.error.message}`
        : '';
    const status = `${response.status} ${response.statusText}`.trim();
    if (response.status === 401 || response.status === 403) {
      throw new UsageError(
        `the portal refused the token (${status})${said}; pass a valid one with --token or PAVED_ROAD_TOKEN`,
      );
    }
    if (response.status === 413) {
      throw new UsageError(
        `the portal takes fewer files in one check (${status})${said}; check the folders one by one, or without --portal`,
      );
    }
    throw new UsageError(
      `the portal answered ${status} to POST ${endpoint}${said}`,
    );
  }
  if (!isValidateResponse(body)) {
    throw new UsageError(
      `the portal's answer from ${endpoint} is not a validation result: is ${options.url} a Paved Road portal's backend?`,
    );
  }
  return body.results;
}
