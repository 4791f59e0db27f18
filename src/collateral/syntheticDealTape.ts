import type { Deal } from '../deal/deal.ts';
import { addMonths } from '../money/plainDate.ts';
import { generateDealPool, generateGroupedPool } from './generateExamplePool.ts';
import type { Loan } from './loan.ts';

/**
 * A synthetic cut-off tape for a deal, from the example pool generator: a pool a group for a
 * deal with loan groups (each fitted to its group's cut-off balance and loan count), else one
 * pool fitted to the deal's (fixed-rate loans only when every class bears a fixed coupon). The
 * loans are current at the cut-off, first due a month after it. The seed defaults to the
 * cut-off date's digits (the built-in examples' tapes).
 */
export function syntheticDealTape(
  deal: Deal,
  seed: number = Number(deal.cutoffDate.replaceAll('-', '')),
): Loan[] {
  const nextDueDate = addMonths(deal.cutoffDate, 1);
  if (deal.groups.length > 0) {
    return generateGroupedPool(
      deal.groups.map((g) => ({
        name: g.name,
        cutoffBalance: g.cutoffBalance,
        loanCount: g.cutoffLoanCount,
      })),
      nextDueDate,
      seed,
    );
  }
  return generateDealPool(
    { cutoffBalance: deal.cutoffBalance, loanCount: deal.cutoffLoanCount, nextDueDate },
    deal.interestBearingClasses.every((c) => c.kind === 'fixed'),
    seed,
  );
}
