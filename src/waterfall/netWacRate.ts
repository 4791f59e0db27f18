/**
 * Net WAC Pass-Through Rate: the loans' weighted average mortgage rate less the fee rates that
 * come off the top (servicing, trustee), converted from the loans' 30/360 to the certificates'
 * actual/360 (x 30 / actual days). April 2002: (8.660% - 0.517%) x 30/31 = 7.880%.
 */
export function netWacRate(
  weightedAverageRate: number,
  feeRate: number,
  accrualDays: number,
): number {
  return ((weightedAverageRate - feeRate) * 30) / accrualDays;
}
