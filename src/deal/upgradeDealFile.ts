import { TrusteeError } from '../errors/catalogue.ts';

/** The deal file format this trustee writes and runs. */
export const DEAL_FORMAT_VERSION = 2;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A deal file of any earlier format, brought to the current one before it is validated, so that
 * a file that loaded before keeps loading, with the same figures (users' deal files are their
 * data). The one place that knows the formats' history:
 * - format 1 (no `formatVersion`): the classes' seniority was the order of the floating classes
 *   in the file; format 2 states it (`seniority`), because a copy of the file with its keys
 *   sorted (the store's canonical JSON) would lose it (M-10 sorts before M-2).
 * A file of a later format than this trustee knows is refused, naming the field.
 */
export function upgradeDealFile(json: unknown, file = '<deal>'): unknown {
  if (!isObject(json)) return json;
  const version = json['formatVersion'];
  if (version === DEAL_FORMAT_VERSION) return json;
  if (version === undefined) return fromFormat1(json);
  throw new TrusteeError('INVALID_DEAL', `${file}: deal file format ${String(version)}`, [
    {
      file,
      field: 'formatVersion',
      message: `format ${JSON.stringify(version)} is not one this trustee reads`,
      expected: `1 (no formatVersion) or ${DEAL_FORMAT_VERSION}`,
      got: version,
    },
  ]);
}

function fromFormat1(json: Json): Json {
  const classes = isObject(json['classes']) ? json['classes'] : {};
  const seniority = Object.entries(classes)
    .filter(([, c]) => isObject(c) && c['kind'] === 'floating')
    .map(([name]) => name);
  return { formatVersion: DEAL_FORMAT_VERSION, ...json, seniority };
}
