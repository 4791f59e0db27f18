import type { Curve } from './scenarioSchema.ts';

/** Whether a curve is indexed by projection month or by the loan's age. */
export function curveBy(curve: Curve): 'month' | 'age' {
  return typeof curve === 'number' ? 'month' : curve.by;
}

/**
 * The curve's value (as written, in percent) at index k >= 1 (month or age): a vector's k-th
 * value (the last one holds after its end), or the ramp's straight line between its ends.
 */
export function curveAt(curve: Curve, k: number): number {
  if (typeof curve === 'number') return curve;
  if ('vector' in curve) {
    const v = curve.vector;
    return v[Math.min(Math.max(k, 1), v.length) - 1]!;
  }
  const { from, to, months, start } = curve.ramp;
  if (k <= start) return from;
  if (months <= 1 || k >= start + months - 1) return to;
  return from + ((to - from) * (k - start)) / (months - 1);
}

/**
 * Fills out[k] for every k with f(curve value at k as a decimal); out[0] repeats out[1] so a
 * loop indexed from 0 or 1 reads a sensible value.
 */
export function fillCurve(out: Float64Array, curve: Curve, f: (decimal: number) => number): void {
  // A constant curve is one value (f, such as smmFromCpr's power, computed once).
  if (typeof curve === 'number') {
    out.fill(f(curve / 100));
    return;
  }
  for (let k = 1; k < out.length; k++) out[k] = f(curveAt(curve, k) / 100);
  if (out.length > 1) out[0] = out[1]!;
}
