import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { nextInstallment, type LoanPosition } from './amortization.ts';
import { levelPayment } from './levelPayment.ts';
import { fixedLoan } from './testLoans.ts';

describe('amortization properties', () => {
  it('a level-pay loan amortizes to exactly zero over its term, never below', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 150_000_000 }),
        fc.integer({ min: 100, max: 1_500 }),
        fc.constantFrom(120, 180, 240, 360),
        (balance, bp, term) => {
          const rate = bp / 10_000;
          const loan = {
            ...fixedLoan,
            originalTerm: term,
            remainingTerm: term,
            amortizationTerm: term,
          };
          let position: LoanPosition = {
            balance: cents(balance),
            rate,
            payment: levelPayment(cents(balance), rate, term),
            remainingTerm: term,
            nextDueDate: fixedLoan.nextDueDate,
            nextResetDate: undefined,
            firstResetDone: false,
          };
          let principal = 0;
          for (let k = 0; k < term; k += 1) {
            const i = nextInstallment(loan, position);
            expect(i.principal).toBeGreaterThanOrEqual(0);
            expect(i.after.balance).toBeGreaterThanOrEqual(0);
            principal += i.principal;
            position = i.after;
          }
          expect(position.balance).toBe(0);
          expect(principal).toBe(balance);
        },
      ),
      { numRuns: 40 },
    );
  });
});
