import {
  cutoffPosition,
  nextInstallment,
  type Installment,
} from '../../collateral/amortization.ts';
import type { Loan } from '../../collateral/loan.ts';
import { prepaymentCharge } from '../../collateral/prepaymentCharge.ts';
import type { Deal } from '../../deal/deal.ts';
import { distributionDate } from '../../deal/schedule.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { cents, sub, sum, type Cents } from '../../money/cents.ts';
import { collectionMonth } from '../collectionMonth.ts';

/**
 * The first collection period of a deal whose first statement is not in the seeds (2002-1:
 * March 2002), derived from what is known around it: the cut-off tape (the pool at closing)
 * and the trust after the first distribution (the next statement's beginning balances). The
 * principal collected is fixed by the two pools; how it splits is derived loan by loan:
 *
 * - the loans that left are `cutoff count - count after` payoffs, chosen among the tape's loans
 *   as the set whose curtailments (what is left once scheduled principal and payoffs are taken
 *   out) come nearest to `referenceCurtailments` (the next month's printed figure) and not
 *   below zero; ties go to the set that comes first in tape order;
 * - scheduled principal: the first installment of every loan kept (tape schedule);
 * - interest: one month at 30/360 on every loan's cut-off balance at its note rate (a payoff
 *   pays interest to its date; the shortfall is taken as covered by compensating interest);
 * - prepayment charges: each payoff's charge under its tape terms.
 */
export interface FirstPeriod {
  readonly payoffs: readonly Loan[];
  readonly kept: readonly Loan[];
  /** Each kept loan's first installment, in the order of `kept`. */
  readonly installments: readonly Installment[];
  readonly scheduledPrincipal: Cents;
  readonly paymentsInFull: Cents;
  readonly curtailments: Cents;
  readonly interestCollected: Cents;
  readonly prepaymentCharges: Cents;
  /** Weighted average note rate at the start (by cut-off balance). */
  readonly weightedAverageRate: number;
  /** Weighted average remaining term after the installment (by the balances after it). */
  readonly weightedAverageRemainingTerm: number;
}

/** Searches every set of `k` loans (k <= 3), best first by the rule above. */
function choosePayoffs(
  loans: readonly Loan[],
  installments: readonly Installment[],
  k: number,
  principal: Cents,
  scheduledAll: Cents,
  reference: Cents,
): number[] {
  if (k < 0 || k > 3 || k > loans.length) {
    throw new TrusteeError('INVALID_INPUT', `cannot derive ${k} payoffs from the tape`, [
      {
        field: 'loanCount',
        message: `the pool falls from ${loans.length} loans by ${k}`,
        expected: 'between 0 and 3 loans leaving in the first period',
      },
    ]);
  }
  // Curtailments if the chosen loans pay off: principal - (scheduled of the kept) - payoffs.
  const left = (chosen: number[]): number =>
    chosen.reduce(
      (c, i) => c + (installments[i]?.principal ?? 0) - (loans[i]?.currentBalance ?? 0),
      principal - scheduledAll,
    );
  let best: { chosen: number[]; distance: number } | undefined;
  const visit = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      const curtailments = left(chosen);
      const distance = Math.abs(curtailments - reference);
      if (curtailments >= 0 && (!best || distance < best.distance))
        best = { chosen: [...chosen], distance };
      return;
    }
    for (let i = start; i < loans.length; i += 1) visit(i + 1, [...chosen, i]);
  };
  visit(0, []);
  if (!best) {
    throw new TrusteeError('UNRECONCILED', 'no set of payoffs leaves curtailments >= 0', [
      {
        field: 'principal',
        message: `principal collected ${(principal / 100).toFixed(2)} is below the scheduled principal of the loans kept`,
        expected: 'the pool after the first distribution to be reachable from the tape',
      },
    ]);
  }
  return best.chosen;
}

export function deriveFirstPeriod(
  deal: Deal,
  loans: readonly Loan[],
  after: { poolBalance: Cents; loanCount: number },
  referenceCurtailments: Cents,
): FirstPeriod {
  const month = collectionMonth(deal, 1);
  const firstDue = loans.filter((l) => l.nextDueDate !== month.dueDate);
  if (firstDue.length > 0) {
    throw new TrusteeError('INVALID_INPUT', 'the first period is derived from a current tape', [
      {
        field: 'next_due_date',
        message: `loan ${firstDue[0]!.id} is due ${firstDue[0]!.nextDueDate}`,
        expected: `every loan next due ${month.dueDate} (distribution ${distributionDate(deal, 1)})`,
      },
    ]);
  }
  const cutoff = sum(loans, (l) => l.currentBalance);
  const all = loans.map((l) => nextInstallment(l, cutoffPosition(l)));
  const principal = sub(cutoff, after.poolBalance);
  const chosen = new Set(
    choosePayoffs(
      loans,
      all,
      loans.length - after.loanCount,
      principal,
      sum(all, (i) => i.principal),
      referenceCurtailments,
    ),
  );
  const payoffs = loans.filter((_, i) => chosen.has(i));
  const kept = loans.filter((_, i) => !chosen.has(i));
  const installments = all.filter((_, i) => !chosen.has(i));
  const scheduledPrincipal = sum(installments, (i) => i.principal);
  const paymentsInFull = sum(payoffs, (l) => l.currentBalance);
  const curtailments = cents(principal - scheduledPrincipal - paymentsInFull);
  const keptAfter = installments.reduce((a, i) => a + i.after.balance, 0);
  return {
    payoffs,
    kept,
    installments,
    scheduledPrincipal,
    paymentsInFull,
    curtailments,
    interestCollected: sum(all, (i) => i.interest),
    // Payoffs received within the collection month, before the charge expires.
    prepaymentCharges: sum(payoffs, (l) =>
      prepaymentCharge(l, l.currentBalance, l.noteRate, month.end),
    ),
    weightedAverageRate: loans.reduce((a, l) => a + l.currentBalance * l.noteRate, 0) / cutoff,
    weightedAverageRemainingTerm:
      installments.reduce((a, i) => a + i.after.balance * i.after.remainingTerm, 0) / keptAfter,
  };
}
