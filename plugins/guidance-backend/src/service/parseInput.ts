import { z } from 'zod';
import { InputError } from '@backstage/errors';

/** Validates request input; the first problem becomes a 400 that names the field. */
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
