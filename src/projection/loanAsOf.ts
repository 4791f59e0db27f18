import { levelPayment } from '../collateral/levelPayment.ts';
import type { ArmTerms, Loan } from '../collateral/loan.ts';
import { addMonths, compare, type PlainDate } from '../money/plainDate.ts';
import type { LoanAfterPeriod } from './storedLoanRow.ts';

/**
 * Due date of the first installment at the ARM's next rate on or after `dueDate`: the first
 * reset date, then every `resetFrequency` months (a 2/28 first reset 2004-03-01, six-monthly:
 * 2004-03-01 for an installment due 2003-01-01, 2004-09-01 for one due 2004-04-01).
 */
export function nextResetOnOrAfter(arm: ArmTerms, dueDate: PlainDate): PlainDate {
  let reset = arm.firstResetDate;
  while (compare(reset, dueDate) < 0) reset = addMonths(reset, arm.resetFrequency);
  return reset;
}

/**
 * A cut-off tape loan as it stands after a closed period, from that period's remittance line:
 * the stated balance, installments left, note rate and installment are the servicer's; the
 * contract (original balance and term, ARM margin, caps and reset schedule, prepayment charge)
 * is the tape's. `nextDueDate` is the installment after the period's due date for every loan:
 * a delinquent loan's stated balance has already been reduced by the installments it missed
 * (they were advanced), so its schedule runs on from there, as a current loan's does. A line
 * with no installment (none fell due in the period) gets the level payment over the
 * amortization months left.
 */
export function loanAsOf(tape: Loan, after: LoanAfterPeriod, nextDueDate: PlainDate): Loan {
  return {
    ...tape,
    currentBalance: after.endingBalance,
    noteRate: after.noteRate,
    scheduledPayment:
      after.scheduledPayment > 0
        ? after.scheduledPayment
        : levelPayment(
            after.endingBalance,
            after.noteRate,
            Math.max(1, tape.amortizationTerm - (tape.originalTerm - after.remainingTerm)),
          ),
    remainingTerm: after.remainingTerm,
    nextDueDate,
    arm: tape.arm && { ...tape.arm, nextResetDate: nextResetOnOrAfter(tape.arm, nextDueDate) },
  };
}
