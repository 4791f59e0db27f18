import {
  cutoffPosition,
  nextInstallment,
  type LoanPosition,
} from '../../collateral/amortization.ts';
import type { Loan } from '../../collateral/loan.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { allocate } from '../../money/allocate.ts';
import type { Cents } from '../../money/cents.ts';

/**
 * The loans as of a later distribution date when only the pool's total is known (2002-1: the
 * 586 loans after April 2002, 197,974,200.82 in the April statement), as tape rows:
 *
 * 1. each loan kept is amortized `installments` times from its cut-off position on its tape
 *    schedule (rate, payment, remaining term and next due date move as the schedule says);
 * 2. the known total is allocated over the loans in proportion to those scheduled balances,
 *    the last cents by largest remainder (`allocate`), so the loans add up to it exactly. The
 *    difference from the schedule is what the loans prepaid in part (curtailments), spread
 *    pro rata.
 *
 * Every loan is taken as current: next due on the period's next due date. The loans keep their
 * ids and terms; `currentBalance` is the stated balance as of that date.
 */
export function derivePool(
  kept: readonly Loan[],
  installments: number,
  total: Cents,
  indexRate = 0,
): Loan[] {
  const positions = kept.map((loan) => {
    let p: LoanPosition = cutoffPosition(loan);
    for (let k = 0; k < installments; k += 1) p = nextInstallment(loan, p, indexRate).after;
    return p;
  });
  const scheduled = positions.reduce((a, p) => a + p.balance, 0);
  if (total > scheduled || positions.some((p) => p.balance <= 0)) {
    throw new TrusteeError('UNRECONCILED', 'the known pool is above the scheduled balances', [
      {
        field: 'endingPoolBalance',
        message: `the loans' scheduled balances add up to ${(scheduled / 100).toFixed(2)}`,
        expected: 'a total at most the scheduled balances (loans only prepay), every loan open',
        got: (total / 100).toFixed(2),
      },
    ]);
  }
  const balances = allocate(
    total,
    positions.map((p) => p.balance),
  );
  return kept.map((loan, i) => {
    const p = positions[i]!;
    return {
      ...loan,
      currentBalance: balances[i]!,
      noteRate: p.rate,
      scheduledPayment: p.payment,
      remainingTerm: p.remainingTerm,
      nextDueDate: p.nextDueDate,
      arm: loan.arm && p.nextResetDate ? { ...loan.arm, nextResetDate: p.nextResetDate } : loan.arm,
    };
  });
}
