import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dealsDirectory, indexTableFor } from '../../src/deal/builtIn.ts';
import { determineIndexRate } from '../../src/deal/indexRates.ts';
import { loadDeal } from '../../src/deal/loadDeal.ts';
import { parseStateFile } from '../../src/deal/stateFile.ts';
import { errorCatalogue, TrusteeError } from '../../src/errors/catalogue.ts';
import { parseJsonDocument } from '../../src/input/jsonDocument.ts';
import { fieldSchemas } from '../../src/input/schemaIssues.ts';
import { dealSchema } from '../../src/deal/schema.ts';
import { stateFileSchema } from '../../src/deal/stateFile.ts';
import { periodTotalsSchema } from '../../src/servicing/periodTotalsFile.ts';
import { scenarioSchema } from '../../src/projection/scenarioSchema.ts';
import { parseScenario } from '../../src/projection/scenarioFile.ts';
import { parsePeriodTotals } from '../../src/servicing/periodTotalsFile.ts';
import { distribute } from '../../src/waterfall/distribute.ts';
import { root } from '../support/cli.ts';

/**
 * Valid inputs, mutated at random the way people get them wrong: a field dropped, renamed (a
 * near misspelling), given twice, or given a value of another JSON type. Every mutant is either
 * refused with a catalogued code, or accepted with exactly the figures of the input it came
 * from (a dropped optional field whose default is the value it had, an amount written as a
 * number): never an internal error, never other figures.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;
const dealJson = read(`${dealsDirectory}nchet-2002-1.json`);
const stateJson = read(`${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
const aprilJson = read(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
const scenarioJson = read(`${root}src/projection/examples/scenario.json`);

/** Every path to a member of an object (the fields a mutation can touch). */
function fieldPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [[...path, k], ...fieldPaths(v, [...path, k])]);
}

const parentOf = (root: Json, path: Path): Record<string, Json> =>
  path.slice(0, -1).reduce<Json>((v, k) => (v as never)[k], root) as Record<string, Json>;

type Mutation =
  | { kind: 'drop'; path: Path }
  | { kind: 'rename'; path: Path; how: number }
  | { kind: 'duplicate'; path: Path; same: boolean }
  | { kind: 'retype'; path: Path; to: number };

/** Near misspellings of a key: a letter dropped, an "s" added, a case or separator change. */
function renamed(key: string, how: number): string {
  const separated = key.includes('-')
    ? key.replace('-', '_')
    : key.replace(/[A-Z]/, (c) => `_${c.toLowerCase()}`);
  return [
    key.slice(0, -1),
    `${key}s`,
    key.toUpperCase(),
    separated === key ? `${key}_` : separated,
  ][how % 4]!;
}

/** A value of another JSON type than `value` (an amount "12.50" may become the number 12.5). */
function retyped(value: Json, to: number): Json {
  const others: Json[] = [];
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    others.push(Number(value));
  if (typeof value === 'number') others.push(String(value));
  if (typeof value !== 'boolean') others.push(true);
  if (typeof value === 'boolean') others.push(String(value));
  if (value !== null) others.push(null);
  if (!Array.isArray(value)) others.push([value]);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) others.push({});
  return others[to % others.length]!;
}

/** The mutant as JSON text (a duplicate key can only be written as text). */
function mutate(original: Json, m: Mutation): string {
  const copy = structuredClone(original);
  const parent = parentOf(copy, m.path);
  const key = String(m.path.at(-1));
  switch (m.kind) {
    case 'drop':
      delete parent[key];
      return JSON.stringify(copy);
    case 'rename': {
      const entries = Object.entries(parent).map(([k, v]) =>
        k === key ? ([renamed(key, m.how), v] as const) : ([k, v] as const),
      );
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, v] of entries) parent[k] = v;
      return JSON.stringify(copy);
    }
    case 'retype':
      parent[key] = retyped(parent[key]!, m.to);
      return JSON.stringify(copy);
    case 'duplicate': {
      // Mark the member, write the text, then put the member's twin before it.
      const value = parent[key]!;
      parent[key] = '\u0000twin\u0000';
      const twin = JSON.stringify(m.same ? value : retyped(value, 0));
      return JSON.stringify(copy).replace(
        `${JSON.stringify(key)}:"\\u0000twin\\u0000"`,
        `${JSON.stringify(key)}:${twin},${JSON.stringify(key)}:${JSON.stringify(value)}`,
      );
    }
  }
}

