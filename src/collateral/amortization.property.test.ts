import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { nextInstallment, type LoanPosition } from './amortization.ts';
import { levelPayment } from './levelPayment.ts';
import { fixedLoan } from './testLoans.ts';

describe('amortization properties', () => {
  it('a level-pay loan amortizes to exactly zero by its term (early only by payment rounding), never below', () => {
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
          let installments = 0;
          while (position.balance > 0) {
            const i = nextInstallment(loan, position);
            expect(i.principal).toBeGreaterThanOrEqual(0);
            expect(i.after.balance).toBeGreaterThanOrEqual(0);
            principal += i.principal;
            installments += 1;
            position = i.after;
          }
          expect(principal).toBe(balance);
          // The payment is rounded to the cent, so a small loan may be retired a few installments
          // early (at most 0.5 cent too much a month, compounded: under 4 payments for $1,000
          // at 15% over 30 years), never late.
          expect(installments).toBeLessThanOrEqual(term);
          expect(installments).toBeGreaterThanOrEqual(term - 4);
        },
      ),
      { numRuns: 40 },
    );
  });
});
