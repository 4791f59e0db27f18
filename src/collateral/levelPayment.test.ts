import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { levelPayment } from './levelPayment.ts';

describe('levelPayment', () => {
  it('is the note payment, rounded to the cent (hand-computed)', () => {
    expect(levelPayment(cents(10_000_000), 0.08, 360)).toBe(73_376); // 733.76
    expect(levelPayment(cents(20_000_000), 0.06, 360)).toBe(119_910); // 1,199.10
    expect(levelPayment(cents(20_000_000), 0.085, 360)).toBe(153_783); // 1,537.83
  });
  it('handles a zero rate, one installment and a zero balance', () => {
    expect(levelPayment(cents(12_000), 0, 12)).toBe(1_000);
    expect(levelPayment(cents(10_000), 0.12, 1)).toBe(10_100);
    expect(levelPayment(cents(0), 0.08, 360)).toBe(0);
  });
  it('refuses no installments or a negative rate', () => {
    expect(() => levelPayment(cents(100), 0.08, 0)).toThrow(RangeError);
    expect(() => levelPayment(cents(100), -0.01, 12)).toThrow(RangeError);
  });
});
