import { monthsBetween } from '../collateral/months.ts';
import type { Loan } from '../collateral/loan.ts';
import { prepaymentChargeExpiry } from '../collateral/prepaymentCharge.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { loanArraysFrom, type LoanArrays, type LoanRecord } from './loanArrays.ts';

/**
 * The converter from the collateral layer's `Loan` (one tape row at the cut-off date) to the
 * projection's record. Month 1 of a projection from the tape is the installment due on the
 * loan's next due date. An ARM's `monthsToReset` counts to the first installment at the new
 * rate; its first change uses the first cap unless that change is behind it. A prepayment
 * charge applies to prepayments in the months whose due date is on or before its expiry; the
 * six-months-interest form is six months' interest at the note rate on the amount prepaid
 * above 20% of the original balance (collateral/prepaymentCharge.ts).
 */
export function loanRecordFromLoan(loan: Loan): LoanRecord {
  const age = loan.originalTerm - loan.remainingTerm;
  const charge = loan.prepaymentCharge;
  const expiry = prepaymentChargeExpiry(loan);
  const penalty =
    charge && expiry
      ? {
          months: Math.max(0, monthsBetween(loan.nextDueDate, expiry) + 1),
          rate: charge.kind === 'percent' ? charge.rate : loan.noteRate / 2,
          exempt: charge.kind === 'percent' ? 0 : loan.originalBalance * 0.2,
        }
      : undefined;
  const arm = loan.arm;
  return {
    balance: loan.currentBalance,
    rate: loan.noteRate,
    payment: loan.scheduledPayment,
    remainingTerm: loan.remainingTerm,
    age,
    loans: 1,
    amortizationExtra: Math.max(0, loan.amortizationTerm - loan.originalTerm),
    ...(penalty ? { penalty } : {}),
    ...(arm
      ? {
          arm: {
            margin: arm.margin,
            initialCap: arm.nextResetDate === arm.firstResetDate ? arm.firstCap : arm.periodicCap,
            periodicCap: arm.periodicCap,
            maxRate: arm.lifeCap,
            minRate: arm.lifeFloor,
            monthsToReset: Math.max(1, monthsBetween(loan.nextDueDate, arm.nextResetDate) + 1),
            resetPeriod: arm.resetFrequency,
            rounding: arm.rounding,
          },
        }
      : {}),
  };
}

/**
 * A tape's loans as the projection's typed arrays. For a deal with loan groups (`groups`, the
 * deal's group names in order), each loan's `group` becomes its group's index; a loan with no
 * group, or one the deal does not have, is refused naming the loan.
 */
export function loanArraysFromTape(
  loans: readonly Loan[],
  groups: readonly string[] = [],
): LoanArrays {
  return loanArraysFrom(
    loans.map((loan) => {
      const record = loanRecordFromLoan(loan);
      if (groups.length === 0) return record;
      const group = groups.indexOf(loan.group ?? '');
      if (group < 0) {
        throw new TrusteeError('INVALID_INPUT', `loan ${loan.id}: no loan group of the deal`, [
          {
            field: 'group',
            message: loan.group === undefined ? 'no group given' : `unknown group "${loan.group}"`,
            expected: `one of the deal's groups (${groups.join(', ')}) in the tape's group column`,
          },
        ]);
      }
      return { ...record, group };
    }),
  );
}
