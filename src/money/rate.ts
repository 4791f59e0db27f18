import { cents, type Cents } from './cents.ts';

/**
 * Rates are plain numbers (0.0222 for 2.22%). To keep interest exact, a rate is turned into an
 * integer count of 1e-10 units before multiplying: every rate the deal uses (LIBOR fixings to 5
 * decimals of a percent, margins in basis points, fee rates to 3 decimals of a percent) is exact
 * at that scale, so `160,369,748.35 x 2.22% x 31/360` is computed without binary error.
 */
const RATE_SCALE = 10_000_000_000n;

export function rateUnits(rate: number): bigint {
  if (!Number.isFinite(rate)) throw new RangeError(`expected a finite rate, got ${rate}`);
  return BigInt(Math.round(rate * 1e10));
}

/** Divides two bigints and rounds half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/**
 * amount x rate x numerator / denominator, rounded to the cent, half up. This is the one place
 * interest and fees are rounded: each class's accrued interest and each fee is rounded once
 * (the April 2002 statement: A 306,573.50 = 160,369,748.35 x 2.22% x 31/360).
 */
export function accrue(amount: Cents, rate: number, numerator: number, denominator: number): Cents {
  // Fast path: the floating-point product is within 1e-6 of a cent of the exact one for any
  // trust-sized amount, so unless it lies within 1e-3 of a half cent, rounding it gives the
  // exact answer. Near a half cent, compute exactly with bigints.
  const approximate = (amount * (Math.round(rate * 1e10) / 1e10) * numerator) / denominator;
  // The fraction as x - floor(x), which equals x % 1 exactly for every x >= 0 (and is NaN for
  // the same x), without the call to fmod that % on doubles makes.
  const magnitude = Math.abs(approximate);
  const fraction = magnitude - Math.floor(magnitude);
  if (Math.abs(fraction - 0.5) > 1e-3 && Math.abs(approximate) < 1e13) {
    const rounded = Math.sign(approximate) * Math.round(Math.abs(approximate));
    return cents(rounded === 0 ? 0 : rounded);
  }
  return accrueExact(amount, rate, numerator, denominator);
}

/** The same as `accrue`, always in bigints (the reference the fast path is tested against). */
export function accrueExact(
  amount: Cents,
  rate: number,
  numerator: number,
  denominator: number,
): Cents {
  const value = divideRounded(
    BigInt(amount) * rateUnits(rate) * BigInt(numerator),
    RATE_SCALE * BigInt(denominator),
  );
  return cents(Number(value));
}

/** Formats a rate as a percentage with the given decimals: 0.0222 -> "2.22000%". */
export function formatPercent(rate: number, decimals: number): string {
  return `${(rate * 100).toFixed(decimals)}%`;
}
