import { createHash } from 'crypto';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { WAIVER_ANNOTATION_PREFIX } from '@paved-road/plugin-guidance-common';
import { GuidanceRule } from '@paved-road/plugin-guidance-node';
import {
  MANAGED_BY_LOCATION_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from './ManifestReader';

/** The catalog fields a run needs; lists ask for no more. */
export const CONFORMANCE_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.owner',
];

/** Kinds evaluated when config does not say: services and the like are Components. */
export const DEFAULT_CONFORMANCE_KINDS = ['Component'];

/** Entities the service looks at: of the given kinds, and saying where their source is. */
export function conformanceEntityFilter(kinds: string[]): EntityFilterQuery {
  return [SOURCE_LOCATION_ANNOTATION, MANAGED_BY_LOCATION_ANNOTATION].map(
    annotation => ({
      kind: kinds,
      [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
    }),
  );
}

export function ownerOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return owner;
  }
}

/** Text for a log line: control characters (a newline in an annotation) escaped, not obeyed. */
export function oneLine(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what is escaped
    /[\u0000-\u001f\u007f]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What stored results were computed with: the rule set, the source and the entity's waivers. */
export function conformanceFingerprint(
  entity: Entity,
  rules: GuidanceRule[],
  location: string,
): string {
  const waivers = Object.entries(entity.metadata.annotations ?? {})
    .filter(([key]) => key.startsWith(WAIVER_ANNOTATION_PREFIX))
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(
      JSON.stringify({
        rules: rules.map(r => r.id).sort(),
        location,
        waivers,
        // the entity rules read its owner, lifecycle and annotations
        entity: [entity.spec, entity.metadata.annotations],
      }),
    )
    .digest('base64url');
}
