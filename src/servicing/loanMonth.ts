import type { Installment } from '../collateral/amortization.ts';
import type { Loan } from '../collateral/loan.ts';
import { prepaymentCharge } from '../collateral/prepaymentCharge.ts';
import { cents, roundHalfUp, sub, ZERO, type Cents } from '../money/cents.ts';
import { days30360 } from '../money/dayCount.ts';
import { fromParts, parts } from '../money/plainDate.ts';
import { accrue } from '../money/rate.ts';
import type { Arrears } from './arrears.ts';
import { blankLine } from './blankLine.ts';
import type { CollectionMonth } from './collectionMonth.ts';
import type { RemittanceLine } from './writeRemittance.ts';

/**
 * A loan's month as its servicer reports it, piece by piece: the installment scheduled, then
 * what happened (a payment with or without a curtailment, a payoff, a liquidation, or arrears:
 * `arrearsMonth`). The performance simulator draws what happens and the derived year plans it;
 * both report it through these.
 */

/** The month's line before anything happened: the installment due and the servicing fee. */
export function scheduledLine(
  month: CollectionMonth,
  loan: Loan,
  beginning: Cents,
  inst: Installment,
  servicingFeeRate: number,
): RemittanceLine {
  return {
    ...blankLine(month.distributionDate, loan.id, beginning, inst.rate),
    scheduledPayment: inst.payment,
    scheduledPrincipal: inst.principal,
    scheduledInterest: inst.interest,
    servicingFee: accrue(beginning, servicingFeeRate, 30, 360),
    endingBalance: inst.after.balance,
    remainingTerm: inst.after.remainingTerm,
  };
}

/** A loan that leaves the pool: nothing more is scheduled. */
const EXIT = {
  scheduledPayment: ZERO,
  scheduledPrincipal: ZERO,
  endingBalance: ZERO,
  remainingTerm: 0,
};

/** Paid in full on `day` of the month: interest to that day (30/360) and the charge, if any. */
export function payoffLine(
  line: RemittanceLine,
  loan: Loan,
  month: CollectionMonth,
  day: number,
): RemittanceLine {
  const { year, month: m } = parts(month.start);
  const payoffDate = fromParts(year, m, day);
  const beginning = line.beginningBalance;
  return {
    ...line,
    ...EXIT,
    actualInterest: accrue(beginning, line.noteRate, days30360(month.start, payoffDate), 360),
    payoff: beginning,
    payoffDate,
    prepaymentCharge: prepaymentCharge(loan, beginning, line.noteRate, payoffDate),
  };
}

/**
 * Liquidated with `loss`: the proceeds are the balance less the loss plus the expenses, which
 * are `expenseShare` of the balance and the advances the servicer recovers (the arrears).
 */
export function liquidationLine(
  line: RemittanceLine,
  loan: Arrears,
  loss: Cents,
  expenseShare: number,
): RemittanceLine {
  const beginning = line.beginningBalance;
  const advanced = loan.arrears.reduce((t, x) => t + x.principal + x.interest, 0);
  const expenses = cents(roundHalfUp(beginning * expenseShare) + advanced);
  loan.arrears = [];
  return {
    ...line,
    ...EXIT,
    liquidationProceeds: cents(sub(beginning, loss) + expenses),
    liquidationExpenses: expenses,
    realizedLoss: loss,
  };
}

/** The installment paid, and a curtailment (with its charge) if there is one. */
export function paymentLine(
  line: RemittanceLine,
  loan: Loan,
  month: CollectionMonth,
  inst: Installment,
  curtailment: Cents,
): RemittanceLine {
  const paid = { ...line, actualPrincipal: inst.principal, actualInterest: inst.interest };
  if (curtailment <= 0) return paid;
  return {
    ...paid,
    curtailment,
    prepaymentCharge: prepaymentCharge(loan, curtailment, line.noteRate, month.end),
    endingBalance: sub(inst.after.balance, curtailment),
  };
}
