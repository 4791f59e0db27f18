import { z } from 'zod';
import { problemList } from '../collateral/problemList.ts';
import type { Cents } from '../money/cents.ts';

/**
 * What a projection needs of one loan's line of a closed remittance: where the loan stands
 * after the period. The store keeps the servicer's rows as opaque JSON (the `RemittanceRow`
 * of src/servicing/remittanceRow.ts, as `closeThrough` stores it), so they are checked here.
 */
export interface LoanAfterPeriod {
  readonly loanId: string;
  /** Stated principal balance after the period (0: the loan left the pool). */
  readonly endingBalance: Cents;
  /** Installments left to maturity after the period. */
  readonly remainingTerm: number;
  /** Note rate of the period's installment (decimal). */
  readonly noteRate: number;
  /** The period's installment (0 when the loan left before it was due). */
  readonly scheduledPayment: Cents;
  /** Behind on its installments, in bankruptcy, foreclosure or REO after the period. */
  readonly distressed: boolean;
  /** In foreclosure or REO after the period (projections liquidate these unless told not to). */
  readonly inForeclosure: boolean;
  /** 60+ days delinquent or in bankruptcy, not in foreclosure (`rollToDefault` applies). */
  readonly seriouslyDelinquent: boolean;
}

const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const status = z.enum(['current', '30', '60', '90']).optional();

const storedRowSchema = z
  .object({
    loanId: z.string().min(1),
    endingBalance: cents,
    remainingTerm: z.number().int().min(0).max(480),
    noteRate: z.number().min(0).max(1),
    scheduledPayment: cents,
    delinquencyMba: status,
    foreclosure: z.boolean(),
    bankruptcy: z.boolean(),
    reo: z.boolean(),
  })
  .transform((r): LoanAfterPeriod => ({
    loanId: r.loanId,
    endingBalance: r.endingBalance as Cents,
    remainingTerm: r.remainingTerm,
    noteRate: r.noteRate,
    scheduledPayment: r.scheduledPayment as Cents,
    distressed:
      (r.delinquencyMba ?? 'current') !== 'current' || r.foreclosure || r.bankruptcy || r.reo,
    inForeclosure: r.foreclosure || r.reo,
    seriouslyDelinquent:
      !(r.foreclosure || r.reo) &&
      (r.delinquencyMba === '60' || r.delinquencyMba === '90' || r.bankruptcy),
  }));

/**
 * The stored rows of one remittance, checked: every problem is reported at once (INVALID_INPUT),
 * each naming `source` (the store and the date) and the row (1 = the first loan).
 */
export function loansAfterPeriod(
  rows: readonly Readonly<Record<string, unknown>>[],
  source: string,
): LoanAfterPeriod[] {
  const problems = problemList(source);
  const loans: LoanAfterPeriod[] = [];
  rows.forEach((raw, i) => {
    const parsed = storedRowSchema.safeParse(raw);
    if (parsed.success) loans.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.add({
          file: source,
          row: i + 1,
          field: String(issue.path[0] ?? ''),
          message: 'invalid stored remittance row',
          expected: issue.message,
          got: issue.path[0] === undefined ? undefined : raw[String(issue.path[0])],
        });
  });
  problems.throwIfAny('INVALID_INPUT', 'stored remittance rows do not match the remittance row');
  return loans;
}
