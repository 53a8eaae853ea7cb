import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { assertMayReadCatalog } from '@paved-road/plugin-guidance-node';
import { ConformanceService } from '../service/conformance/ConformanceService';
import {
  ruleResultSchema,
  summaryCountsSchema,
  withArticleLinks,
} from './ruleResults';

/** Registers `get-entity-conformance`: the stored evaluation of an entity the caller can see. */
export function registerGetEntityConformanceAction(options: {
  actionsRegistry: ActionsRegistryService;
  conformance: ConformanceService;
  catalog: CatalogService;
  appBaseUrl: string;
  /** `guidance.actions.serviceCatalogAccess`: see assertMayReadCatalog. */
  serviceCatalogAccess: boolean;
}) {
  const { actionsRegistry, conformance, catalog, appBaseUrl } = options;
  actionsRegistry.register({
    name: 'get-entity-conformance',
    title: 'Does a service follow the paved road?',
    description: [
      'Returns the latest conformance evaluation of a catalog entity: for every paved-road rule,',
      'pass, fail, waived (with reason and expiry) or not-applicable, the evidence (file, object,',
      'message) and the guidance section that explains the rule. Give entityRef, e.g.',
      'component:default/orders.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).max(600).describe('kind:namespace/name'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          evaluatedAt: z.string(),
          source: z.object({
            location: z.string(),
            etag: z.string().optional(),
            error: z.string().optional(),
          }),
          summary: summaryCountsSchema(z),
          results: z.array(ruleResultSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      let ref: string;
      try {
        ref = stringifyEntityRef(
          parseEntityRef(input.entityRef, { defaultKind: 'component' }),
        );
      } catch (e) {
        throw new InputError(`Invalid entityRef: ${(e as Error).message}`);
      }
      assertMayReadCatalog(credentials, options.serviceCatalogAccess);
      // Visible only if the caller's catalog read shows the entity, as on the HTTP route.
      const entity = await catalog.getEntityByRef(ref, { credentials });
      const result = entity
        ? await conformance.getEntityConformance(ref)
        : undefined;
      if (!result) {
        throw new NotFoundError(
          `No conformance for ${ref}: the entity is unknown, not visible to you, or not evaluated yet`,
        );
      }
      return {
        output: {
          ...result,
          results: withArticleLinks(appBaseUrl, result.results),
        },
      };
    },
  });
}
