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
    refresh?: {
      /**
       * How often URL sources (and sources added by modules without `watch`) are read again.
       * Defaults to 10 minutes. Every replica refreshes its own in-memory library.
       */
      frequency?: HumanDuration;
    };
  };
}
