import type { ErrorRecord } from '../errors/catalogue.ts';
import type { ScenarioSummary } from '../analytics/scenarioSummary.ts';

/** A scenario that could not be run: its error as the API answers any error. */
export type ScenarioFailure = ErrorRecord;

/**
 * What became of one scenario of a grid run with isolated failures (the queue's grids): its
 * summary, or its error. One bad scenario fails alone; the others still run.
 */
export type ScenarioOutcome =
  | { readonly summary: ScenarioSummary; readonly error?: undefined }
  | { readonly error: ScenarioFailure; readonly summary?: undefined };

/** One line for a failed scenario: "scenario 12 (CPR 5): INVALID_SCENARIO ...". */
export function describeFailure(index: number, name: string | undefined, f: ScenarioFailure) {
  const details = f.details.map((d) => `; ${d.field ? `${d.field}: ` : ''}${d.message}`).join('');
  return `scenario ${index + 1}${name ? ` (${name})` : ''}: ${f.code}: ${f.message}${details}`;
}
