import type { ArmTerms } from './loan.ts';

/** Rates are handled in units of 1e-8 (a millionth of a percent) so caps and rounding are exact. */
const UNIT = 1e8;
const units = (rate: number): number => Math.round(rate * UNIT);

/**
 * The note rate after a reset of an adjustable-rate loan: index + margin rounded to the nearest
 * `rounding` (1/8%), moved at most the first cap (first reset) or the periodic cap (later
 * resets) from the rate before, and kept within the life floor and life cap.
 * Example: a 2/28 at 8.50% (caps 1.5/1.5, life 8.50-15.50%), 6-month LIBOR 5.53% + margin
 * 6.25% = 11.78% -> 11.75% rounded -> capped at 8.50% + 1.50% = 10.00%.
 */
export function resetRate(
  arm: ArmTerms,
  rateBefore: number,
  indexRate: number,
  firstReset: boolean,
): number {
  const step = units(arm.rounding);
  const fullyIndexed = units(indexRate + arm.margin);
  const rounded = step > 0 ? Math.round(fullyIndexed / step) * step : fullyIndexed;
  const cap = units(firstReset ? arm.firstCap : arm.periodicCap);
  const before = units(rateBefore);
  const capped = Math.min(Math.max(rounded, before - cap), before + cap);
  const bounded = Math.min(Math.max(capped, units(arm.lifeFloor)), units(arm.lifeCap));
  return bounded / UNIT;
}
