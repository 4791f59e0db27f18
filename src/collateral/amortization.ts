import { cents, excess, min, sub, type Cents } from '../money/cents.ts';
import { days30360 } from '../money/dayCount.ts';
import { addMonths, compare, type PlainDate } from '../money/plainDate.ts';
import { accrue } from '../money/rate.ts';
import { resetRate } from './armReset.ts';
import { levelPayment } from './levelPayment.ts';
import type { Loan } from './loan.ts';

/**
 * Where a loan's schedule stands: the stated balance, the rate and payment in effect, the
 * installments left and the due date of the next one, and (for an ARM) the next reset.
 * Every function here is pure and works in cents.
 */
export interface LoanPosition {
  readonly balance: Cents;
  readonly rate: number;
  readonly payment: Cents;
  /** Installments left to maturity, counting the next one. */
  readonly remainingTerm: number;
  /** Due date of the next scheduled installment. */
  readonly nextDueDate: PlainDate;
  /** ARM: due date of the first installment at the next reset rate. */
  readonly nextResetDate: PlainDate | undefined;
  /** ARM: whether the first reset (first cap) is behind. */
  readonly firstResetDone: boolean;
}

/** One scheduled installment: the rate and payment it used and its interest/principal split. */
export interface Installment {
  readonly dueDate: PlainDate;
  readonly rate: number;
  readonly payment: Cents;
  readonly interest: Cents;
  readonly principal: Cents;
  /** The position after the installment is applied to the stated balance. */
  readonly after: LoanPosition;
}

/** The loan's position at the cut-off date, from the tape. */
export function cutoffPosition(loan: Loan): LoanPosition {
  return {
    balance: loan.currentBalance,
    rate: loan.noteRate,
    payment: loan.scheduledPayment,
    remainingTerm: loan.remainingTerm,
    nextDueDate: loan.nextDueDate,
    nextResetDate: loan.arm?.nextResetDate,
    firstResetDone: loan.arm !== undefined && loan.arm.nextResetDate !== loan.arm.firstResetDate,
  };
}

/** One month's interest at the note rate, 30/360 (balance x rate / 12, rounded once). */
export function monthlyInterest(balance: Cents, rate: number): Cents {
  return accrue(balance, rate, 30, 360);
}

/**
 * The next scheduled installment. For an ARM whose reset falls on this due date the rate is
 * reset (`indexRate` is the index value the note uses for that reset) and the payment recast:
 * the level payment on the balance over the amortization months left. Interest is one month
 * at 30/360; principal is the payment less interest, never more than the balance; the last
 * installment (and a balloon's) takes the whole balance.
 */
export function nextInstallment(loan: Loan, position: LoanPosition, indexRate = 0): Installment {
  if (position.remainingTerm < 1 || position.balance <= 0) {
    throw new RangeError(`loan ${loan.id}: no installment left (balance ${position.balance})`);
  }
  let { rate, payment, nextResetDate, firstResetDone } = position;
  const dueDate = position.nextDueDate;
  if (loan.arm && nextResetDate && compare(dueDate, nextResetDate) >= 0) {
    rate = resetRate(loan.arm, rate, indexRate, !firstResetDone);
    const amortizationLeft = loan.amortizationTerm - (loan.originalTerm - position.remainingTerm);
    payment = levelPayment(position.balance, rate, Math.max(amortizationLeft, 1));
    nextResetDate = addMonths(nextResetDate, loan.arm.resetFrequency);
    firstResetDone = true;
  }
  const interest = monthlyInterest(position.balance, rate);
  const principal =
    position.remainingTerm === 1
      ? position.balance
      : min(position.balance, excess(payment, interest));
  return {
    dueDate,
    rate,
    payment: cents(principal + interest),
    interest,
    principal,
    after: {
      balance: sub(position.balance, principal),
      rate,
      payment,
      remainingTerm: position.remainingTerm - 1,
      nextDueDate: addMonths(dueDate, 1),
      nextResetDate,
      firstResetDone,
    },
  };
}

/**
 * A curtailment (partial prepayment): the balance falls, the payment stays, so the loan pays
 * off earlier. Refuses more than the balance (that is a payoff).
 */
export function curtail(position: LoanPosition, amount: Cents): LoanPosition {
  if (amount < 0 || amount >= position.balance) {
    throw new RangeError(
      `a curtailment must be between 0 and the balance ${position.balance}, got ${amount}`,
    );
  }
  return { ...position, balance: sub(position.balance, amount) };
}

/**
 * A payoff (prepayment in full) on `payoffDate`: the whole stated balance, with interest at
 * the note rate from `paidThrough` (the date interest is paid to, the first of the month for a
 * current loan) to the payoff date, 30/360.
 */
export function payoff(
  position: LoanPosition,
  paidThrough: PlainDate,
  payoffDate: PlainDate,
): { principal: Cents; interest: Cents } {
  const days = days30360(paidThrough, payoffDate);
  if (days < 0) throw new RangeError(`payoff ${payoffDate} is before ${paidThrough}`);
  return {
    principal: position.balance,
    interest: accrue(position.balance, position.rate, days, 360),
  };
}
