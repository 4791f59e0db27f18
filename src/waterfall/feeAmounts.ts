import type { Deal } from '../deal/deal.ts';
import type { AccrualPeriod } from '../deal/schedule.ts';
import { ZERO, type Cents } from '../money/cents.ts';
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
        ? accrue(
            period.beginningPoolBalance,
            fee.rate,
            fee.dayCount === '30/360' ? 30 : accrual.days,
            360,
          )
        : fee.kind === 'monthly'
          ? fee.amount
          : fee.distribution === distributionNumber
            ? fee.amount
            : ZERO,
    ]),
  );
}
