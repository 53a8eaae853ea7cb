import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Paved Road guidance library. */
  guidance?: {
    /** Article sources, read in order before those modules add. An id defined twice is refused for the later source. */
    sources?: Array<
      | {
          type: 'directory';
          /** Folder of Markdown articles, relative to the backend's working directory or absolute. Watched for changes. */
          path: string;
        }
      | {
          type: 'url';
          /** A folder read through Backstage's UrlReader, e.g. a folder in a Git repository. */
          target: string;
        }
    >;
    /**
     * Days after an article's `reviewed` date at which it is served with `stale: true` and
     * marked "may be out of date". An article without `reviewed` is always stale. Defaults to 365.
     */
    reviewIntervalDays?: number;
    /**
     * Release cycles and their end of life, for article staleness and the `supported-versions`
     * rule. The shipped table serves without any of this (README: its date and sources).
     */
    lifecycle?: {
      /**
       * Base URL of an API in endoflife.date's format (`<url>/<product>.json`), e.g.
       * https://endoflife.date/api. Read through the UrlReader (list its host in
       * backend.reading.allow) on the scheduler; a product it does not answer keeps its rows.
       */
      url?: string;
      /** How often the URL is read. Defaults to every 24 hours. */
      frequency?: HumanDuration;
      /**
       * More cycles, or corrections: an entry replaces the row of the same product and cycle
       * (after any refresh), or adds one.
       */
      products?: Array<{
        /** endoflife.date's product id, e.g. kubernetes, nodejs, go, argo-cd; or your own. */
        product: string;
        /** e.g. "1.34" or "20" */
        cycle: string;
        /** YYYY-MM-DD */
        releaseDate?: string;
        /** YYYY-MM-DD from which the cycle is unsupported; false while it has no date, true when it ended on an unknown day. */
        eol: string | boolean;
        /** Newest release of the cycle, e.g. "1.34.11". */
        latest?: string;
      }>;
    };
    /** Search: which engine answers `/search`, and the built-in engine's vocabulary. */
    search?: {
      /**
       * `builtin` (the default): each replica's in-memory index of the library. `portal`: the
       * portal's own search engine (Lunr, PostgreSQL, Elasticsearch, OpenSearch) over the
       * section documents of `@paved-road/plugin-search-backend-module-guidance`, which must be
       * installed; results keep the same shape and deep links. The vocabulary below applies
       * to `builtin` only.
       */
      engine?: 'builtin' | 'portal';
      /**
       * Words that expand to others when searched, e.g. `k8s: [kubernetes]`. Merged over the
       * shipped defaults; an entry replaces the default for its word, an empty list removes it.
       */
      synonyms?: { [word: string]: string[] };
      /** Words ignored in articles and queries. Replaces the shipped list (English function words). */
      stopWords?: string[];
    };
    refresh?: {
      /**
       * How often URL sources (and sources added by modules without `watch`) are read again.
       * Defaults to 10 minutes. Every replica refreshes its own in-memory library.
       */
      frequency?: HumanDuration;
    };
  };
}
