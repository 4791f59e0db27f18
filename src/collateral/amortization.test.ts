import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import {
  curtail,
  cutoffPosition,
  nextInstallment,
  payoff,
  type LoanPosition,
} from './amortization.ts';
import { armLoan, fixedLoan } from './testLoans.ts';

describe('nextInstallment (fixed)', () => {
  it('splits the first installment of $100,000 at 8% (hand-computed)', () => {
    const first = nextInstallment(fixedLoan, cutoffPosition(fixedLoan));
    expect(first.interest).toBe(66_667); // 100,000 x 8% / 12 = 666.67
    expect(first.principal).toBe(6_709); // 733.76 - 666.67
    expect(first.after.balance).toBe(9_993_291);
    expect(first.after.remainingTerm).toBe(359);
    expect(first.after.nextDueDate).toBe('2002-04-01');
  });
  it('amortizes to zero over the term; the last installment takes the balance', () => {
    let position: LoanPosition = cutoffPosition(fixedLoan);
    let last = nextInstallment(fixedLoan, position);
    for (let k = 0; k < 360; k += 1) {
      last = nextInstallment(fixedLoan, position);
      position = last.after;
    }
    expect(position.balance).toBe(0);
    expect(position.remainingTerm).toBe(0);
    // Hand-computed: 735.73 principal left + 4.90 interest.
    expect(last.principal).toBe(73_573);
    expect(last.interest).toBe(490);
    expect(() => nextInstallment(fixedLoan, position)).toThrow(RangeError);
  });
});

describe('nextInstallment (ARM)', () => {
  it('keeps the initial rate before the first reset and recasts at it', () => {
    let position = cutoffPosition(armLoan);
    for (let k = 0; k < 24; k += 1) position = nextInstallment(armLoan, position, 0.0553).after;
    expect(position.rate).toBe(0.085);
    expect(position.balance).toBe(19_684_243); // 196,842.43 after 24 installments of 1,537.83
    expect(position.nextDueDate).toBe('2004-03-01');
    const reset = nextInstallment(armLoan, position, 0.0553);
    expect(reset.rate).toBe(0.1); // 11.75% capped by the 1.5% first cap
    expect(reset.after.payment).toBe(174_788); // level payment of 196,842.43 at 10% over 336
    expect(reset.interest).toBe(164_035);
    expect(reset.principal).toBe(174_788 - 164_035);
    expect(reset.after.nextResetDate).toBe('2004-09-01');
    expect(reset.after.firstResetDone).toBe(true);
    // Six months later the periodic cap applies.
    let p = reset.after;
    for (let k = 0; k < 5; k += 1) p = nextInstallment(armLoan, p, 0.0553).after;
    expect(nextInstallment(armLoan, p, 0.0553).rate).toBe(0.115);
  });
});

describe('curtail and payoff', () => {
  it('a curtailment lowers the balance and keeps the payment', () => {
    const after = curtail(cutoffPosition(fixedLoan), cents(500_000));
    expect(after.balance).toBe(9_500_000);
    expect(after.payment).toBe(73_376);
    expect(nextInstallment(fixedLoan, after).interest).toBe(63_333); // 95,000 x 8% / 12
    expect(() => curtail(after, cents(9_500_000))).toThrow(RangeError);
  });
  it('a payoff pays the balance and interest from the paid-through date, 30/360', () => {
    const result = payoff(
      cutoffPosition(fixedLoan),
      plainDate('2002-03-01'),
      plainDate('2002-03-16'),
    );
    expect(result.principal).toBe(10_000_000);
    expect(result.interest).toBe(33_333); // 100,000 x 8% x 15/360 = 333.33
    expect(() =>
      payoff(cutoffPosition(fixedLoan), plainDate('2002-03-01'), plainDate('2002-02-16')),
    ).toThrow();
  });
});
