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
      /** How often URL sources are read again. Defaults to 10 minutes. */
      frequency?: HumanDuration;
    };
  };
}
