import { ZERO, type Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { RemittanceLine } from './writeRemittance.ts';

/** A loan's remittance line with every amount zero and no standing, to be filled in. */
export function blankLine(
  distributionDate: PlainDate,
  loanId: string,
  beginningBalance: Cents,
  noteRate: number,
): RemittanceLine {
  return {
    distributionDate,
    loanId,
    beginningBalance,
    noteRate,
    scheduledPayment: ZERO,
    scheduledPrincipal: ZERO,
    scheduledInterest: ZERO,
    actualPrincipal: ZERO,
    actualInterest: ZERO,
    curtailment: ZERO,
    payoff: ZERO,
    payoffDate: undefined,
    repurchase: ZERO,
    prepaymentCharge: ZERO,
    liquidationProceeds: ZERO,
    liquidationExpenses: ZERO,
    realizedLoss: ZERO,
    reliefActShortfall: ZERO,
    piAdvance: ZERO,
    advanceReimbursement: ZERO,
    servicingFee: ZERO,
    remitted: ZERO,
    endingBalance: ZERO,
    unpaidPrincipalBalance: ZERO,
    remainingTerm: 0,
    nextDueDate: undefined,
    delinquencyMba: undefined,
    delinquencyOts: undefined,
    foreclosure: false,
    bankruptcy: false,
    reo: false,
    reoBookValue: ZERO,
  };
}
