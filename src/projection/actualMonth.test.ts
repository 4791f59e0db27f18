import { beforeAll, describe, expect, it } from 'vitest';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { dealsDirectory, indexTableFor, resolveDeal } from '../deal/builtIn.ts';
import { plainDate } from '../money/plainDate.ts';
import { dealPeriods } from '../servicing/dealPeriods.ts';
import { runDistribution } from '../waterfall/runDistribution.ts';
import type { CollectionPeriod, Distribution } from '../waterfall/types.ts';
import { loanArraysFromTape } from './fromCollateral.ts';
import { contextForLoans, type ProjectionContext } from './projectionContext.ts';
import { runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';
import { latestKnownState } from './startingState.ts';

/**
 * Model check: May 2002 projected from the state after April 2002 (the loans of
 * deals/nchet-2002-1/tape-2002-04-25.csv, which equal April's ending pool), with May's actual
 * prepayments and losses as the assumptions, against the actual May run from the servicer's
 * report. May has no liquidations, so the assumptions are a one-month SMM and no defaults.
 */
const deal = resolveDeal('nchet-2002-1');
const table = indexTableFor(deal);
const { state: afterApril } = latestKnownState(deal);
let may: CollectionPeriod;
let actual: Distribution;
let ctx: ProjectionContext;

beforeAll(async () => {
  for await (const p of dealPeriods(deal, plainDate('2002-05-28'))) may = p.period;
  actual = runDistribution(deal, afterApril, may, table).distribution;
  const loans = await readLoanTape(`${dealsDirectory}nchet-2002-1/tape-2002-04-25.csv`);
  ctx = contextForLoans(deal, table, afterApril, loanArraysFromTape(loans));
});

/** May projected at a one-month SMM (percent). */
function projectMay(smmPercent: number): { period: CollectionPeriod; distribution: Distribution } {
  const run = runScenario(ctx, parseScenario({ horizon: 1, prepayment: { smm: smmPercent } }));
  return { period: run.periods[0]!, distribution: run.distributions[0]! };
}

describe("May 2002 projected with May's actual prepayments", () => {
  it('distributes to every offered class what the actual run did, to the cent', () => {
    expect(may.liquidationProceeds + may.realizedLosses).toBe(0);
    // May's unscheduled principal as an SMM on the balance after the model's scheduled
    // principal. The servicer reports a loan paid in full with no scheduled principal; the
    // model, as the SMM convention has it, takes scheduled principal from every loan first.
    const scheduled = projectMay(0).period.scheduledPrincipal;
    const principal = may.scheduledPrincipal + may.curtailments + may.paymentsInFull;
    const smm = (principal - scheduled) / (may.beginningPoolBalance - scheduled);
    const { period, distribution } = projectMay(smm * 100);

    expect(period.endingPoolBalance).toBe(may.endingPoolBalance);
    expect(distribution.principalRemittanceAmount).toBe(actual.principalRemittanceAmount);
    for (const c of deal.interestBearingClasses) {
      const projected = distribution.classes.find((x) => x.name === c.name)!;
      const real = actual.classes.find((x) => x.name === c.name)!;
      expect([
        c.name,
        projected.interestPaid,
        projected.principalPaid,
        projected.endingBalance,
      ]).toEqual([c.name, real.interestPaid, real.principalPaid, real.endingBalance]);
    }
    expect(distribution.overcollateralization).toEqual(actual.overcollateralization);

    // What the model leaves out, and what it costs: the servicer rounds each loan's interest
    // to the cent and pays compensating interest for payoffs' shortfalls (the model collects a
    // full month from every loan); the difference is cents, and it goes to CE.
    const modelled = may.interestCollected + may.compensatingInterest;
    expect(Math.abs(period.interestCollected - modelled)).toBeLessThanOrEqual(10);
    const ce = (d: Distribution): number => d.classes.find((x) => x.name === 'CE')!.interestPaid;
    expect(Math.abs(ce(distribution) - ce(actual))).toBeLessThanOrEqual(10);
  });

  it("misses the principal by the payoffs' scheduled principal when the SMM is taken on the servicer's split", () => {
    const afterScheduled = may.beginningPoolBalance - may.scheduledPrincipal;
    const { period } = projectMay((100 * (may.curtailments + may.paymentsInFull)) / afterScheduled);
    const gap = period.endingPoolBalance - may.endingPoolBalance;
    expect(gap).not.toBe(0);
    expect(Math.abs(gap)).toBeLessThan(100_000);
  });
});
