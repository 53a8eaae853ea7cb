export interface Config {
  guidance?: {
    /**
     * Serve the built-in library of articles this module adds. Defaults to true; false keeps
     * the module installed but adds nothing.
     */
    builtin?: boolean;
  };
}
