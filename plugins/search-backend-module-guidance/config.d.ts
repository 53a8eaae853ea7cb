import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** Indexing of Paved Road guidance articles, one document per section. */
      guidance?: {
        /** When to re-index; defaults to every 10 minutes, starting 3 seconds after start-up. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where an article opens in the app, `:id` replaced by the article id; a section's
         * location adds `#<heading-id>`. Defaults to `/guidance/:id`.
         */
        locationTemplate?: string;
        /** How many articles are read from the guidance backend at once. Defaults to 5. */
        parallelism?: number;
      };
    };
  };
}
