import { describe, expect, it } from 'vitest';
import { readDealTape } from '../src/collateral/dealTape.ts';
import { indexTableFor, resolveDeal } from '../src/deal/builtIn.ts';
import { distributionDate } from '../src/deal/schedule.ts';
import { collectionPeriodFromRemittance } from '../src/servicing/collectionPeriodFromRemittance.ts';
import { dealRemittancePath } from '../src/servicing/dealRemittances.ts';
import {
  positionsAfter,
  positionsFromTape,
  type PoolPositions,
} from '../src/servicing/poolPositions.ts';
import { readRemittance } from '../src/servicing/readRemittance.ts';
import { initialState } from '../src/waterfall/initialState.ts';
import { runDistribution } from '../src/waterfall/runDistribution.ts';
import type { Distribution } from '../src/waterfall/types.ts';

/** Cash in (interest, compensating interest, principal, prepayment charges) and cash out. */
const cashIn = (d: Distribution): number =>
  d.period.interestCollected +
  d.period.compensatingInterest +
  d.principalRemittanceAmount +
  d.period.prepaymentCharges;
const cashOut = (d: Distribution): number =>
  d.fees.reduce((a, f) => a + f.amount, 0) +
  d.classes.reduce(
    (a, c) =>
      a + c.interestPaid + c.principalPaid + c.netWacCarryoverPaid + c.realizedLossReimbursed,
    0,
  ) +
  d.period.extraordinaryExpenses;

describe('the simulated 2002 remittances of the 2002-1 example, through the waterfall', () => {
  it('run month after month from the closing state, cash in = cash out, near the 10-K', async () => {
    const deal = resolveDeal('nchet-2002-1');
    let positions: PoolPositions = positionsFromTape(await readDealTape(deal.id));
    let state = initialState(deal);
    const sums = {
      payoffs: 0,
      curtailments: 0,
      losses: 0,
      charges: 0,
      liquidation: 0,
      classAPrincipal: 0,
    };
    let last: Distribution | undefined;
    for (let n = 1; n <= 10; n += 1) {
      const report = await readRemittance(dealRemittancePath(deal.id, distributionDate(deal, n)));
      const period = collectionPeriodFromRemittance(deal, positions, report);
      const run = runDistribution(deal, state, period, indexTableFor(deal), report.file);
      expect(cashOut(run.distribution)).toBe(cashIn(run.distribution));
      sums.payoffs += period.paymentsInFull;
      sums.curtailments += period.curtailments;
      sums.losses += period.realizedLosses;
      sums.charges += period.prepaymentCharges;
      sums.liquidation += period.liquidationProceeds;
      sums.classAPrincipal +=
        run.distribution.classes.find((c) => c.name === 'A')?.principalPaid ?? 0;
      positions = positionsAfter(report.rows);
      state = run.state;
      last = run.distribution;
    }
    const dec = last!;
    const d = dec.period.delinquency;
    const $ = (c: number): string => Math.round(c / 100).toLocaleString('en-US');
    const lines: [string, string, string][] = [
      ['Payments in full', $(sums.payoffs), '24,751,934'],
      ['Curtailments', $(sums.curtailments), '141,246'],
      ['Net liquidation proceeds', $(sums.liquidation), '176,340'],
      ['Realized losses', $(sums.losses), '126,976'],
      ['Prepayment charges', $(sums.charges), '667,340'],
      ['Class A principal', $(sums.classAPrincipal), '26,399,542'],
      ['Loans at year end', String(dec.period.endingLoanCount), '509'],
      ['Pool at year end', $(dec.period.endingPoolBalance), '172,244,554'],
      ['Dec beginning WAC', `${(dec.period.weightedAverageRate * 100).toFixed(5)}%`, '8.62477%'],
      ['Dec WA remaining term', dec.period.weightedAverageRemainingTerm.toFixed(0), '349'],
      [
        'Dec 30-59 / 60-89 / 90+',
        `${d.days30to59.count} / ${d.days60to89.count} / ${d.days90plus.count}`,
        '14 / 2 / 4',
      ],
      [
        'Dec foreclosure / bankruptcy / REO',
        `${d.foreclosure.count} / ${d.bankruptcy.count} / ${d.reo.count}`,
        '13 / 6 / 2',
      ],
      ['Dec Delinquency Percentage', `${(dec.delinquencyPercentage * 100).toFixed(3)}%`, '4.216%'],
    ];
    console.log(
      [
        'simulated 2002 (seed 67) vs 10-K 2002:',
        ...lines.map(([k, s, t]) => `  ${k.padEnd(36)} ${s.padStart(14)}   10-K ${t}`),
      ].join('\n'),
    );
    // Near the 10-K: within the spread of the simulator's draws.
    expect(Math.abs(sums.payoffs / 2_475_193_400 - 1)).toBeLessThan(0.1);
    expect(Math.abs(sums.curtailments / 14_124_600 - 1)).toBeLessThan(0.25);
    expect(Math.abs(sums.charges / 66_734_000 - 1)).toBeLessThan(0.15);
    expect(sums.losses).toBeGreaterThan(0);
    expect(sums.losses).toBeLessThan(40_000_000);
    expect(Math.abs(dec.period.endingLoanCount - 509)).toBeLessThanOrEqual(10);
    expect(d.foreclosure.count + d.reo.count).toBeGreaterThan(5);
    expect(d.reo.count).toBeGreaterThan(0);
    expect(Math.round(dec.period.weightedAverageRemainingTerm)).toBe(349);
    // Losses absorbed by excess interest: the offered classes take no write-down.
    expect(dec.classes.every((c) => c.unpaidRealizedLoss === 0)).toBe(true);
  });
});
