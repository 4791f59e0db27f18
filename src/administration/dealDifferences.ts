import type { ErrorDetail } from '../errors/catalogue.ts';

/** At most this many terms are listed; the last detail says how many more differ. */
const LIMIT = 20;

/** One term in which two deal files differ, by its dotted path (`classes.M-3.margin`). */
export interface TermDifference {
  readonly path: string;
  /** The value in the first file (undefined: absent there). */
  readonly before: unknown;
  /** The value in the second file (undefined: absent there). */
  readonly after: unknown;
}

/**
 * The terms in which two deal files (their JSON) differ, each by its dotted path, in the order
 * of the second file's keys (a file as written; the store's copies are sorted): `classes.M-3.margin: 0.0235 -> 0.025`; array items by index
 * (`registrant.address[1]`); a key only one file has is absent in the other.
 */
export function dealDifferences(before: unknown, after: unknown, path = ''): TermDifference[] {
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) =>
      dealDifferences(
        before[key],
        after[key],
        Array.isArray(before) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
      ),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

/** The differences as error details: field, the stored value expected, the new one got. */
export function termDetails(differences: readonly TermDifference[], stored: string): ErrorDetail[] {
  const details = differences.slice(0, LIMIT).map((d): ErrorDetail => ({
    field: d.path || 'deal',
    message: `differs from the terms in force (${stored})`,
    expected: show(d.before),
    got: d.after === undefined ? 'absent' : d.after,
  }));
  if (differences.length > LIMIT) {
    details.push({ field: '...', message: `and ${differences.length - LIMIT} more terms differ` });
  }
  return details;
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
