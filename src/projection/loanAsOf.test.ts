import { describe, expect, it } from 'vitest';
import { levelPayment } from '../collateral/levelPayment.ts';
import { armLoan, fixedLoan } from '../collateral/testLoans.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { loanRecordFromLoan } from './fromCollateral.ts';
import { loanAsOf, nextResetOnOrAfter } from './loanAsOf.ts';
import type { LoanAfterPeriod } from './storedLoanRow.ts';

const arm = armLoan.arm!;

/** A line after the December 2002 period: ten installments paid (March-December). */
const december: LoanAfterPeriod = {
  loanId: 'A1',
  endingBalance: cents(19_861_234),
  remainingTerm: 350,
  noteRate: 0.085,
  scheduledPayment: cents(153_783),
  distressed: false,
  inForeclosure: false,
  seriouslyDelinquent: false,
};

describe('nextResetOnOrAfter', () => {
  it('is the first reset date, then every reset period (the doc examples)', () => {
    expect(nextResetOnOrAfter(arm, plainDate('2003-01-01'))).toBe('2004-03-01');
    expect(nextResetOnOrAfter(arm, plainDate('2004-03-01'))).toBe('2004-03-01');
    expect(nextResetOnOrAfter(arm, plainDate('2004-04-01'))).toBe('2004-09-01');
    expect(nextResetOnOrAfter(arm, plainDate('2004-09-01'))).toBe('2004-09-01');
  });
});

describe('loanAsOf', () => {
  it("takes the servicer's balance, term, rate and installment, and the tape's contract", () => {
    const loan = loanAsOf(armLoan, december, plainDate('2003-01-01'));
    expect(loan).toMatchObject({
      id: 'A1',
      originalBalance: armLoan.originalBalance,
      currentBalance: 19_861_234,
      noteRate: 0.085,
      scheduledPayment: 153_783,
      remainingTerm: 350,
      nextDueDate: '2003-01-01',
    });
    expect(loan.arm).toEqual({ ...arm, nextResetDate: '2004-03-01' });
    // As the projection sees it: ten installments made, the first change (first cap) in
    // month 15 (the installment due 2004-03-01), the charge on prepayments due through 2004-02-01 (14 months).
    const record = loanRecordFromLoan(loan);
    expect(record).toMatchObject({ balance: 19_861_234, rate: 0.085, age: 10, payment: 153_783 });
    expect(record.arm).toMatchObject({ monthsToReset: 15, initialCap: 0.015, resetPeriod: 6 });
    expect(record.penalty?.months).toBe(14);
  });

  it('after the first change, counts to the next one and holds it to the periodic cap', () => {
    const later = { ...armLoan, arm: { ...arm, periodicCap: 0.01 } };
    const after = { ...december, remainingTerm: 334, noteRate: 0.1 };
    const record = loanRecordFromLoan(loanAsOf(later, after, plainDate('2004-04-01')));
    expect(record.rate).toBe(0.1);
    expect(record.arm).toMatchObject({ monthsToReset: 6, initialCap: 0.01 });
    expect(record.penalty?.months).toBe(0);
  });

  it('gives a line with no installment the level payment over the months left', () => {
    const loan = loanAsOf(
      fixedLoan,
      { ...december, scheduledPayment: cents(0) },
      plainDate('2003-01-01'),
    );
    expect(loan.scheduledPayment).toBe(levelPayment(december.endingBalance, 0.085, 350));
    expect(loan.arm).toBeUndefined();
  });
});
