import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { SearchResult } from '@paved-road/plugin-guidance-common';

/** One search as the guidance API receives it, already validated. */
export type GuidanceSearchRequest = {
  query: string;
  limit: number;
  /** Who asks: an engine that calls another plugin acts on the caller's behalf. */
  credentials?: BackstageCredentials;
};

/**
 * What answers `GET /search`: ranked articles, each with the section that answers best as its
 * deep link. Staleness is not the engine's business; the service adds it when it answers.
 */
export interface GuidanceSearchEngine {
  search(
    request: GuidanceSearchRequest,
  ): Promise<Omit<SearchResult, 'stale' | 'staleReasons'>[]>;
}

/** The values of `guidance.search.engine`. */
export const SEARCH_ENGINES = ['builtin', 'portal'] as const;
export type SearchEngineName = (typeof SEARCH_ENGINES)[number];

/** Reads `guidance.search.engine`; anything but `builtin` or `portal` is refused at start-up. */
export function readSearchEngineName(
  value: string | undefined,
): SearchEngineName {
  if (value === undefined) return 'builtin';
  if (!(SEARCH_ENGINES as readonly string[]).includes(value)) {
    throw new Error(
      `guidance.search.engine must be one of ${SEARCH_ENGINES.join(
        ', ',
      )}; got "${value}"`,
    );
  }
  return value as SearchEngineName;
}
