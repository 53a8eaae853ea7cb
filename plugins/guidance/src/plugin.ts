import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import type { JSX } from 'react';
import { guidanceApiRef } from './api/GuidanceApi';
import { GuidanceClient } from './api/GuidanceClient';
import { conformanceRouteRef, rootRouteRef } from './routes';
import { loadGuidanceRouter } from './components/GuidanceRouter/pageChunks';
import type { GuidanceSearchResultListItemProps } from './components/GuidanceSearchResultListItem';

/**
 * The guidance plugin for apps on the classic frontend system.
 *
 * @public
 */
export const guidancePlugin = createPlugin({
  id: 'guidance',
  apis: [
    createApiFactory({
      api: guidanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GuidanceClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    conformance: conformanceRouteRef,
  },
});

/**
 * The library and the reader; mount it at `/guidance`.
 *
 * @public
 */
export const GuidancePage: () => JSX.Element = guidancePlugin.provide(
  createRoutableExtension({
    name: 'GuidancePage',
    component: () => loadGuidanceRouter().then(m => m.GuidanceRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Guidance tab for entity pages.
 *
 * @public
 */
export const EntityGuidanceContent: () => JSX.Element = guidancePlugin.provide(
  createComponentExtension({
    name: 'EntityGuidanceContent',
    component: {
      lazy: () =>
        import('./components/EntityGuidanceContent').then(
          m => m.EntityGuidanceContent,
        ),
    },
  }),
);

/**
 * A compact guidance card for an entity's overview.
 *
 * @public
 */
export const EntityGuidanceCard: () => JSX.Element = guidancePlugin.provide(
  createComponentExtension({
    name: 'EntityGuidanceCard',
    component: {
      lazy: () =>
        import('./components/EntityGuidanceCard').then(
          m => m.EntityGuidanceCard,
        ),
    },
  }),
);

/**
 * Renders Backstage search results of type `guidance`.
 *
 * @public
 */
export const GuidanceSearchResultListItem: (
  props: GuidanceSearchResultListItemProps,
) => JSX.Element | null = guidancePlugin.provide(
  createSearchResultListItemExtension({
    name: 'GuidanceSearchResultListItem',
    component: () =>
      import('./components/GuidanceSearchResultListItem').then(
        m => m.GuidanceSearchResultListItem,
      ),
    predicate: result => result.type === 'guidance',
  }),
);
