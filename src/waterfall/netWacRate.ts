import type { Deal } from '../deal/deal.ts';
import type { GroupCollections } from '../trust/types.ts';
import type { DealState } from './types.ts';

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

/**
 * Deals with loan groups: the loans' net rates behind the Net WAC caps. A group's senior
 * classes take their group's rate (its loans' weighted average rate less the fee rates); every
 * other class the groups' rates weighted by each group's subordinate amount, its pool less its
 * seniors' balance, both at the period's start (STRUCTURES.md section 1).
 */
export function groupNetLoanRates(
  deal: Deal,
  state: DealState,
  groups: readonly GroupCollections[],
): { readonly groups: readonly number[]; readonly subordinate: number } {
  const rates = groups.map((g) => g.weightedAverageRate - deal.netWacFeeRate);
  const subordinateAmounts = deal.groups.map((group, i) => {
    let seniors = 0;
    for (const name of group.seniorClasses) seniors += state.classes[name]?.balance ?? 0;
    return Math.max(0, groups[i]!.beginningPoolBalance - seniors);
  });
  const weights = subordinateAmounts.some((w) => w > 0)
    ? subordinateAmounts
    : groups.map((g) => g.beginningPoolBalance);
  const total = weights.reduce((a, b) => a + b, 0);
  const subordinate =
    total > 0 ? rates.reduce((acc, rate, i) => acc + rate * weights[i]!, 0) / total : 0;
  return { groups: rates, subordinate };
}
