import { cents, roundHalfUp, type Cents } from '../money/cents.ts';

/**
 * The level monthly payment that repays `balance` over `months` installments at the annual
 * `rate` (monthly rate = rate / 12), rounded to the cent half up, as a mortgage note states it:
 * P = B x r / (1 - (1 + r)^-n). $100,000 at 8% over 360 months: 733.76.
 */
export function levelPayment(balance: Cents, rate: number, months: number): Cents {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`expected at least one installment, got ${months}`);
  }
  if (rate < 0) throw new RangeError(`expected a rate >= 0, got ${rate}`);
  if (balance === 0) return cents(0);
  const r = rate / 12;
  if (r === 0) return roundHalfUp(balance / months);
  return roundHalfUp((balance * r) / (1 - Math.pow(1 + r, -months)));
}
