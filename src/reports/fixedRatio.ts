/**
 * numerator / denominator rounded half up to `decimals` places, exactly (BigInt, no binary
 * error), returned as the nearest number. Per-$1,000 figures and certificate factors are
 * ratios of whole cents: A interest per $1,000 in April 2002 = 30,657,350 x 1,000 /
 * 16,090,100,000 = 1.905355 (6 decimals); A factor 16,023,110,503 / 16,090,100,000 = 0.995837.
 */
export function fixedRatio(numerator: number, denominator: number, decimals: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`fixedRatio takes whole numbers, got ${numerator} / ${denominator}`);
  }
  if (denominator === 0) throw new RangeError('fixedRatio: division by zero');
  const scale = 10n ** BigInt(decimals);
  const n = BigInt(Math.abs(numerator)) * scale;
  const d = BigInt(Math.abs(denominator));
  const quotient = (n * 2n + d) / (2n * d);
  const negative = numerator < 0 !== denominator < 0 && quotient !== 0n;
  const whole = quotient / scale;
  const fraction = (quotient % scale).toString().padStart(decimals, '0');
  return Number(`${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`);
}

/** Amount per $1,000 of original balance, from cents: amount x 1,000 / original. */
export function perThousand(amount: number, originalBalance: number, decimals = 6): number {
  return originalBalance === 0 ? 0 : fixedRatio(amount * 1000, originalBalance, decimals);
}
