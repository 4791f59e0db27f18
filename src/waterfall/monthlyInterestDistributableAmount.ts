import type { InterestBearingClass, InterestOnlyClass } from '../deal/deal.ts';
import { excess, type Cents } from '../money/cents.ts';
import { periodAccrual } from '../money/dayCount.ts';
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
 * A class's interest for one accrual period, each amount rounded to the cent once. The coupon
 * is the index plus the margin (floating) or the fixed coupon (fixed), each stepped up after the
 * Optional Termination Date; it accrues on the class's day count: actual/360 over the accrual
 * period's days, or 30/360 (one month). The Net WAC cap applies on the same day count: the
 * loans' net rate x 30 / the days accrued. April 2002 class A: 160,369,748.35 x (1.90% + 0.32%)
 * x 31 / 360 = 306,573.50.
 */
export function monthlyInterestDistributableAmount(
  certificateClass: InterestBearingClass | InterestOnlyClass,
  state: ClassState,
  indexRate: number,
  netLoanRate: number,
  accrualDays: number,
  steppedUp: boolean,
): ClassInterest {
  const couponRate =
    certificateClass.kind === 'floating'
      ? indexRate + (steppedUp ? certificateClass.stepUpMargin : certificateClass.margin)
      : certificateClass.kind === 'fixed' && steppedUp
        ? certificateClass.stepUpCoupon
        : certificateClass.coupon;
  const { days, basis } = periodAccrual(certificateClass.dayCount, accrualDays);
  // The loans' net rate for one month (30/360) restated on the class's basis.
  const netWac = ((netLoanRate * 30) / days) * (basis / 360);
  const passThroughRate = certificateClass.netWacCapped ? Math.min(couponRate, netWac) : couponRate;
  const accrued = accrue(state.balance, passThroughRate, days, basis);
  const uncapped = accrue(state.balance, couponRate, days, basis);
  const carryForwardDue = (state.unpaidInterest +
    accrue(state.unpaidInterest, passThroughRate, days, basis)) as Cents;
  const netWacCarryoverCurrent = excess(uncapped, accrued);
  const netWacCarryoverDue = (state.netWacCarryover +
    accrue(state.netWacCarryover, couponRate, days, basis) +
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
