import type { FloatingClass } from '../deal/deal.ts';
import { excess, type Cents } from '../money/cents.ts';
import { accrue } from '../money/rate.ts';
import type { ClassState } from './types.ts';

export interface ClassInterest {
  /** Index + margin (or step-up margin). */
  readonly couponRate: number;
  /** min(coupon, Net WAC) where the class is capped. */
  readonly passThroughRate: number;
  /** Monthly Interest Distributable Amount before shortfalls: balance x rate x days / 360. */
  readonly accrued: Cents;
  /** Interest Carry Forward Amount due: last unpaid interest plus interest on it. */
  readonly carryForwardDue: Cents;
  /** Net WAC Rate Carryover arising this period (coupon interest less capped interest). */
  readonly netWacCarryoverCurrent: Cents;
  /** Net WAC Rate Carryover due: unpaid from before plus interest at the coupon, plus current. */
  readonly netWacCarryoverDue: Cents;
}

/**
 * A floating class's interest for one accrual period (actual/360), each amount rounded to the
 * cent once. April 2002 class A: 160,369,748.35 x (1.90% + 0.32%) x 31 / 360 = 306,573.50.
 */
export function monthlyInterestDistributableAmount(
  certificateClass: FloatingClass,
  state: ClassState,
  indexRate: number,
  netWac: number,
  accrualDays: number,
  steppedUp: boolean,
): ClassInterest {
  const couponRate =
    indexRate + (steppedUp ? certificateClass.stepUpMargin : certificateClass.margin);
  const passThroughRate = certificateClass.netWacCapped ? Math.min(couponRate, netWac) : couponRate;
  const accrued = accrue(state.balance, passThroughRate, accrualDays, 360);
  const uncapped = accrue(state.balance, couponRate, accrualDays, 360);
  const carryForwardDue = (state.unpaidInterest +
    accrue(state.unpaidInterest, passThroughRate, accrualDays, 360)) as Cents;
  const netWacCarryoverCurrent = excess(uncapped, accrued);
  const netWacCarryoverDue = (state.netWacCarryover +
    accrue(state.netWacCarryover, couponRate, accrualDays, 360) +
    netWacCarryoverCurrent) as Cents;
  return {
    couponRate,
    passThroughRate,
    accrued,
    carryForwardDue,
    netWacCarryoverCurrent,
    netWacCarryoverDue,
  };
}
