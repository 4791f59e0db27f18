/**
 * Root finding for pricing and breakevens. Brent's method (inverse quadratic interpolation,
 * secant and bisection steps; Brent 1973, "Algorithms for Minimization without Derivatives",
 * ch. 4) for smooth functions such as price against yield; bisection on a yes/no question for
 * step functions such as "does the class lose principal at this CDR".
 */

/** A root of f in [a, b] to within `tolerance` in x, or undefined if f(a), f(b) share a sign. */
export function brent(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tolerance = 1e-12,
  maxIterations = 200,
): number | undefined {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0 || Number.isNaN(fa) || Number.isNaN(fb)) return undefined;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < maxIterations; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = d;
      }
    } else {
      d = m;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * The boundary of a yes/no question that is "no" at `lower` and "yes" at `upper`: the smallest
 * x (to within `tolerance`) where it is yes. Returns the bracket [no, yes] it ends with; the
 * answer is its upper end. Each step halves the bracket: ceil(log2((upper - lower) / tolerance))
 * evaluations.
 */
export async function bisectBoundary(
  isYes: (x: number) => boolean | Promise<boolean>,
  lower: number,
  upper: number,
  tolerance: number,
): Promise<{ no: number; yes: number; evaluations: number }> {
  let no = lower;
  let yes = upper;
  let evaluations = 0;
  while (yes - no > tolerance) {
    const mid = (no + yes) / 2;
    evaluations += 1;
    if (await isYes(mid)) yes = mid;
    else no = mid;
  }
  return { no, yes, evaluations };
}
