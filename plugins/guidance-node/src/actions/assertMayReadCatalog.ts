import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';

/**
 * Actions that read the catalog do it for users only, unless the deployment allows service
 * callers. Why: an MCP call made with a static token reaches the guidance plugin as the MCP
 * plugin's own service principal (Backstage's getPluginRequestToken issues the calling plugin's
 * token for a service principal), so the token's access restrictions are gone, and the
 * permission framework allows service principals everything: the catalog would show such a
 * caller every entity. Shared by the guidance backend's actions and its modules' actions.
 * @public
 */
export function assertMayReadCatalog(
  credentials: BackstageCredentials,
  serviceCatalogAccess: boolean,
): void {
  const principal = credentials.principal as { type: string; subject?: string };
  if (principal.type === 'user' || serviceCatalogAccess) return;
  throw new NotAllowedError(
    `This action reads the catalog on behalf of a signed-in user; the caller is ${
      principal.type === 'service' ? principal.subject : principal.type
    }. Call it with a user's token, or allow service callers with guidance.actions.serviceCatalogAccess: true`,
  );
}
