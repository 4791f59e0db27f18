import type { Deal } from '../deal/deal.ts';
import type { AccrualPeriod } from '../deal/schedule.ts';
import { ZERO, type Cents } from '../money/cents.ts';
import { periodAccrual, type DayCount } from '../money/dayCount.ts';
import { accrue } from '../money/rate.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Each fee due for the period, rounded to the cent once: a rate on the beginning pool balance,
 * 30/360 (one month) or actual/360 (the accrual period's days); a fixed monthly amount; or a
 * one-off amount on its distribution date (nothing on the others). April 2002: servicing fee
 * 198,112,844.14 x 0.50% / 12 = 82,547.02.
 */
export function feeAmounts(
  deal: Deal,
  period: CollectionPeriod,
  accrual: AccrualPeriod,
  distributionNumber: number,
): Map<string, Cents> {
  return new Map(
    deal.fees.map((fee) => [
      fee.name,
      fee.kind === 'rate'
        ? rateFee(period.beginningPoolBalance, fee.rate, fee.dayCount, accrual.days)
        : fee.kind === 'monthly'
          ? fee.amount
          : fee.distribution === distributionNumber
            ? fee.amount
            : ZERO,
    ]),
  );
}

/** A fee at a rate on the pool for one period on its day count (30/360: one month). */
function rateFee(pool: Cents, rate: number, dayCount: DayCount, actualDays: number): Cents {
  const { days, basis } = periodAccrual(dayCount, actualDays);
  return accrue(pool, rate, days, basis);
}
