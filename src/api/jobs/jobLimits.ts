import { TrusteeError } from '../../errors/catalogue.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';

/**
 * How big a job the API takes. `maxScenarios`: the scenarios one grid may expand to (default
 * 2,000: twice the benchmark's 1,000-scenario grid, about 10 s on two cores; the projection's
 * own ceiling, 100,000, took minutes and 62.5 MB a result). `maxMonths`: a scenario's horizon
 * (default 480, 40 years: past the 30-year loans' last month). `maxBodyBytes`: a request body
 * (default 1 MiB, fastify's own default, made explicit so that the refusal can name it).
 */
export interface JobLimits {
  maxScenarios: number;
  maxMonths: number;
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: JobLimits = {
  maxScenarios: 2_000,
  maxMonths: 480,
  maxBodyBytes: 1_048_576,
};

/** The refusal of a request over a limit: 413 LIMIT_EXCEEDED naming the field, limit and value. */
export function limitExceeded(
  field: string,
  what: string,
  limit: keyof JobLimits,
  max: number,
  value: number,
): TrusteeError {
  return new TrusteeError(
    'LIMIT_EXCEEDED',
    `${field}: ${value} ${what}, more than the limit of ${max} (${limit})`,
    [
      {
        field,
        message: `${value} ${what}`,
        expected: `at most ${max} ${what} (${limit})`,
        got: value,
      },
    ],
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The scenarios a grid request expands to, counted on the JSON before anything is expanded or
 * validated (expanding 100,000 scenarios alone blocks the server for seconds): the entries of
 * `scenarios` (or the base alone) times the number of values of each `vary` path. Undefined when
 * the grid's shape is wrong; the grid's own validation then says how.
 */
export function gridSize(grid: unknown): number | undefined {
  if (!isObject(grid)) return undefined;
  const { scenarios, vary } = grid;
  if (scenarios !== undefined && !Array.isArray(scenarios)) return undefined;
  if (vary !== undefined && !isObject(vary)) return undefined;
  const lists = Object.values(vary ?? {});
  if (!lists.every(Array.isArray)) return undefined;
  return lists.reduce<number>((n, values) => n * values.length, scenarios?.length ?? 1);
}

/** LIMIT_EXCEEDED when the grid expands to more than `maxScenarios`; before any work. */
export function checkGridSize(grid: unknown, limits: JobLimits): void {
  const size = gridSize(grid);
  if (size !== undefined && size > limits.maxScenarios) {
    const field = isObject(grid) && grid.vary !== undefined ? 'grid.vary' : 'grid.scenarios';
    throw limitExceeded(field, 'scenarios', 'maxScenarios', limits.maxScenarios, size);
  }
}

/** LIMIT_EXCEEDED when a scenario's horizon is longer than `maxMonths`. */
export function checkMonths(scenario: Scenario, field: string, limits: JobLimits): void {
  if (scenario.horizon !== undefined && scenario.horizon > limits.maxMonths) {
    const where = `${field}.horizon`;
    throw limitExceeded(where, 'months', 'maxMonths', limits.maxMonths, scenario.horizon);
  }
}
