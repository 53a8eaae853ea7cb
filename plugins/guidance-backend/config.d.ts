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
      /**
       * When it runs. Defaults to every 30 minutes, timeout 3 minutes, first run after 15 seconds.
       * The timeout is also how long a crashed replica's lock holds, so keep it short: a run
       * stops starting new evaluations after 60% of it and leaves the rest to the next run.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Bytes one source may hold in all (the files the include globs match). A larger source
       * is reported on its entity as too large instead of evaluated. Defaults to 16 MiB.
       */
      maxSourceBytes?: number;
      /**
       * Objects one source may hold after parsing. Some rules relate objects to each other, so
       * a larger source is reported on its entity as too large instead of evaluated. Defaults
       * to 5,000.
       */
      maxObjects?: number;
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
      /**
       * Staged rules: how much each rule counts, by rule id. `off` hides it; `audit` shows it on
       * the conformance page only; `warn` shows its failures on entities as warnings; `enforce`
       * (the default) fails them. `enforceFrom` (YYYY-MM-DD, UTC) turns an audit or warn rule
       * into an enforced one on that day.
       */
      rules?: {
        [ruleId: string]: {
          enforcement?: 'off' | 'audit' | 'warn' | 'enforce';
          enforceFrom?: string;
        };
      };
      /** Conformance over time: one row per day per entity x rule. */
      history?: {
        /** Days kept; older rows are pruned daily. Defaults to 400. */
        retentionDays?: number;
        /**
         * Demos and browser tests only: after a run, fill this many days before today with
         * history simulated from today's statuses, where those days have none.
         */
        demoSeedDays?: number;
      };
      /** Owners told through Backstage's notifications service. */
      notifications?: {
        /** Defaults to true. */
        enabled?: boolean;
        /** Days before a waiver's date that its owner is told. Defaults to 14. */
        waiverWarningDays?: number;
        /** Days before a staged rule's enforceFrom that owners of failing entities are told. Defaults to 14. */
        enforcementWarningDays?: number;
        /** Owners (entity refs, e.g. group:default/team-a) who get a weekly digest instead. */
        weeklyDigest?: string[];
      };
    };
  };
}
