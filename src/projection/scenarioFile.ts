import { TrusteeError } from '../errors/catalogue.ts';
import { readJsonDocument } from '../input/jsonDocument.ts';
import { schemaIssues } from '../input/schemaIssues.ts';
import { scenarioSchema, type Scenario } from './scenarioSchema.ts';

/** Validates one scenario (already parsed JSON); errors name the file and the field. */
export function parseScenario(
  json: unknown,
  file = '<scenario>',
  prefix: PropertyKey[] = [],
): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    throw new TrusteeError(
      'INVALID_SCENARIO',
      `${file}: the scenario is not valid`,
      schemaIssues(scenarioSchema, json, parsed.error.issues, file, prefix),
    );
  }
  return parsed.data;
}

/** Reads a scenario or grid file strictly (duplicate keys refused): INVALID_SCENARIO naming it. */
export function readJsonFile(path: string): unknown {
  return readJsonDocument(path, { code: 'INVALID_SCENARIO', what: 'scenario file' });
}

export function readScenarioFile(path: string): Scenario {
  return parseScenario(readJsonFile(path), path);
}
