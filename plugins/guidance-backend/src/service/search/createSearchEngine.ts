import type {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ArticleLibrary } from '../ArticleLibrary';
import { BuiltinSearchEngine } from './BuiltinSearchEngine';
import {
  GuidanceSearchEngine,
  readSearchEngineName,
} from './GuidanceSearchEngine';
import { PortalSearchEngine } from './PortalSearchEngine';

/** The engine `guidance.search.engine` names: `builtin` (the default) or `portal`. */
export function createSearchEngine(options: {
  config: RootConfigService;
  discovery: DiscoveryService;
  auth: AuthService;
  library: ArticleLibrary;
}): GuidanceSearchEngine {
  const { config, library } = options;
  const name = readSearchEngineName(
    config.getOptionalString('guidance.search.engine'),
  );
  if (name === 'builtin') {
    return new BuiltinSearchEngine(() => library.snapshot.index);
  }
  return new PortalSearchEngine({
    discovery: options.discovery,
    auth: options.auth,
    summaryOf: id => library.snapshot.articles.get(id)?.summary.summary,
    // the search backend's own limits, read from the same keys it reads
    maxTermLength: config.getOptionalNumber('search.maxTermLength'),
    maxPageLimit: config.getOptionalNumber('search.maxPageLimit'),
  });
}
