import createClient, { Middleware } from 'openapi-fetch';
import { ResponseError } from '@backstage/errors';

/** Where the plugin is and how to fetch; the options of both typed clients. */
type ClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per call: a token for `Authorization: Bearer` and an abort signal. */
type RequestOptions = { token?: string; signal?: AbortSignal };

const PLUGIN_ID = 'guidance';

// Any answer other than success (or 304 for a conditional read) becomes a ResponseError, read
// from Backstage's error body before openapi-fetch would consume it.
const throwResponseErrors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok && response.status !== 304) {
      throw await ResponseError.fromResponse(response);
    }
    return undefined;
  },
};

/**
 * Query strings as browsers and `URLSearchParams` write them (a space is `+`), leaving out
 * parameters that are not set: the form the guidance routes have always been called with.
 */
function formQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') {
        params.append(key, String(item));
      }
    }
  }
  return params.toString();
}

/**
 * An openapi-fetch client over one spec's generated `paths`, shared by the guidance clients:
 * requests go through the given fetchApi and error answers throw `ResponseError`s.
 */
export function createTypedFetchClient<Paths extends {}>(
  options: ClientOptions,
) {
  const fetchApi = options.fetchApi;
  const client = createClient<Paths>({
    querySerializer: formQuery,
    // resolved per call, so a test or an app can swap fetch after construction
    fetch: (request: Request) =>
      fetchApi ? fetchApi.fetch(request) : fetch(request),
  });
  client.use(throwResponseErrors);
  return client;
}

/** The base URL of the guidance plugin (per call: discovery may move it), token and signal. */
export async function requestInit(
  discoveryApi: ClientOptions['discoveryApi'],
  options?: RequestOptions,
) {
  return {
    baseUrl: await discoveryApi.getBaseUrl(PLUGIN_ID),
    headers: options?.token
      ? { Authorization: `Bearer ${options.token}` }
      : ({} as Record<string, string>),
    ...(options?.signal ? { signal: options.signal } : {}),
  };
}
