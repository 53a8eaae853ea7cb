import { z } from 'zod';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * Validates request input; the first problem becomes a 400 that names the field. Shared by the
 * guidance backend's and its modules' routers.
 *
 * @public
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue.path.length ? ` ${issue.path.join('.')}` : '';
    throw new InputError(`Invalid ${what}${at}: ${issue.message}`);
  }
  return result.data;
}

const entityPart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._-]+$/, 'invalid entity name part');

/**
 * `/entities/:kind/:namespace/:name/...` parameters as an entity ref; 400 for a bad part.
 *
 * @public
 */
export function entityRefFromParams(
  params: Record<string, string>,
): CompoundEntityRef {
  return {
    kind: parseInput(entityPart, params.kind, 'entity kind'),
    namespace: parseInput(entityPart, params.namespace, 'entity namespace'),
    name: parseInput(entityPart, params.name, 'entity name'),
  };
}
