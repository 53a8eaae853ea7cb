import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { Dependency } from './recommend';

/** Dependencies looked up for one entity at most; a service rarely has more. */
const MAX_DEPENDENCIES = 25;

/**
 * What a catalog entity depends on (its `dependsOn` relations), looked up with the caller's
 * credentials so only entities they may see count. A failed lookup costs the hints, not the
 * recommendations: it is logged and the entity is judged on its own.
 */
export async function lookUpDependencies(
  entity: Entity,
  catalog: CatalogService,
  credentials: BackstageCredentials,
  logger?: LoggerService,
): Promise<Dependency[]> {
  const refs = [
    ...new Set(
      (entity.relations ?? [])
        .filter(r => r.type === RELATION_DEPENDS_ON)
        .map(r => r.targetRef),
    ),
  ].slice(0, MAX_DEPENDENCIES);
  if (refs.length === 0) return [];
  try {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.tags',
          'spec.type',
        ],
      },
      { credentials },
    );
    return items.flatMap((item, i) =>
      item ? [{ ref: refs[i], entity: item }] : [],
    );
  } catch (error) {
    logger?.warn(
      `Could not look up what ${stringifyEntityRef(
        entity,
      )} depends on: ${error}`,
    );
    return [];
  }
}
