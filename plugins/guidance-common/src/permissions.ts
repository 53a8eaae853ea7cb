import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Asking for a conformance evaluation of one entity now, outside the schedule. A resource
 * permission on the entity (`catalog-entity`), so a policy can allow it for owners only with
 * the catalog's own conditions (`isEntityOwner`).
 * @public
 */
export const guidanceConformanceRefreshPermission = createPermission({
  name: 'guidance.conformance.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission the guidance plugin defines.
 * @public
 */
export const guidancePermissions = [guidanceConformanceRefreshPermission];
