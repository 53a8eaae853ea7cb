export interface Config {
  app: {
    /** The portal's address, for the article links of the Paved Road checks. */
    baseUrl: string;
  };
}
