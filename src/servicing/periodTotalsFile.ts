import { z } from 'zod';
import { TrusteeError } from '../errors/catalogue.ts';
import { readJsonDocument } from '../input/jsonDocument.ts';
import { schemaIssues } from '../input/schemaIssues.ts';
import { parseDollars, type Cents } from '../money/cents.ts';
import { isPlainDate, plainDate } from '../money/plainDate.ts';
import { plainDollars } from '../money/formatCents.ts';
import {
  PERIOD_AMOUNTS,
  type CollectionPeriod,
  type Delinquency,
  type DelinquencyBucket,
  type GroupCollections,
} from '../trust/types.ts';

/**
 * The collection-period totals file (JSON): what the waterfall takes for one distribution
 * date. Amounts are dollars with cents, as strings ("138643.32") or numbers. docs/formats.md
 * describes every field.
 */
const amount = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    const c = typeof value === 'number' ? parseDollars(value.toFixed(2)) : parseDollars(value);
    if (typeof value === 'number' && Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
      throw new Error();
    if (c < 0) throw new Error();
    return c;
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'expected a non-negative dollar amount with at most 2 decimals',
    });
    return z.NEVER;
  }
});
const count = z.number().int().min(0);
const bucket = z.strictObject({ count, unpaidPrincipal: amount, statedPrincipal: amount });
const emptyBucket = { count: 0, unpaidPrincipal: '0', statedPrincipal: '0' };

/** The figures of a period, and of each loan group's part of it. */
const collections = {
  beginningPoolBalance: amount,
  endingPoolBalance: amount,
  beginningLoanCount: count,
  endingLoanCount: count,
  scheduledPrincipal: amount,
  curtailments: amount,
  paymentsInFull: amount,
  liquidationProceeds: amount.prefault(0),
  repurchasePrincipal: amount.prefault(0),
  realizedLosses: amount.prefault(0),
  bankruptcyLosses: amount.prefault(0),
  interestCollected: amount,
  compensatingInterest: amount.prefault(0),
  prepaymentInterestShortfall: amount.prefault(0),
  reliefActShortfall: amount.prefault(0),
  prepaymentCharges: amount.prefault(0),
  advances: amount.prefault(0),
  reoPrincipalAmortization: amount.prefault(0),
  extraordinaryExpenses: amount.prefault(0),
  weightedAverageRate: z.number().min(0).max(1),
  weightedAverageRemainingTerm: z.number().min(0).max(600),
  delinquency: z
    .strictObject({
      days30to59: bucket.prefault(emptyBucket),
      days60to89: bucket.prefault(emptyBucket),
      days90plus: bucket.prefault(emptyBucket),
      foreclosure: bucket.prefault(emptyBucket),
      bankruptcy: bucket.prefault(emptyBucket),
      bankruptcy60plus: bucket.prefault(emptyBucket),
      reo: bucket.prefault(emptyBucket),
      reoBookValue: amount.prefault(0),
    })
    .prefault({}),
};

export const periodTotalsSchema = z.strictObject({
  distributionDate: z.string().refine(isPlainDate, 'expected a date as YYYY-MM-DD'),
  source: z.string().default('collection-period totals file'),
  ...collections,
  cleanUpCall: z.boolean().default(false),
  /** A deal with loan groups: each group's figures, by group name (the period's add up to them). */
  groups: z.record(z.string(), z.strictObject(collections)).optional(),
  notes: z.array(z.string()).default([]),
});

export function parsePeriodTotals(json: unknown, file = '<period totals>'): CollectionPeriod {
  const parsed = periodTotalsSchema.safeParse(json);
  if (!parsed.success) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${file}: the collection-period totals are not valid`,
      schemaIssues(periodTotalsSchema, json, parsed.error.issues, file),
    );
  }
  const { notes: _notes, distributionDate, delinquency, groups, ...rest } = parsed.data;
  return {
    ...rest,
    distributionDate: plainDate(distributionDate),
    delinquency: delinquencyTable(delinquency),
    ...(groups
      ? {
          groups: Object.fromEntries(
            Object.entries(groups).map(([name, g]) => [
              name,
              { ...g, delinquency: delinquencyTable(g.delinquency) },
            ]),
          ),
        }
      : {}),
  };
}

type ParsedDelinquency = z.infer<typeof periodTotalsSchema>['delinquency'];

function delinquencyTable(delinquency: ParsedDelinquency): Delinquency {
  const asBucket = (b: {
    count: number;
    unpaidPrincipal: Cents;
    statedPrincipal: Cents;
  }): DelinquencyBucket => b;
  return {
    days30to59: asBucket(delinquency.days30to59),
    days60to89: asBucket(delinquency.days60to89),
    days90plus: asBucket(delinquency.days90plus),
    foreclosure: asBucket(delinquency.foreclosure),
    bankruptcy: asBucket(delinquency.bankruptcy),
    bankruptcy60plus: asBucket(delinquency.bankruptcy60plus),
    reo: asBucket(delinquency.reo),
    reoBookValue: delinquency.reoBookValue,
  };
}

export function readPeriodTotalsFile(path: string): CollectionPeriod {
  const json = readJsonDocument(path, {
    code: 'INVALID_INPUT',
    what: 'collection-period totals file',
  });
  return parsePeriodTotals(json, path);
}

/**
 * A collection period as a totals file (the inverse of `parsePeriodTotals`): every amount in
 * dollars with cents, so that what `remittance check --json` prints closes a date as
 * `--totals` and reads back to the same period.
 */
export function periodTotalsDocument(
  period: CollectionPeriod | GroupCollections,
): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(period)) {
    if (key === 'delinquency') continue;
    if (key === 'groups') {
      document[key] = Object.fromEntries(
        Object.entries(value as Record<string, GroupCollections>).map(([name, group]) => [
          name,
          periodTotalsDocument(group),
        ]),
      );
      continue;
    }
    document[key] = AMOUNT_FIELDS.has(key) ? plainDollars(value as Cents) : value;
  }
  const table: Record<string, unknown> = {};
  for (const [bucket, value] of Object.entries(period.delinquency)) {
    table[bucket] =
      typeof value === 'number'
        ? plainDollars(value as Cents)
        : {
            count: value.count,
            unpaidPrincipal: plainDollars(value.unpaidPrincipal),
            statedPrincipal: plainDollars(value.statedPrincipal),
          };
  }
  document['delinquency'] = table;
  return document;
}

/** The totals file's dollar fields: the period's amounts (outside the delinquency table). */
const AMOUNT_FIELDS: ReadonlySet<string> = new Set(PERIOD_AMOUNTS);
