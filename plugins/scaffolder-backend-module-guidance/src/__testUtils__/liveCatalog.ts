import fs from 'fs-extra';
import YAML from 'yaml';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * A catalog for tests whose entities can change while the backend runs (a template gets
 * bumped), and where registering a file location really adds the entity in that file,
 * with the location annotations the real catalog sets.
 */
export function liveCatalog(entities: Entity[]) {
  const addLocation = async (location: { type?: string; target: string }) => {
    const entity: Entity = YAML.parse(
      await fs.readFile(location.target, 'utf8'),
    );
    const ref = `${location.type ?? 'url'}:${location.target}`;
    entity.metadata.namespace ??= 'default';
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      [ANNOTATION_LOCATION]: ref,
      [ANNOTATION_ORIGIN_LOCATION]: ref,
    };
    const index = entities.findIndex(
      e => stringifyEntityRef(e) === stringifyEntityRef(entity),
    );
    if (index >= 0) entities.splice(index, 1);
    entities.push(entity);
    return {
      location: {
        id: `loc-${entities.length}`,
        type: location.type ?? 'url',
        target: location.target,
      },
      entities: [entity],
    };
  };
  const service = new Proxy({} as CatalogService, {
    get(_target, property) {
      if (property === 'addLocation') return addLocation;
      const current = catalogServiceMock({ entities }) as any;
      const value = current[property];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => service,
  });
}

/** A template folder as the catalog would hold it when registered from a file location. */
export async function templateEntityFromFile(file: string): Promise<Entity> {
  const entity: Entity = YAML.parse(await fs.readFile(file, 'utf8'));
  entity.metadata.namespace ??= 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    [ANNOTATION_LOCATION]: `file:${file}`,
    [ANNOTATION_ORIGIN_LOCATION]: `file:${file}`,
  };
  return entity;
}
