import type { Deal } from '../../src/deal/deal.ts';
import { distributionDate } from '../../src/deal/schedule.ts';
import { cents, ZERO, type Cents } from '../../src/money/cents.ts';
import type { DealState } from '../../src/waterfall/types.ts';

/**
 * The trust after distribution 37, past the Stepdown Date: the pool, each class's balance as
 * given (CE the rest: the OC, also the Required Overcollateralized Amount), nothing owed, and
 * with loan groups each group's pool. For the golden tests of what happens after the stepdown.
 */
export function afterStepdown(
  deal: Deal,
  pool: number,
  balances: Readonly<Record<string, number>>,
  groupPoolBalances?: Readonly<Record<string, Cents>>,
): DealState {
  const certificates = Object.values(balances).reduce((a, b) => a + b, 0);
  return {
    dealId: deal.id,
    distributionNumber: 37,
    lastDate: distributionDate(deal, 37),
    poolBalance: cents(pool),
    loanCount: 400,
    classes: Object.fromEntries(
      deal.classes.map((c) => [
        c.name,
        {
          balance: cents(c.name === 'CE' ? pool - certificates : (balances[c.name] ?? 0)),
          unpaidInterest: ZERO,
          netWacCarryover: ZERO,
          unpaidRealizedLoss: ZERO,
        },
      ]),
    ),
    requiredOvercollateralization: cents(pool - certificates),
    stepdownOccurred: true,
    cumulativeRealizedLosses: ZERO,
    terminated: false,
    ...(groupPoolBalances ? { groupPoolBalances } : {}),
  };
}
