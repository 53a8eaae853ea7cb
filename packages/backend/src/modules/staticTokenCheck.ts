import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';

/** The variable app-config.production.yaml reads each static token from, by its subject. */
const TOKEN_VARIABLES: Record<string, string> = {
  'mcp-client': 'PAVED_ROAD_MCP_TOKEN',
  'ci-reporter': 'PAVED_ROAD_REPORT_TOKEN',
};

/**
 * Stops start-up when a static external access token is missing. app-config.production.yaml
 * reads the MCP clients' token from PAVED_ROAD_MCP_TOKEN and the CI reporters' from
 * PAVED_ROAD_REPORT_TOKEN, without defaults: unset, the entry has no token, and this says which
 * variable to set instead of a bare missing-config error.
 */
export const staticTokenCheck = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  loader({ config }) {
    const entries =
      config.getOptionalConfigArray('backend.auth.externalAccess') ?? [];
    entries.forEach((entry, index) => {
      if (entry.getOptionalString('type') !== 'static') return;
      // an unset variable leaves no value, an empty one an empty string: both mean no token
      const token = entry.getOptional('options.token');
      if (typeof token === 'string' && token.trim() !== '') return;
      const subject = entry.getOptionalString('options.subject') ?? 'unnamed';
      const variable = TOKEN_VARIABLES[subject] ?? 'its variable';
      throw new Error(
        `backend.auth.externalAccess[${index}] (subject ${subject}) has no token: set ${variable} to a long random value (for example: openssl rand -hex 24), or remove the entry. There is no default token.`,
      );
    });
    return [];
  },
});
