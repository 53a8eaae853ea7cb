import {
  ApiBlueprint,
  AppRootElementBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { Entity } from '@backstage/catalog-model';
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import { guidanceApiRef } from './api/GuidanceApi';
import { GuidanceClient } from './api/GuidanceClient';
import { articleRouteRef, conformanceRouteRef, rootRouteRef } from './routes';
import { ReaderPrefetch } from './components/ReaderPrefetch';
import { loadGuidanceRouter } from './components/GuidanceRouter/pageChunks';

// The same route refs as the classic plugin, seen through the new system's types, so that
// components resolve links the same way in both systems.
const routes = convertLegacyRouteRefs({
  root: rootRouteRef,
  article: articleRouteRef,
  conformance: conformanceRouteRef,
});

// Guidance is about things that get built and run, not people or catalog plumbing
const GUIDED_KINDS = ['component', 'resource', 'system', 'api', 'domain'];
const isGuidedEntity = (entity: Entity) =>
  GUIDED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));

/**
 * The guidance API (`guidanceApiRef`), a `GuidanceClient` on the app's discovery and fetch APIs.
 * @alpha
 */
export const guidanceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: guidanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GuidanceClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The library, the reader and the conformance page, at `/guidance`.
 * @alpha
 */
export const guidancePage = PageBlueprint.make({
  params: {
    path: '/guidance',
    title: 'Guidance',
    icon: <LibraryBooksIcon fontSize="inherit" />,
    routeRef: routes.root,
    // the library and the reader draw their own Backstage header
    noHeader: true,
    loader: () => loadGuidanceRouter().then(m => <m.GuidanceRouter />),
  },
});

/**
 * At the app's root, before sign-in completes: when the page being loaded is the reader (or
 * another guidance page), its code and the article start loading at once, in parallel with
 * signing in and the app's own start-up. Renders nothing.
 *
 * @alpha
 */
export const guidancePagePrefetch = AppRootElementBlueprint.make({
  name: 'page-prefetch',
  params: { element: <ReaderPrefetch /> },
});

/**
 * The Guidance tab on entity pages: linked and suggested articles with their reasons, and the
 * entity's conformance.
 * @alpha
 */
export const guidanceEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'guidance',
    title: 'Guidance',
    filter: isGuidedEntity,
    loader: () =>
      import('./components/EntityGuidanceContent').then(m => (
        <m.EntityGuidanceContent />
      )),
  },
});

/**
 * A compact card of the entity's guidance for its overview page.
 * @alpha
 */
export const guidanceEntityCard = EntityCardBlueprint.make({
  params: {
    // a compact list: it sits with the About card in the overview's side column
    type: 'info',
    filter: isGuidedEntity,
    loader: () =>
      import('./components/EntityGuidanceCard').then(m => (
        <m.EntityGuidanceCard />
      )),
  },
});

/**
 * Renders Backstage search results of type `guidance`: an article section, deep-linked.
 * @alpha
 */
export const guidanceSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    icon: <LibraryBooksIcon />,
    predicate: result => result.type === 'guidance',
    component: () =>
      import('./components/GuidanceSearchResultListItem').then(
        m => m.GuidanceSearchResultListItem,
      ),
  },
});

/** A "Guidance" entry in the search page's result type filter. @alpha */
export const guidanceSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'guidance',
  params: {
    value: 'guidance',
    name: 'Guidance',
    icon: <LibraryBooksIcon />,
  },
});

/**
 * The guidance plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'guidance',
  title: 'Guidance',
  icon: <LibraryBooksIcon fontSize="inherit" />,
  routes,
  extensions: [
    guidanceApi,
    guidancePage,
    guidancePagePrefetch,
    guidanceEntityContent,
    guidanceEntityCard,
    guidanceSearchResultListItem,
    guidanceSearchResultType,
  ],
});
