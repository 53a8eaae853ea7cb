import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  guidance?: {
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
      /** Globs of the files read from each entity's source, relative to it. Defaults: DEFAULT_CONFORMANCE_INCLUDE in @paved-road/plugin-guidance-node. */
      include?: string[];
      /**
       * Folders `file:` source locations may be read from (relative to the backend's working
       * directory, or absolute). A `file:` location anywhere else is refused. Defaults to none.
       */
      localRoots?: string[];
      /** Entity kinds that are evaluated. Defaults to ["Component"]. */
      kinds?: string[];
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
      /** CI reports: `paved-road check --report-ref` pushing to `POST …/conformance/reports`. */
      reports?: {
        /**
         * Subjects of the service principals (`backend.auth.externalAccess` entries) that may
         * push reports. Such a token is refused on every other guidance route and action; give
         * its externalAccess entry `accessRestrictions: [{ plugin: guidance }]` so that no other
         * plugin takes it either.
         */
        subjects?: string[];
      };
      /** How many sources are read at once. Defaults to 4. */
      concurrency?: number;
    };
    actions?: {
      /**
       * Let service callers (not only signed-in users) run the actions that read the catalog,
       * such as get-entity-conformance. Defaults to false.
       */
      serviceCatalogAccess?: boolean;
    };
  };
}
