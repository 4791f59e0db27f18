import { dealsDirectory, resolveDeal } from '../deal/builtIn.ts';
import { distributionDate } from '../deal/schedule.ts';
import { readStateFile } from '../deal/stateFile.ts';
import { cents, type Cents } from '../money/cents.ts';
import { readPeriodTotalsFile } from '../servicing/periodTotalsFile.ts';
import type { CollectionPeriod, DealState } from '../waterfall/types.ts';

/**
 * Test support: the 2002-1 deal, the state after March 2002 and April's totals from the seed,
 * and a made-up next period that rolls forward from any state (for ordering and correction tests).
 */
export const deal = resolveDeal('nchet-2002-1');
export const marchState: DealState = readStateFile(
  deal,
  `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`,
);
export const aprilPeriod: CollectionPeriod = readPeriodTotalsFile(
  `${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`,
);

/** April with some totals changed; the ending pool is re-rolled so the period reconciles. */
export function aprilWith(
  changes: Partial<Record<keyof CollectionPeriod, number>>,
): CollectionPeriod {
  return reroll({ ...aprilPeriod, ...(changes as Partial<CollectionPeriod>) });
}

/**
 * A plausible period after `state`: 121,800.00 scheduled principal, 25,000.00 curtailments,
 * 1,428,700.00 interest, no losses. Not from a filing: only its roll-forward matters here.
 */
export function nextPeriod(
  state: DealState,
  changes: Partial<Record<keyof CollectionPeriod, number>> = {},
): CollectionPeriod {
  return reroll({
    ...aprilPeriod,
    distributionDate: distributionDate(deal, state.distributionNumber + 1),
    source: 'made-up period for tests',
    beginningPoolBalance: state.poolBalance,
    beginningLoanCount: state.loanCount,
    endingLoanCount: state.loanCount,
    scheduledPrincipal: cents(12_180_000),
    curtailments: cents(2_500_000),
    interestCollected: cents(142_870_000),
    ...(changes as Partial<CollectionPeriod>),
  });
}

function reroll(p: CollectionPeriod): CollectionPeriod {
  const ending: Cents = cents(
    p.beginningPoolBalance -
      p.scheduledPrincipal -
      p.curtailments -
      p.paymentsInFull -
      p.liquidationProceeds -
      p.repurchasePrincipal -
      p.realizedLosses,
  );
  return { ...p, endingPoolBalance: ending };
}
