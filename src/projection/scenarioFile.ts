import { readFileSync } from 'node:fs';
import { TrusteeError } from '../errors/catalogue.ts';
import { scenarioSchema, type Scenario } from './scenarioSchema.ts';
import { scenarioIssues } from './scenarioIssues.ts';

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
      scenarioIssues(parsed.error.issues, file, prefix),
    );
  }
  return parsed.data;
}

/** Reads a JSON file; a file that is not JSON is an INVALID_SCENARIO error naming it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TrusteeError('INVALID_SCENARIO', `${path}: cannot read the file`, [
      { file: path, message: (error as Error).message },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TrusteeError('INVALID_SCENARIO', `${path}: not JSON`, [
      { file: path, message: (error as Error).message, expected: 'a JSON scenario' },
    ]);
  }
}

export function readScenarioFile(path: string): Scenario {
  return parseScenario(readJsonFile(path), path);
}
