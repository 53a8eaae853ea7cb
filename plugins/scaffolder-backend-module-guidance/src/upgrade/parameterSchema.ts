import { InputError } from '@backstage/errors';

/**
 * A template's `spec.parameters` (one page or a list of pages), read as JSON schema the way the
 * scaffolder form reads it. Only what answers need: properties, `required`, defaults, the
 * branches of `dependencies` that the answers select, and which inputs are secrets.
 */
type Schema = Record<string, any>;

function pagesOf(parameters: unknown): Schema[] {
  return [parameters ?? []]
    .flat()
    .filter((p): p is Schema => !!p && typeof p === 'object');
}

/** Sub-schemas that apply whatever the answers are. */
function alwaysApplied(schema: Schema): Schema[] {
  return [...(Array.isArray(schema.allOf) ? schema.allOf : [])].filter(
    s => s && typeof s === 'object',
  );
}

/** Every sub-schema that could apply, for questions that do not depend on the answers. */
function everyBranch(schema: Schema): Schema[] {
  const branches: Schema[] = [];
  const add = (list: unknown) => {
    if (Array.isArray(list)) {
      for (const s of list) if (s && typeof s === 'object') branches.push(s);
    }
  };
  add(schema.allOf);
  add(schema.oneOf);
  add(schema.anyOf);
  for (const key of ['then', 'else']) add([schema[key]]);
  for (const dependency of Object.values<any>(schema.dependencies ?? {})) {
    if (
      dependency &&
      typeof dependency === 'object' &&
      !Array.isArray(dependency)
    ) {
      add([dependency]);
      add(dependency.oneOf);
      add(dependency.anyOf);
      add(dependency.allOf);
    }
  }
  return branches;
}

/**
 * Whether a parameter is a secret is a property of its schema, never of its name: Backstage's
 * `ui:field: Secret` sends the value in the task's secrets (the form keeps only asterisks), and
 * `ui:widget: password` masks what is typed.
 */
export function isSecretProperty(property: unknown): boolean {
  if (!property || typeof property !== 'object') return false;
  const p = property as Schema;
  return (
    p['ui:field'] === 'Secret' ||
    p['ui:widget'] === 'password' ||
    p['ui:options']?.widget === 'password'
  );
}

/** Top-level parameter names the template declares as secrets, on any page or branch. */
export function secretParameterNames(parameters: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (schema: Schema) => {
    for (const [key, property] of Object.entries<any>(
      schema.properties ?? {},
    )) {
      if (isSecretProperty(property)) names.add(key);
    }
    everyBranch(schema).forEach(visit);
  };
  pagesOf(parameters).forEach(visit);
  return names;
}

/**
 * A value with the secret fields of nested objects taken out (a secret top-level answer is
 * left out by the caller).
 */
export function withoutNestedSecrets(
  property: unknown,
  value: unknown,
): unknown {
  if (
    !property ||
    typeof property !== 'object' ||
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value)
  ) {
    return value;
  }
  const schema = property as Schema;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const innerSchema = schema.properties?.[key];
    if (isSecretProperty(innerSchema)) continue;
    result[key] = withoutNestedSecrets(innerSchema, inner);
  }
  return result;
}

/** The schema of each top-level parameter, first declaration wins. */
export function parameterProperties(parameters: unknown): Map<string, Schema> {
  const properties = new Map<string, Schema>();
  const visit = (schema: Schema) => {
    for (const [key, property] of Object.entries<any>(
      schema.properties ?? {},
    )) {
      if (!properties.has(key) && property && typeof property === 'object') {
        properties.set(key, property);
      }
    }
    everyBranch(schema).forEach(visit);
  };
  pagesOf(parameters).forEach(visit);
  return properties;
}

/** Whether a `dependencies` branch applies: its selector property matches the answer. */
function branchSelected(selector: Schema | undefined, value: unknown) {
  if (selector && 'const' in selector) return selector.const === value;
  if (Array.isArray(selector?.enum)) return selector!.enum.includes(value);
  return value !== undefined;
}

export type ResolvedAnswers = {
  /** What the render gets. */
  values: Record<string, unknown>;
  /** Parameters with no recorded answer that took the value given in `values`. */
  given: string[];
  /** Optional parameters with no recorded answer and none given: their default was used. */
  defaulted: string[];
  /** Required parameters with no recorded answer, none given and so no value: the upgrade stops. */
  missing: string[];
  /** Secret parameters: never recorded, never replayed. */
  secrets: string[];
};

/**
 * The answers to render a template version with: the recorded answers, then the given ones.
 * A parameter the recorded answers lack (new in this version, or never recorded) takes its
 * value from `given`; else an optional one takes its default and a required one is reported
 * missing. A recorded answer is never replaced by a default.
 */
export function resolveAnswers(
  parameters: unknown,
  recorded: Record<string, unknown>,
  given: Record<string, unknown> = {},
): ResolvedAnswers {
  const values: Record<string, unknown> = { ...recorded, ...given };
  const result: ResolvedAnswers = {
    values,
    given: [],
    defaulted: [],
    missing: [],
    secrets: [],
  };
  const seen = new Set<string>();
  const visit = (schema: Schema) => {
    const required = new Set<string>(
      Array.isArray(schema.required) ? schema.required : [],
    );
    for (const [key, property] of Object.entries<any>(
      schema.properties ?? {},
    )) {
      if (seen.has(key) || !property || typeof property !== 'object') continue;
      // A dependency branch repeats its selector as { const }: that is no new question.
      if ('const' in property && Object.keys(property).length === 1) continue;
      seen.add(key);
      if (isSecretProperty(property)) {
        result.secrets.push(key);
        continue;
      }
      if (key in recorded && recorded[key] !== undefined) continue;
      if (key in given && given[key] !== undefined) {
        result.given.push(key);
      } else if (required.has(key)) {
        result.missing.push(key);
      } else if ('default' in property) {
        values[key] = property.default;
        result.defaulted.push(key);
      }
    }
    alwaysApplied(schema).forEach(visit);
    for (const [key, dependency] of Object.entries<any>(
      schema.dependencies ?? {},
    )) {
      if (!dependency || typeof dependency !== 'object') continue;
      if (Array.isArray(dependency)) {
        // Property dependencies: naming key makes the listed ones required.
        if (values[key] !== undefined) {
          visit({
            required: dependency,
            properties: Object.fromEntries(
              dependency
                .filter((name: string) => !seen.has(name))
                .map((name: string) => [name, {}]),
            ),
          });
        }
        continue;
      }
      const branches: Schema[] = Array.isArray(dependency.oneOf)
        ? dependency.oneOf
        : [dependency];
      for (const branch of branches) {
        if (branchSelected(branch?.properties?.[key], values[key])) {
          visit(branch);
        }
      }
    }
  };
  pagesOf(parameters).forEach(visit);
  return result;
}

/** `values` as the upgrade takes them: a map, or YAML text of one (from a portal form). */
export function parseGivenValues(
  raw: unknown,
  parse: (text: string) => unknown,
): Record<string, unknown> {
  if (raw === undefined || raw === null || raw === '') return {};
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = parse(raw);
    } catch (error) {
      throw new InputError(
        `values must be a YAML map of answers (name: value), but it does not parse: ${
          (error as Error).message
        }`,
      );
    }
    if (value === null || value === undefined) return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      `values must be a map of answers (name: value), got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value as Record<string, unknown>;
}
