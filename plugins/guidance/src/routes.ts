import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The guidance library, `/guidance` by default.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'guidance' });

/**
 * One article in the reader, `/guidance/:id`.
 *
 * @public
 */
export const articleRouteRef = createSubRouteRef({
  id: 'guidance/article',
  parent: rootRouteRef,
  path: '/:id',
});

/**
 * Conformance of every service, by owner and by rule: `/guidance/conformance`.
 *
 * @public
 */
export const conformanceRouteRef = createSubRouteRef({
  id: 'guidance/conformance',
  parent: rootRouteRef,
  path: '/conformance',
});
