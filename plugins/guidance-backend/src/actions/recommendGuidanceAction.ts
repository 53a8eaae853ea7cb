import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { Dependency, EntityLike } from '../service/recommend';
import { lookUpDependencies } from '../service/entityDependencies';
import { assertMayReadCatalog } from '@paved-road/plugin-guidance-node';
import { GuidanceActionContext } from './guidanceActionContext';

/** Registers `recommend-guidance-for-entity`. */
export function registerRecommendGuidanceAction(ctx: GuidanceActionContext) {
  const { actionsRegistry, guidance, catalog, link } = ctx;
  actionsRegistry.register({
    name: 'recommend-guidance-for-entity',
    title: 'Guidance that applies to a catalog entity',
    description: [
      'Lists the guidance articles that apply to a software catalog entity, with the reasons',
      '(the articles its paved-road.dev/guidance annotation names first, then those whose rules',
      'match its tags, annotations, type or kind). Give `entityRef` (e.g. component:default/orders)',
      'for an entity in the catalog, or `entity` (a catalog-info body) for one that does not exist yet.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(600)
            .optional()
            .describe('kind:namespace/name, e.g. component:default/orders'),
          entity: z
            .object({
              kind: z.string().max(100).optional(),
              metadata: z
                .object({
                  name: z.string().max(253).optional(),
                  tags: z.array(z.string().max(100)).max(200).optional(),
                  annotations: z.record(z.string().max(4096)).optional(),
                })
                .passthrough()
                .optional(),
              spec: z
                .object({ type: z.unknown().optional() })
                .passthrough()
                .optional(),
            })
            .passthrough()
            .optional()
            .describe('An entity body (catalog-info.yaml as JSON)'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              article: z
                .object({
                  id: z.string(),
                  title: z.string(),
                  summary: z.string(),
                })
                .passthrough(),
              source: z.enum(['annotation', 'rule']),
              reasons: z.array(z.string()),
              url: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      if (Boolean(input.entityRef) === Boolean(input.entity)) {
        throw new InputError('Give exactly one of entityRef or entity');
      }
      let entity = input.entity as EntityLike;
      let dependencies: Dependency[] = [];
      if (input.entityRef) {
        let ref;
        try {
          ref = parseEntityRef(input.entityRef, { defaultKind: 'component' });
        } catch (e) {
          throw new InputError(`Invalid entityRef: ${(e as Error).message}`);
        }
        assertMayReadCatalog(credentials, ctx.serviceCatalogAccess ?? false);
        const found = await catalog.getEntityByRef(ref, { credentials });
        if (!found) {
          throw new NotFoundError(
            `No entity ${stringifyEntityRef(ref)} in the catalog`,
          );
        }
        entity = found as typeof entity;
        dependencies = await lookUpDependencies(
          found,
          catalog,
          credentials,
          ctx.logger,
        );
      }
      const items = guidance.recommend(entity, dependencies);
      return {
        output: {
          items: items.map(item => ({ ...item, url: link(item.article.id) })),
        },
      };
    },
  });
}
