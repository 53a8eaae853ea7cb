import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** Indexing of Paved Road guidance articles, one document per section. */
      guidance?: {
        /** When to re-index; defaults to every 10 minutes, starting 3 seconds after start-up. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
