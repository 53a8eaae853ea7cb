export interface Config {
  guidance?: {
    /** Settings of the guidance:publish:local scaffolder action. */
    publishLocal?: {
      /**
       * Registers guidance:publish:local, which writes Git repositories onto the backend's host.
       * Defaults to false; meant for demos and offline use, not for production.
       */
      enabled?: boolean;
      /**
       * Folder that guidance:publish:local creates repositories in, absolute or relative to the
       * backend's working directory. Defaults to ./local-repos. The action never writes
       * outside it.
       */
      root?: string;
    };
  };
}
