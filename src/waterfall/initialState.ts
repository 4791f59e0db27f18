import type { Deal } from '../deal/deal.ts';
import { ZERO } from '../money/cents.ts';
import type { ClassState, DealState } from './types.ts';

/** The trust at closing: classes at their original balances, the cut-off pool, nothing owed. */
export function initialState(deal: Deal): DealState {
  const classes: Record<string, ClassState> = {};
  for (const c of deal.classes) {
    classes[c.name] = {
      balance: c.originalBalance,
      unpaidInterest: ZERO,
      netWacCarryover: ZERO,
      unpaidRealizedLoss: ZERO,
    };
  }
  return {
    dealId: deal.id,
    distributionNumber: 0,
    lastDate: deal.closingDate,
    poolBalance: deal.cutoffBalance,
    loanCount: deal.cutoffLoanCount,
    classes,
    requiredOvercollateralization: deal.overcollateralization.initialTarget,
    stepdownOccurred: false,
    cumulativeRealizedLosses: ZERO,
    terminated: false,
    ...(deal.reserveFund ? { reserveFundBalance: deal.reserveFund.initialDeposit } : {}),
    ...(deal.groups.length > 0
      ? { groupPoolBalances: Object.fromEntries(deal.groups.map((g) => [g.name, g.cutoffBalance])) }
      : {}),
  };
}
