import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { RuleFinding, RuleInput } from '../types';
import { yamlPosition } from './yamlPositions';

/** `component:default/orders`, for findings about the entity itself. */
export function entityRefOf(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return `${entity.kind}/${entity.metadata?.name ?? '?'}`;
  }
}

/**
 * A finding about the entity the files belong to. When the entity was read from a
 * `catalog-info.yaml` among the files, the finding points at the field in it; an entity the
 * catalog handed in has no file.
 */
export function entityFinding(
  input: RuleInput,
  status: RuleFinding['status'],
  message: string,
  field: string[] = [],
): RuleFinding {
  const entity = input.entity!;
  const source = input.objects.find(o => o.body === entity);
  return {
    status,
    ...(source
      ? {
          file: source.file,
          ...yamlPosition(input, source.file, source.index, field),
        }
      : {}),
    object: entityRefOf(entity),
    message,
  };
}
