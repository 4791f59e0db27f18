import { describe, expect, it } from 'vitest';
import { indexTableFor, resolveDeal } from '../src/deal/builtIn.ts';
import { plainDate } from '../src/money/plainDate.ts';
import { dealPeriods } from '../src/servicing/dealPeriods.ts';
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

describe('the built-in 2002 year of the 2002-1 example, through the waterfall', () => {
  it('runs March (derived), April (seed), May-December (derived) from the closing: cash in = cash out, April = the seed, the 10-K figure for figure', async () => {
    const deal = resolveDeal('nchet-2002-1');
    let state = initialState(deal);
    const sums = {
      payoffs: 0,
      curtailments: 0,
      losses: 0,
      charges: 0,
      liquidation: 0,
      classAPrincipal: 0,
    };
    const sources: string[] = [];
    let last: Distribution | undefined;
    for await (const { period, source } of dealPeriods(deal, plainDate('2002-12-31'))) {
      const run = runDistribution(deal, state, period, indexTableFor(deal), source);
      expect(cashOut(run.distribution)).toBe(cashIn(run.distribution));
      sources.push(source);
      sums.payoffs += period.paymentsInFull;
      sums.curtailments += period.curtailments;
      sums.losses += period.realizedLosses;
      sums.charges += period.prepaymentCharges;
      sums.liquidation += period.liquidationProceeds;
      sums.classAPrincipal +=
        run.distribution.classes.find((c) => c.name === 'A')?.principalPaid ?? 0;
      if (period.distributionDate === '2002-04-25') {
        // The seed's April 2002 statement.
        const paid = (name: string) =>
          run.distribution.classes.find((c) => c.name === name)?.interestPaid;
        expect(paid('A')).toBe(306_573_50);
        expect(paid('CE')).toBe(942_980_71);
        expect(run.state.poolBalance).toBe(197_974_200_82);
      }
      state = run.state;
      last = run.distribution;
    }
    expect(sources).toEqual([
      'deals/nchet-2002-1/periods/2002-03-25.json',
      'deals/nchet-2002-1/periods/2002-04-25.json',
      ...['05-28', '06-25', '07-25', '08-26', '09-25', '10-25', '11-25', '12-26'].map(
        (d) => `deals/nchet-2002-1/remittances/2002-${d}.csv`,
      ),
    ]);
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
        'built-in 2002 (March derived, April seed, May-December derived) vs 10-K 2002:',
        ...lines.map(([k, s, t]) => `  ${k.padEnd(36)} ${s.padStart(14)}   10-K ${t}`),
      ].join('\n'),
    );
    // The derived year is the 10-K's (docs/formats-remittance.md) but for the curtailments,
    // which take up what the synthetic loans' scheduled principal cannot (161,226).
    for (const [label, ours, tenK] of lines) {
      if (label === 'Curtailments' || label.startsWith('Dec Delinquency')) continue;
      if (label === 'Dec foreclosure / bankruptcy / REO') continue;
      expect(ours, label).toBe(tenK);
    }
    expect(Math.abs(sums.curtailments / 14_124_600 - 1)).toBeLessThan(0.25);
    expect(d.foreclosure.count).toBe(13);
    expect(d.bankruptcy.count).toBe(6);
    expect(d.reo.count).toBeGreaterThan(0);
    expect(Math.round(dec.period.weightedAverageRemainingTerm)).toBe(349);
    // Losses absorbed by excess interest: the offered classes take no write-down.
    expect(dec.classes.every((c) => c.unpaidRealizedLoss === 0)).toBe(true);
  });
});
