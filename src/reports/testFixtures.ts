import { fileURLToPath } from 'node:url';
import { dealsDirectory, indexTableFor, resolveDeal } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import { determineIndexRate } from '../deal/indexRates.ts';
import { distributionDate } from '../deal/schedule.ts';
import { readStateFile } from '../deal/stateFile.ts';
import { cents, roundHalfUp, ZERO, type Cents } from '../money/cents.ts';
import { readPeriodTotalsFile } from '../servicing/periodTotalsFile.ts';
import { distribute } from '../waterfall/distribute.ts';
import { initialState } from '../waterfall/initialState.ts';
import type {
  CollectionPeriod,
  DealState,
  DelinquencyBucket,
  Distribution,
} from '../waterfall/types.ts';

/** For tests: the seeds live in ../shared beside the repository (as CI clones them). */
export const seedsDirectory = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
export const figuresTool = fileURLToPath(
  new URL('../../../shared/tools/figures.py', import.meta.url),
);

/** The April 2002 distribution, run as the seed's golden test runs it. */
export function aprilDistribution(): { deal: Deal; distribution: Distribution } {
  const deal = resolveDeal('nchet-2002-1');
  const state = readStateFile(deal, `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
  const period = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
  const index = determineIndexRate(
    indexTableFor(deal),
    state.lastDate,
    deal.index.businessDaysBefore,
  );
  return { deal, distribution: distribute(deal, state, period, index).distribution };
}

const bucket = (count: number, amount: Cents, unpaidExtra = 0): DelinquencyBucket => ({
  count,
  unpaidPrincipal: cents(amount + unpaidExtra),
  statedPrincipal: amount,
});

/**
 * Month n's totals in the shape of April 2002's (scheduled principal, curtailments, 8.66% WAC,
 * 30-59 and foreclosure buckets), with payoffs and prepayment charges from May, liquidations with
 * losses from September (one a bankruptcy loss), REO, an uncovered prepayment interest shortfall,
 * a Relief Act shortfall and an extraordinary expense, so that every figure of the annual summary
 * is exercised.
 */
export function syntheticPeriod(deal: Deal, state: DealState): CollectionPeriod {
  const n = state.distributionNumber + 1;
  const begin = state.poolBalance;
  const scheduled = roundHalfUp(begin * 0.000612);
  const curtailments = roundHalfUp(begin * 0.000088);
  const payoffs = n >= 3 ? 6 + (n % 3) : 0;
  const paymentsInFull = roundHalfUp(payoffs * 338_000_00 * (1 + n / 100));
  const liquidated = n >= 7 ? 1 : 0;
  const liquidationProceeds = cents(liquidated * (180_000_00 + n * 1_000_00));
  const realizedLosses = cents(liquidated * (120_000_00 + n * 777_77));
  const ending = cents(
    begin - scheduled - curtailments - paymentsInFull - liquidationProceeds - realizedLosses,
  );
  const reo = n >= 8 ? cents(400_000_00 + n * 12_345) : ZERO;
  const ppis = n === 5 || n === 9 ? cents(2_500_00) : ZERO;
  return {
    distributionDate: distributionDate(deal, n),
    beginningPoolBalance: begin,
    endingPoolBalance: ending,
    beginningLoanCount: state.loanCount,
    endingLoanCount: state.loanCount - payoffs - liquidated,
    scheduledPrincipal: scheduled,
    curtailments,
    paymentsInFull,
    liquidationProceeds,
    repurchasePrincipal: ZERO,
    realizedLosses,
    bankruptcyLosses: n === 9 ? cents(10_000_00) : ZERO,
    // 8.66% a year on the beginning pool, one month (April 2002: 8.660%).
    interestCollected: roundHalfUp((begin * 0.0866) / 12),
    compensatingInterest: ppis > 0 ? cents(ppis - 400_00) : ZERO,
    prepaymentInterestShortfall: ppis,
    reliefActShortfall: n === 6 ? cents(321_09) : ZERO,
    prepaymentCharges: roundHalfUp(paymentsInFull * 0.027),
    advances: roundHalfUp(begin * 0.0063),
    reoPrincipalAmortization: n >= 9 ? cents(950_00 + n) : ZERO,
    extraordinaryExpenses: n === 4 ? cents(1_234_56) : ZERO,
    weightedAverageRate: 0.0866 - n * 0.00004,
    weightedAverageRemainingTerm: 358 - n,
    delinquency: {
      days30to59: bucket(8 + n, roundHalfUp(ending * 0.0091), 2_673_00),
      days60to89: bucket(n % 3, roundHalfUp(ending * 0.0004 * (n % 3)), 81_00),
      days90plus: bucket(Math.floor(n / 3), roundHalfUp(ending * 0.0015 * Math.floor(n / 3)), 1_00),
      foreclosure: bucket(2 + n, roundHalfUp(ending * 0.0019 * (1 + n / 4)), 428_00),
      bankruptcy: bucket(Math.floor(n / 2), roundHalfUp(ending * 0.0007 * Math.floor(n / 2))),
      bankruptcy60plus: bucket(Math.floor(n / 4), roundHalfUp(ending * 0.0005 * Math.floor(n / 4))),
      reo: bucket(reo > 0 ? 2 : 0, reo),
      reoBookValue: reo > 0 ? roundHalfUp(reo * 0.4) : ZERO,
    },
    source: 'synthetic test period in the shape of April 2002',
  };
}

/**
 * A year of distributions (March-December 2002, the deal's first 10) from closing, each period
 * built by `syntheticPeriod`, with the deal's LIBOR fixings; and the fixing for the next period.
 */
export function syntheticYear(): {
  deal: Deal;
  distributions: Distribution[];
  nextIndexRate: number;
} {
  const deal = resolveDeal('nchet-2002-1');
  const table = indexTableFor(deal);
  let state = initialState(deal);
  const distributions: Distribution[] = [];
  for (let month = 0; month < 10; month += 1) {
    const index = determineIndexRate(table, state.lastDate, deal.index.businessDaysBefore);
    const result = distribute(deal, state, syntheticPeriod(deal, state), index);
    distributions.push(result.distribution);
    state = result.state;
  }
  const next = determineIndexRate(table, state.lastDate, deal.index.businessDaysBefore);
  return { deal, distributions, nextIndexRate: next.rate };
}
