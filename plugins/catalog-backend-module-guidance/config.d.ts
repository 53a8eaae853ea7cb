import { HumanDuration } from '@backstage/types';

export interface Config {
  guidance?: {
    publishLocal?: {
      /** The catalog discovers repositories only when guidance:publish:local is enabled. */
      enabled?: boolean;
      /** Folder guidance:publish:local writes repositories into; the catalog looks for them there. */
      root?: string;
      /**
       * How often the catalog looks for new or removed repositories under the root.
       * Defaults to every 5 seconds: listing one folder is cheap, and a new service
       * should be in the catalog by the time its template run ends.
       */
      discoveryFrequency?: HumanDuration;
    };
  };
}
