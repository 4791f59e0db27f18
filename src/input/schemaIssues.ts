import type { z } from 'zod';
import type { ErrorDetail } from '../errors/catalogue.ts';
import { nearestName } from '../errors/suggest.ts';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/** True when a branch of a union failed on the value's shape itself (the wrong branch). */
function failsAtRoot(issues: readonly Issue[]): boolean {
  return issues.some(
    (i) => i.path.length === 0 && (i.code === 'unrecognized_keys' || i.code === 'invalid_type'),
  );
}

/**
 * A schema's issues as error details, each naming the file and the field as a path
 * ("classes.M-1.margin", "scenarios[3].prepayment.cpr"). A union (the prepayment forms, a
 * class's kinds) reports the problem inside the branch the value was meant for. An unknown key
 * is one detail per key, with the nearest known key of that object suggested: the schema is
 * walked along the issue's path (with the input, to choose a union's branch) to find them.
 */
export function schemaIssues(
  schema: Schema,
  input: unknown,
  issues: readonly Issue[],
  file: string,
  prefix: readonly PropertyKey[] = [],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const collect = (list: readonly Issue[], base: readonly PropertyKey[]): void => {
    for (const issue of list) {
      const path = [...base, ...issue.path];
      if (issue.code === 'invalid_union') {
        const branches = issue.errors.filter((branch) => !failsAtRoot(branch));
        if (branches.length > 0) {
          collect(
            branches.reduce((a, b) => (b.length < a.length ? b : a)),
            path,
          );
          continue;
        }
      }
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeys(schema, input, path);
        for (const key of issue.keys) {
          const nearest = nearestName(key, known);
          details.push({
            file,
            field: fieldName([...prefix, ...path, key]),
            message: `unknown field "${key}"`,
            expected:
              nearest !== undefined
                ? `a known field (did you mean "${nearest}"?)`
                : `one of ${known.join(', ')}`,
          });
        }
        continue;
      }
      details.push({ file, field: fieldName([...prefix, ...path]), message: issue.message });
    }
  };
  collect(issues, []);
  return details;
}

/** ["scenarios", 3, "prepayment", "cpr"] -> "scenarios[3].prepayment.cpr". */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name === '' ? '(root)' : name;
}

/** Zod's own description of a schema, read for the keys it accepts. */
interface Definition {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  getter?: () => Schema;
}
const definition = (schema: Schema): Definition => schema._zod.def as unknown as Definition;

/**
 * The schemas of the field at `path` (more than one where a union leaves it open): for a test
 * to ask whether a field may be left out (its schema takes undefined: optional, or a default).
 */
export function fieldSchemas(
  schema: Schema,
  input: unknown,
  path: readonly PropertyKey[],
): Schema[] {
  const parents = objectsAt(schema, input, path.slice(0, -1));
  return parents.flatMap((parent) => definition(parent).shape?.[String(path.at(-1))] ?? []);
}

/** The keys the object schema at `path` (in `input`) accepts; [] where there is none. */
function knownKeys(schema: Schema, input: unknown, path: readonly PropertyKey[]): string[] {
  const objects = objectsAt(schema, input, path);
  return [...new Set(objects.flatMap((s) => Object.keys(definition(s).shape ?? {})))];
}

function objectsAt(schema: Schema, input: unknown, path: readonly PropertyKey[]): Schema[] {
  const def = definition(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return objectsAt(def.innerType!, input, path);
    case 'pipe':
      return objectsAt(def.in!, input, path);
    case 'lazy':
      return objectsAt(def.getter!(), input, path);
    case 'union': {
      // The branches whose keys include the input's (a discriminated union's own branch).
      const options = def.options ?? [];
      const fitting = options.filter((option) => accepts(option, input));
      return (fitting.length > 0 ? fitting : options).flatMap((o) => objectsAt(o, input, path));
    }
  }
  if (path.length === 0) return def.type === 'object' ? [schema] : [];
  const [head, ...rest] = path;
  const child = input !== null && typeof input === 'object' ? (input as never)[head!] : undefined;
  if (def.type === 'object') {
    const next = def.shape?.[String(head)];
    return next ? objectsAt(next, child, rest) : [];
  }
  if (def.type === 'record') return objectsAt(def.valueType!, child, rest);
  if (def.type === 'array') return objectsAt(def.element!, child, rest);
  return [];
}

/** Whether a union's branch is the one meant: its literal fields match the input's. */
function accepts(option: Schema, input: unknown): boolean {
  const shape = definition(option).shape;
  if (!shape || input === null || typeof input !== 'object') return false;
  return Object.entries(shape).every(([key, field]) => {
    const literal = field._zod.def as unknown as { type: string; values?: unknown[] };
    if (literal.type !== 'literal') return true;
    return literal.values?.includes((input as Record<string, unknown>)[key]) ?? false;
  });
}
