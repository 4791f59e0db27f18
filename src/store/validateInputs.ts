import { z } from 'zod';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { isPlainDate } from '../money/plainDate.ts';
import type { CollectionPeriod } from '../waterfall/types.ts';
import type {
  AuditInput,
  DealVersion,
  DistributionInput,
  LoanTapeInput,
  RemittanceInput,
  StatementInput,
} from './trustStore.ts';

/**
 * Checks at the store's edge: what is written must be whole, so bad input is refused with
 * every problem named by its field before anything is stored.
 */
const cents = z
  .number()
  .int('expected whole cents')
  .min(0, 'expected a non-negative amount')
  .max(Number.MAX_SAFE_INTEGER, 'expected an amount below 2^53 cents');
const count = z.number().int('expected a whole number').min(0, 'expected a count >= 0');
const date = z.string().refine(isPlainDate, 'expected a date as YYYY-MM-DD');
const bucket = z.strictObject({ count, unpaidPrincipal: cents, statedPrincipal: cents });
const nonEmpty = z.string().trim().min(1, 'expected a non-empty text');
const rate = z.number().min(0).max(1, 'expected a decimal rate such as 0.0866');

/** A period's figures, or one loan group's part of them (GroupCollections). */
const collections = {
  beginningPoolBalance: cents,
  endingPoolBalance: cents,
  beginningLoanCount: count,
  endingLoanCount: count,
  scheduledPrincipal: cents,
  curtailments: cents,
  paymentsInFull: cents,
  liquidationProceeds: cents,
  repurchasePrincipal: cents,
  realizedLosses: cents,
  bankruptcyLosses: cents,
  interestCollected: cents,
  compensatingInterest: cents,
  prepaymentInterestShortfall: cents,
  reliefActShortfall: cents,
  prepaymentCharges: cents,
  advances: cents,
  reoPrincipalAmortization: cents,
  extraordinaryExpenses: cents,
  weightedAverageRate: rate,
  weightedAverageRemainingTerm: z.number().min(0).max(600),
  delinquency: z.strictObject({
    days30to59: bucket,
    days60to89: bucket,
    days90plus: bucket,
    foreclosure: bucket,
    bankruptcy: bucket,
    bankruptcy60plus: bucket,
    reo: bucket,
    reoBookValue: cents,
  }),
};

/** A CollectionPeriod in cents (src/waterfall/types.ts), unknown fields refused. */
export const collectionPeriodSchema = z.strictObject({
  distributionDate: date,
  ...collections,
  cleanUpCall: z.boolean().optional(),
  source: nonEmpty,
  /** A deal with loan groups: each group's figures, by group name. */
  groups: z.record(z.string(), z.strictObject(collections)).optional(),
});

const rawRows = z.array(
  z.record(z.string(), z.unknown()).refine(isJsonValue, 'expected a row of JSON values'),
);

const loanTapeSchema = z.object({ dealId: nonEmpty, asOf: date, source: nonEmpty, rows: rawRows });
const remittanceSchema = z.object({
  dealId: nonEmpty,
  source: nonEmpty,
  rows: rawRows,
  period: collectionPeriodSchema,
});
const statementSchema = z.object({
  dealId: nonEmpty,
  distributionDate: date,
  version: z.number().int().min(1),
  format: z.string().regex(/^[a-z0-9][a-z0-9.+-]{0,31}$/, 'expected a format such as "txt"'),
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
  renderedAt: nonEmpty,
  renderedBy: nonEmpty,
});
const classFigures = z.object({
  name: nonEmpty,
  beginningBalance: cents,
  interestPaid: cents,
  principalPaid: cents,
  realizedLoss: cents,
  endingBalance: cents,
});
const distributionSchema = z.object({
  dealId: nonEmpty,
  distributionDate: date,
  distributionNumber: z.number().int().min(1),
  version: z.number().int().min(1),
  dealHash: nonEmpty,
  remittanceId: nonEmpty,
  inputHash: nonEmpty,
  indexFixing: z.object({ rate: z.number().min(-0.05).max(0.5), determinationDate: date }),
  distribution: z.object({
    dealId: nonEmpty,
    distributionDate: date,
    classes: z.array(classFigures),
  }),
  stateBefore: z.object({ dealId: nonEmpty, poolBalance: cents }),
  stateAfter: z.object({ dealId: nonEmpty, lastDate: date, poolBalance: cents }),
  closedAt: nonEmpty,
  closedBy: nonEmpty,
  reason: z.string().trim().min(1).nullable(),
});
const dealVersionSchema = z.object({
  dealId: nonEmpty,
  version: z.number().int().min(1),
  dealHash: nonEmpty,
  effectiveFrom: date,
  amendedAt: nonEmpty,
  amendedBy: nonEmpty,
  reason: z.string().trim().min(1).nullable(),
});
const auditSchema = z.object({
  at: nonEmpty,
  actor: nonEmpty,
  action: nonEmpty,
  dealId: nonEmpty.optional(),
  distributionDate: date.optional(),
  version: z.number().int().min(1).optional(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).refine(isJsonValue).optional(),
  address: nonEmpty.optional(),
});

/** True when the value survives JSON unchanged (plain objects, finite numbers, no functions). */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    Object.values(value).every((v) => v === undefined || isJsonValue(v))
  );
}

/** "period.delinquency.reo.count", "rows[2]": the path of an issue as a field name. */
function fieldName(prefix: string, path: readonly PropertyKey[]): string {
  let field = prefix;
  for (const key of path) {
    if (typeof key === 'number') field += `[${key}]`;
    else field += field ? `.${String(key)}` : String(key);
  }
  return field;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string, prefix = ''): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details: ErrorDetail[] = parsed.error.issues.map((issue) => {
    const field = fieldName(prefix, issue.path);
    return { field: field || what, message: issue.message };
  });
  throw new TrusteeError('INVALID_INPUT', `the ${what} is not valid`, details);
}

export function validatePeriod(value: unknown, prefix = 'period'): CollectionPeriod {
  return check(collectionPeriodSchema, value, 'collection period', prefix) as CollectionPeriod;
}
export const validateLoanTape = (v: LoanTapeInput): void =>
  void check(loanTapeSchema, v, 'loan tape');
export const validateRemittance = (v: RemittanceInput): void =>
  void check(remittanceSchema, v, 'remittance');
export function validateDistribution(v: DistributionInput): void {
  check(distributionSchema, v, 'distribution');
  const mismatched = (
    [
      ['distribution.dealId', v.distribution.dealId, v.dealId],
      ['stateAfter.dealId', v.stateAfter.dealId, v.dealId],
      ['distribution.distributionDate', v.distribution.distributionDate, v.distributionDate],
      ['stateAfter.lastDate', v.stateAfter.lastDate, v.distributionDate],
    ] as const
  ).filter(([, got, expected]) => got !== expected);
  if (mismatched.length > 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      'the distribution is not valid',
      mismatched.map(([field, got, expected]) => ({
        field,
        message: 'does not match the record',
        expected,
        got,
      })),
    );
  }
}
export const validateStatement = (v: StatementInput): void =>
  void check(statementSchema, v, 'statement');
export const validateDealVersion = (v: DealVersion): void =>
  void check(dealVersionSchema, v, 'deal version');
export const validateAudit = (v: AuditInput): void => void check(auditSchema, v, 'audit entry');
