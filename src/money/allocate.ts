import { cents, type Cents } from './cents.ts';

/**
 * Splits `total` cents in proportion to `weights`: each share is floored, and the cents left over
 * go one each to the shares with the largest remainders (ties to the earlier weight). The shares
 * always add up to `total` exactly. Used where the agreement allocates pro rata (interest
 * shortfalls among classes, OTS delinquency by loan), and nowhere else.
 */
export function allocate(total: Cents, weights: readonly number[]): Cents[] {
  if (total < 0) throw new RangeError(`cannot allocate a negative amount (${total})`);
  if (weights.some((w) => !(w >= 0))) throw new RangeError('allocation weights must be >= 0');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) {
    if (total === 0) return weights.map(() => cents(0));
    throw new RangeError('cannot allocate a positive amount over weights that are all zero');
  }
  const big = BigInt(total);
  // Weights may be cents or fractions: scale to integers so the split is exact.
  const scaled = weights.map((w) => BigInt(Math.round((w / weightSum) * 1e12)));
  const scaledSum = scaled.reduce((a, b) => a + b, 0n);
  const shares = scaled.map((w) => (big * w) / scaledSum);
  const remainders = scaled.map((w, index) => ({ index, remainder: (big * w) % scaledSum }));
  let left = Number(big - shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
  );
  for (const { index } of remainders) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1;
  }
  return shares.map((s) => cents(Number(s)));
}
