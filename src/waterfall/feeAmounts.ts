import type { Deal } from '../deal/deal.ts';
import type { AccrualPeriod } from '../deal/schedule.ts';
import type { Cents } from '../money/cents.ts';
import { accrue } from '../money/rate.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Each fee due for the period: its rate on the beginning pool balance, 30/360 (one month) or
 * actual/360 (the accrual period's days), rounded to the cent once. April 2002: servicing fee
 * 198,112,844.14 x 0.50% / 12 = 82,547.02.
 */
export function feeAmounts(
  deal: Deal,
  period: CollectionPeriod,
  accrual: AccrualPeriod,
): Map<string, Cents> {
  return new Map(
    deal.fees.map((fee) => [
      fee.name,
      accrue(
        period.beginningPoolBalance,
        fee.rate,
        fee.dayCount === '30/360' ? 30 : accrual.days,
        360,
      ),
    ]),
  );
}
