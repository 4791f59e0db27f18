import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { prepaymentCharge, prepaymentChargeExpiry } from './prepaymentCharge.ts';
import { fixedLoan } from './testLoans.ts';

describe('prepaymentCharge', () => {
  it('six months of interest on the amount above 20% of the original balance', () => {
    // (99,000 - 20,000) x 8% x 6/12 = 3,160.00
    expect(prepaymentCharge(fixedLoan, cents(9_900_000), 0.08, plainDate('2003-01-15'))).toBe(
      316_000,
    );
    expect(prepaymentCharge(fixedLoan, cents(1_500_000), 0.08, plainDate('2003-01-15'))).toBe(0);
  });
  it('stops at the end of the term, counted from the month before the first payment', () => {
    expect(prepaymentChargeExpiry(fixedLoan)).toBe('2004-02-01');
    expect(prepaymentCharge(fixedLoan, cents(9_900_000), 0.08, plainDate('2004-01-31'))).toBe(
      316_000,
    );
    expect(prepaymentCharge(fixedLoan, cents(9_900_000), 0.08, plainDate('2004-02-01'))).toBe(0);
  });
  it('a percent charge is the rate times the amount; no terms, no charge', () => {
    const percent = {
      ...fixedLoan,
      prepaymentCharge: { termMonths: 36, kind: 'percent' as const, rate: 0.01 },
    };
    expect(prepaymentCharge(percent, cents(9_900_000), 0.08, plainDate('2003-01-15'))).toBe(99_000);
    const none = { ...fixedLoan, prepaymentCharge: undefined };
    expect(prepaymentCharge(none, cents(9_900_000), 0.08, plainDate('2003-01-15'))).toBe(0);
  });
});
