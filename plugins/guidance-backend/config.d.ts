import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Paved Road guidance library. */
  guidance?: {
    /** Serve the built-in library of articles. Defaults to true. */
    builtin?: boolean;
    /** More articles, merged with the built-in ones. An id defined twice is refused for the later source. */
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
    /** Search vocabulary: an organisation's own abbreviations and filler words. */
    search?: {
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
    /** Continuous conformance: catalog entities' manifests checked against the rules. */
    conformance?: {
      /** Run the conformance service on the scheduler. Defaults to true. */
      enabled?: boolean;
      /** When it runs. Defaults to every 30 minutes (timeout 10 minutes, first run after 15 seconds). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Globs of the files read from each entity's source, relative to it. Defaults in DESIGN.md -> Conformance. */
      include?: string[];
      /**
       * Folders `file:` source locations may be read from (relative to the backend's working
       * directory, or absolute). A `file:` location anywhere else is refused. Defaults to none.
       */
      localRoots?: string[];
      /** Entity kinds that are evaluated. Defaults to ["Component"]. */
      kinds?: string[];
      /** How many sources are read at once. Defaults to 4. */
      concurrency?: number;
    };
  };
}
