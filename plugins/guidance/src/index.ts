/**
 * Paved Road guidance in the Backstage portal: the library, the reader, the entity tab and
 * card, and the search result item (classic frontend system; see `/alpha` for the new one).
 *
 * @packageDocumentation
 */
export {
  guidancePlugin,
  GuidancePage,
  EntityGuidanceContent,
  EntityGuidanceCard,
  GuidanceSearchResultListItem,
} from './plugin';
/** Classic apps: render it beside `<AppRouter>` to start a reader's code and article during sign-in. */
export { ReaderPrefetch as GuidancePagePrefetch } from './components/ReaderPrefetch';
export { guidanceApiRef } from './api/GuidanceApi';
export type {
  ConformanceTrendsQuery,
  EntityName,
  GuidanceApi,
} from './api/GuidanceApi';
export { ArticleCache } from './api/articleCache';
export type { CachedArticle } from './api/articleCache';
export { GuidanceClient } from './api/GuidanceClient';
export {
  rootRouteRef as guidanceRouteRef,
  articleRouteRef as guidanceArticleRouteRef,
  conformanceRouteRef as guidanceConformanceRouteRef,
} from './routes';
export type {
  GuidanceSearchDocument,
  GuidanceSearchResultListItemProps,
} from './components/GuidanceSearchResultListItem';
