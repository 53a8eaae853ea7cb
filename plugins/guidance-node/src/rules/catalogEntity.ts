import { Entity } from '@backstage/catalog-model';
import { ManifestObject } from './types';

const CATALOG_INFO = /(^|\/)catalog-info\.ya?ml$/i;

/**
 * The catalog entity a set of files describes: from the `catalog-info.yaml` nearest the root,
 * its first Component, else its first entity. The conformance service's waivers are read the
 * same way for `POST /validate`, so both name the same entity.
 */
export function catalogEntityOf(objects: ManifestObject[]): Entity | undefined {
  const [first] = objects
    .filter(
      o =>
        CATALOG_INFO.test(o.file) &&
        o.apiVersion.startsWith('backstage.io/') &&
        typeof o.body === 'object' &&
        o.body !== null &&
        typeof (o.body as Entity).metadata === 'object',
    )
    .sort(
      (a, b) =>
        a.file.split('/').length - b.file.split('/').length ||
        a.file.localeCompare(b.file) ||
        Number(b.kind === 'Component') - Number(a.kind === 'Component') ||
        a.index - b.index,
    );
  return first ? (first.body as Entity) : undefined;
}
