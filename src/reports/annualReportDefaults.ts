import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TrusteeError } from '../errors/catalogue.ts';
import { readJsonDocument } from '../input/jsonDocument.ts';
import { schemaIssues } from '../input/schemaIssues.ts';
import { isPlainDate, plainDate, type PlainDate } from '../money/plainDate.ts';

/**
 * Facts of a Form 10-K that are neither in the deal nor in the distributions: holders of record
 * at year end, who signs, and when. Built-in deals take them from annualReportDefaults.json
 * (for nchet-2002-1, the 2002 10-K's); a caller may give its own.
 */
export interface AnnualReportFacts {
  readonly holdersOfRecord: Readonly<Record<string, number>>;
  readonly signer: { readonly name: string; readonly title: string };
  readonly signedOn: PlainDate;
  readonly certifiedOn: PlainDate;
}

const date = z.string().refine(isPlainDate, 'expected a date as YYYY-MM-DD');
const defaultsSchema = z.record(
  z.string(),
  z.strictObject({
    source: z.string(),
    holdersOfRecord: z.record(z.string(), z.number().int().min(0)),
    signer: z.strictObject({ name: z.string(), title: z.string() }),
    years: z.record(z.string(), z.strictObject({ signedOn: date, certifiedOn: date })),
  }),
);

const file = fileURLToPath(new URL('./annualReportDefaults.json', import.meta.url));
let cache: z.infer<typeof defaultsSchema> | undefined;

function defaults(): z.infer<typeof defaultsSchema> {
  if (!cache) {
    const json = readJsonDocument(file, { code: 'INVALID_INPUT', what: '10-K facts file' });
    const parsed = defaultsSchema.safeParse(json);
    if (!parsed.success) {
      throw new TrusteeError(
        'INVALID_INPUT',
        `${file}: not valid`,
        schemaIssues(defaultsSchema, json, parsed.error.issues, file),
      );
    }
    cache = parsed.data;
  }
  return cache;
}

/** The given facts, completed from the deal's defaults; an error names each one missing. */
export function annualReportFacts(
  dealId: string,
  year: number,
  given: Partial<AnnualReportFacts> = {},
): AnnualReportFacts {
  const known = defaults()[dealId];
  const dates = known?.years[String(year)];
  const holdersOfRecord = given.holdersOfRecord ?? known?.holdersOfRecord;
  const signer = given.signer ?? known?.signer;
  const signedOn = given.signedOn ?? (dates ? plainDate(dates.signedOn) : undefined);
  const certifiedOn = given.certifiedOn ?? (dates ? plainDate(dates.certifiedOn) : signedOn);
  const missing = [
    ['holdersOfRecord', holdersOfRecord, 'the number of holders of record of each class'],
    ['signer', signer, 'the name and title of the officer who signs'],
    ['signedOn', signedOn, 'the date the report is signed (YYYY-MM-DD)'],
  ].filter(([, value]) => value === undefined);
  if (!holdersOfRecord || !signer || !signedOn || !certifiedOn) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `the Form 10-K of ${dealId} for ${year} needs facts that are not in the deal`,
      missing.map(([field, , expected]) => ({
        field: String(field),
        message: `no default for ${dealId} ${year}`,
        expected: String(expected),
      })),
    );
  }
  return { holdersOfRecord, signer, signedOn, certifiedOn };
}
