export interface Config {
  guidance?: {
    /** Settings of the publish:local scaffolder action. */
    publishLocal?: {
      /**
       * Folder that publish:local creates repositories in, absolute or relative to the
       * backend's working directory. Defaults to ./local-repos.
       */
      root?: string;
    };
  };
}
