/** The part of a JSON schema that says which fields an object has. */
type FieldSchema = {
  $ref?: string;
  allOf?: FieldSchema[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
};

type Components = { components?: { schemas?: Record<string, unknown> } };

/**
 * Where a body has fields its schema does not declare (`.items[0].extra`), for objects whose
 * schema lists its properties. Schemas allow extra fields unless they say otherwise; a spec that
 * is the one contract should still name every field it answers.
 */
export function undeclaredFields(
  value: unknown,
  schema: FieldSchema,
  spec: Components,
  at = '',
): string[] {
  const resolve = (s: FieldSchema): FieldSchema =>
    s.$ref
      ? resolve(
          (spec.components?.schemas?.[
            s.$ref.replace('#/components/schemas/', '')
          ] ?? {}) as FieldSchema,
        )
      : s;
  const s = resolve(schema);
  if (Array.isArray(value) && s.items) {
    const items = s.items;
    return value.flatMap((v, i) =>
      undeclaredFields(v, items, spec, `${at}[${i}]`),
    );
  }
  if (!value || typeof value !== 'object') return [];
  const parts = s.allOf ? s.allOf.map(resolve) : [s];
  if (!parts.some(p => p.properties)) return [];
  const properties: Record<string, FieldSchema> = Object.assign(
    {},
    ...parts.map(p => p.properties ?? {}),
  );
  return Object.entries(value).flatMap(([key, v]) =>
    properties[key]
      ? undeclaredFields(v, properties[key], spec, `${at}.${key}`)
      : [`${at}.${key}`],
  );
}