const mutation = (paths: Path[], drop = true): fc.Arbitrary<Mutation> =>
  fc.constantFrom(...paths).chain((path) =>
    fc.oneof(
      fc.constant<Mutation>(
        drop ? { kind: 'drop', path } : { kind: 'duplicate', path, same: true },
      ),
      fc.nat(3).map<Mutation>((how) => ({ kind: 'rename', path, how })),
      fc.boolean().map<Mutation>((same) => ({ kind: 'duplicate', path, same })),
      fc.nat(6).map<Mutation>((to) => ({ kind: 'retype', path, to })),
    ),
  );

/**
 * Runs `figures` on the mutant: a refusal must carry a catalogued code; an acceptance must
 * give the figures of the original. Anything else thrown fails the property.
 */
function refusedOrSame(
  original: Json,
  m: Mutation,
  schema: z.core.$ZodType,
  figures: (json: unknown) => unknown,
  expected: unknown,
) {
  try {
    const json = parseJsonDocument(mutate(original, m), 'mutant.json', {
      code: 'INVALID_INPUT',
      what: 'mutant',
    });
    const result = figures(json);
    // Leaving out a field the format makes optional is no mistake: its default applies
    // (docs/formats.md), so the figures may differ, for that mutation alone.
    const optional =
      m.kind === 'drop' &&
      fieldSchemas(schema, original, m.path).some((field) => z.safeParse(field, undefined).success);
    if (!optional) expect(result).toEqual(expected);
  } catch (error) {
    if (!(error instanceof TrusteeError)) throw error;
    expect(Object.keys(errorCatalogue)).toContain(error.code);
    expect(error.details.length + error.message.length).toBeGreaterThan(0);
  }
}

/** The April 2002 run from a deal, the state after March and April's totals. */
function april(deal: unknown, state: unknown, totals: unknown) {
  const d = loadDeal(deal, 'deal.json');
  const s = parseStateFile(d, state, 'state.json');
  const p = parsePeriodTotals(totals, 'totals.json');
  const index = determineIndexRate(indexTableFor(d), s.lastDate, d.index.businessDaysBefore);
  const { distribution, state: after } = distribute(d, s, p, index);
  // Every figure of the distribution and the state after; not the trace, nor where the
  // totals say they came from (a dropped "source" takes its default text).
  const {
    trace: _trace,
    period,
    ...figures
  } = distribution as typeof distribution & {
    trace?: unknown;
  };
  return { ...figures, period: { ...period, source: undefined }, after: { ...after } };
}

const baseline = april(dealJson, stateJson, aprilJson);
const runs = { numRuns: 400 };

describe('inputs mutated at random are refused with a code or give the same figures', () => {
  it('collection-period totals', () => {
    fc.assert(
      fc.property(mutation(fieldPaths(aprilJson)), (m) =>
        refusedOrSame(
          aprilJson,
          m,
          periodTotalsSchema,
          (t) => april(dealJson, stateJson, t),
          baseline,
        ),
      ),
      runs,
    );
  });
  it('deal files', () => {
    fc.assert(
      fc.property(mutation(fieldPaths(dealJson)), (m) =>
        refusedOrSame(dealJson, m, dealSchema, (d) => april(d, stateJson, aprilJson), baseline),
      ),
      runs,
    );
  });
  it('state files', () => {
    fc.assert(
      fc.property(mutation(fieldPaths(stateJson)), (m) =>
        refusedOrSame(
          stateJson,
          m,
          stateFileSchema,
          (s) => april(dealJson, s, aprilJson),
          baseline,
        ),
      ),
      runs,
    );
  });
  it('scenarios', () => {
    const parsed = parseScenario(scenarioJson);
    fc.assert(
      fc.property(mutation(fieldPaths(scenarioJson)), (m) =>
        refusedOrSame(scenarioJson, m, scenarioSchema, (s) => parseScenario(s), parsed),
      ),
      runs,
    );
  });
  it('writes each kind of mutation as intended', () => {
    const original: Json = { a: { b: 1, 'M-3': 'x' } };
    expect(mutate(original, { kind: 'drop', path: ['a', 'b'] })).toBe('{"a":{"M-3":"x"}}');
    expect(mutate(original, { kind: 'rename', path: ['a', 'M-3'], how: 3 })).toBe(
      '{"a":{"b":1,"M_3":"x"}}',
    );
    expect(mutate(original, { kind: 'duplicate', path: ['a', 'b'], same: true })).toBe(
      '{"a":{"b":1,"b":1,"M-3":"x"}}',
    );
    expect(mutate(original, { kind: 'retype', path: ['a', 'b'], to: 0 })).toBe(
      '{"a":{"b":"1","M-3":"x"}}',
    );
  });
});
