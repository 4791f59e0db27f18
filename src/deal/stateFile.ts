import { z } from 'zod';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { cents, parseDollars, ZERO, type Cents } from '../money/cents.ts';
import { isPlainDate, plainDate } from '../money/plainDate.ts';
import { readJsonDocument } from '../input/jsonDocument.ts';
import { schemaIssues } from '../input/schemaIssues.ts';
import type { ClassState, DealState } from '../trust/types.ts';
import type { Deal } from './deal.ts';
import { distributionDate } from './schedule.ts';

/**
 * A known state of the trust after a distribution date, as a JSON file: where a run starts when
 * earlier months are not in trustee (e.g. the April 2002 statement's beginning balances).
 */
const amount = z.string().transform((value, ctx) => {
  try {
    return parseDollars(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a dollar amount such as "1234.56"' });
    return z.NEVER;
  }
});
const classEntry = z.strictObject({
  balance: amount,
  unpaidInterest: amount.prefault('0'),
  netWacCarryover: amount.prefault('0'),
  unpaidRealizedLoss: amount.prefault('0'),
});
export const stateFileSchema = z.strictObject({
  distributionDate: z.string().refine(isPlainDate, 'expected a date as YYYY-MM-DD'),
  distributionNumber: z.number().int().min(0),
  source: z.string().optional(),
  poolBalance: amount,
  loanCount: z.number().int().min(0),
  classes: z.record(z.string(), classEntry),
  requiredOvercollateralization: amount,
  stepdownOccurred: z.boolean(),
  cumulativeRealizedLosses: amount,
});

export function parseStateFile(deal: Deal, json: unknown, file = '<state>'): DealState {
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${file}: the state file is not valid`,
      schemaIssues(stateFileSchema, json, parsed.error.issues, file),
    );
  }
  const data = parsed.data;
  const problems: ErrorDetail[] = [];
  for (const name of Object.keys(data.classes)) {
    if (!deal.classByName.has(name))
      problems.push({
        file,
        field: `classes.${name}`,
        message: `unknown class "${name}"`,
        expected: `one of ${deal.classes.map((c) => c.name).join(', ')}`,
      });
  }
  const classes: Record<string, ClassState> = {};
  for (const c of deal.classes) {
    const entry = data.classes[c.name];
    if (!entry && c.kind !== 'residual')
      problems.push({
        file,
        field: `classes.${c.name}`,
        message: 'missing',
        expected: 'the class balance',
      });
    classes[c.name] = entry ?? {
      balance: ZERO,
      unpaidInterest: ZERO,
      netWacCarryover: ZERO,
      unpaidRealizedLoss: ZERO,
    };
  }
  const date = plainDate(data.distributionDate);
  if (data.distributionNumber > 0 && distributionDate(deal, data.distributionNumber) !== date) {
    problems.push({
      file,
      field: 'distributionDate',
      message: `distribution ${data.distributionNumber} is on ${distributionDate(deal, data.distributionNumber)}`,
      expected: distributionDate(deal, data.distributionNumber),
      got: date,
    });
  }
  const total = Object.values(classes).reduce((acc, c) => acc + c.balance, 0);
  if (problems.length === 0 && total !== data.poolBalance) {
    problems.push({
      file,
      field: 'poolBalance',
      message: `the classes add up to ${(total / 100).toFixed(2)}`,
      expected: 'the pool balance to equal the classes (CE is the overcollateralization)',
      got: (data.poolBalance / 100).toFixed(2),
    });
  }
  if (problems.length > 0) {
    throw new TrusteeError(
      problems.some((p) => p.message.startsWith('unknown class'))
        ? 'UNKNOWN_CLASS'
        : 'INVALID_INPUT',
      `${file}: the state file is not valid`,
      problems,
    );
  }
  return {
    dealId: deal.id,
    distributionNumber: data.distributionNumber,
    lastDate: date,
    poolBalance: data.poolBalance,
    loanCount: data.loanCount,
    classes,
    requiredOvercollateralization: data.requiredOvercollateralization,
    stepdownOccurred: data.stepdownOccurred,
    cumulativeRealizedLosses: cents(data.cumulativeRealizedLosses) as Cents,
    terminated: false,
  };
}

export function readStateFile(deal: Deal, path: string): DealState {
  const json = readJsonDocument(path, { code: 'INVALID_INPUT', what: 'state file' });
  return parseStateFile(deal, json, path);
}
