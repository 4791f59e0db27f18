import { TrusteeError } from '../errors/catalogue.ts';
import { parseScenario, readJsonFile } from './scenarioFile.ts';
import { schemaIssues } from '../input/schemaIssues.ts';
import { gridSchema, type Scenario } from './scenarioSchema.ts';

/** The most scenarios one grid may expand to. */
export const MAX_GRID = 100_000;

/** Fields that hold one form out of several: setting a form's key drops the other forms. */
const FORMS: Record<string, { kinds: string[]; keep: string[] }> = {
  prepayment: { kinds: ['cpr', 'smm', 'psa', 'ppc'], keep: [] },
  default: { kinds: ['cdr', 'mdr', 'sda', 'cumulative'], keep: [] },
  index: { kinds: ['flat', 'vector', 'forward'], keep: ['history'] },
  loanIndex: { kinds: ['flat', 'vector', 'forward'], keep: ['history'] },
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sets `path` ("arm.prepayment.cpr") in a scenario object, creating objects on the way. Setting
 * the key of another form of a one-of field replaces that field ({ "psa": 100 } set at
 * "prepayment.cpr" becomes { "cpr": value }).
 */
export function setPath(target: Json, path: string, value: unknown): Json {
  const parts = path.split('.');
  const out: Json = structuredClone(target);
  let node = out;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (last) {
      const form = FORMS[parts[i - 1] ?? ''];
      if (form?.kinds.includes(part) && !(part in node)) {
        for (const key of Object.keys(node)) if (!form.keep.includes(key)) delete node[key];
      }
      node[part] = value;
      return;
    }
    const next = node[part];
    node[part] = isObject(next) ? next : {};
    node = node[part] as Json;
  });
  return out;
}

/** Lays an entry over the base: top-level fields replace, `fixed` and `arm` merge one level. */
function overlay(base: Json, entry: Json): Json {
  const out: Json = { ...structuredClone(base), ...structuredClone(entry) };
  for (const group of ['fixed', 'arm']) {
    if (isObject(base[group]) && isObject(entry[group]))
      out[group] = { ...structuredClone(base[group]), ...structuredClone(entry[group]) };
  }
  return out;
}

const label = (value: unknown): string =>
  typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * Expands a grid file (already parsed JSON) into validated scenarios: each entry of `scenarios`
 * (or the base alone) times every combination of the `vary` values, the last path varying
 * fastest. Each scenario is named by its entry and the values it takes.
 */
export function expandGrid(json: unknown, file = '<grid>'): Scenario[] {
  const parsed = gridSchema.safeParse(json);
  if (!parsed.success) {
    throw new TrusteeError(
      'INVALID_SCENARIO',
      `${file}: the grid is not valid`,
      schemaIssues(gridSchema, json, parsed.error.issues, file),
    );
  }
  const grid = parsed.data;
  const entries = grid.scenarios ?? [{}];
  const vary = Object.entries(grid.vary ?? {});
  const size = vary.reduce((n, [, values]) => n * values.length, entries.length);
  if (size > MAX_GRID || size === 0) {
    throw new TrusteeError('INVALID_SCENARIO', `${file}: the grid has ${size} scenarios`, [
      { file, field: 'vary', message: `${size} scenarios`, expected: `1 to ${MAX_GRID}` },
    ]);
  }
  const out: Scenario[] = [];
  entries.forEach((entry, e) => {
    const start = overlay(grid.base, entry);
    const entryName = typeof start.name === 'string' ? start.name : undefined;
    const prefix: PropertyKey[] = grid.scenarios ? ['scenarios', e] : ['base'];
    const combos = vary.reduce<{ json: Json; names: string[] }[]>(
      (acc, [path, values]) =>
        acc.flatMap(({ json: j, names }) =>
          values.map((v) => ({
            json: setPath(j, path, v),
            names: [...names, `${path}=${label(v)}`],
          })),
        ),
      [{ json: start, names: [] }],
    );
    for (const combo of combos) {
      const name =
        [entryName, ...combo.names].filter(Boolean).join(' ') || `scenario ${out.length + 1}`;
      try {
        out.push(parseScenario({ ...combo.json, name }, file, prefix));
      } catch (error) {
        // The details name the file and the field; the message says which combination failed.
        if (!(error instanceof TrusteeError) || combo.names.length === 0) throw error;
        throw new TrusteeError(
          error.code,
          `${file}: the scenario ${combo.names.join(', ')} is not valid`,
          error.details,
        );
      }
    }
  });
  return out;
}

export function readGridFile(path: string): Scenario[] {
  return expandGrid(readJsonFile(path), path);
}
