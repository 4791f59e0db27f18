/**
 * `total` split pro rata by `weights`, computed exactly with bigints as the agreements write it:
 * each share floored, the leftover cents one each to the largest remainders (ties to the
 * earlier weight). The golden tests' own arithmetic, independent of `money/allocate.ts`.
 */
export function proRata(total: number, weights: readonly number[]): number[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const exact = weights.map((w) => (BigInt(total) * BigInt(w)) / sum);
  const remainder = weights.map((w, i) => ({ i, r: (BigInt(total) * BigInt(w)) % sum }));
  let left = total - Number(exact.reduce((a, b) => a + b, 0n));
  remainder.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainder) if (left-- > 0) exact[i]! += 1n;
  return exact.map(Number);
}
