import { describe, expect, it } from 'vitest';
import type { Cents } from '../money/cents.ts';
import type { ClassDistribution, Distribution } from '../waterfall/types.ts';
import { annualSummary } from './annualSummary.ts';
import { syntheticYear } from './testFixtures.ts';

const { deal, distributions, nextIndexRate } = syntheticYear();
const model = annualSummary(deal, distributions, nextIndexRate);
const first = distributions[0]!;
const last = distributions.at(-1)!;

/** Sums straight from the engine's distributions: an independent path to the annual figures. */
const total = (pick: (d: Distribution) => number): number =>
  distributions.reduce((a, d) => a + pick(d), 0);
const cls = (d: Distribution, name: string): ClassDistribution =>
  d.classes.find((c) => c.name === name)!;
const row = (name: string) => model.certificates.rows.find((r) => r.class === name)!;

describe('annualSummary over a synthetic 2002 (10 distributions)', () => {
  it('runs March to December 2002 with losses, payoffs and charges', () => {
    expect(distributions.map((d) => d.distributionDate)).toEqual(model.summary.distributionDates);
    expect(model.summary.distributionDates[2]).toBe('2002-05-28');
    expect(model.summary.periodEnd).toBe('2002-12-31');
    expect(total((d) => d.period.realizedLosses)).toBeGreaterThan(0);
    expect(total((d) => d.period.prepaymentCharges)).toBeGreaterThan(0);
  });

  it('sums each class principal, interest and losses to the cent; balances first/last month', () => {
    for (const c of deal.classes) {
      const r = row(c.name);
      expect(r.principal, c.name).toBe(total((d) => cls(d, c.name).principalPaid));
      expect(r.interest, c.name).toBe(total((d) => cls(d, c.name).interestPaid));
      expect(r.totalDistribution, c.name).toBe(r.principal + r.interest);
      expect(r.beginningBalance, c.name).toBe(cls(first, c.name).beginningBalance);
      expect(r.endingBalance, c.name).toBe(cls(last, c.name).endingBalance);
      if (c.kind === 'floating') expect(r.losses).toBe(total((d) => cls(d, c.name).realizedLoss));
    }
    // P's interest is the year's prepayment charges.
    expect(row('P').interest).toBe(total((d) => d.period.prepaymentCharges));
    expect(model.certificates.total.interest).toBe(
      total((d) => d.classes.reduce((a, c) => a + c.interestPaid, 0)),
    );
    expect(model.certificates.total.principal).toBe(
      total((d) => d.classes.reduce((a, c) => a + c.principalPaid, 0)),
    );
    expect(model.certificates.total.beginningBalance).toBe(deal.cutoffBalance);
  });

  it('sums fees, prepayments, losses, shortfalls, OC amounts and excess cashflow to the cent', () => {
    const servicerFees = (d: Distribution) =>
      d.fees.filter((f) => f.servicerCompensation).reduce((a, f) => a + f.amount, 0);
    expect(model.servicer.compensation).toBe(total(servicerFees));
    expect(model.prepayments).toEqual({
      curtailments: total((d) => d.period.curtailments),
      paymentsInFull: total((d) => d.period.paymentsInFull),
      liquidationProceeds: total((d) => d.period.liquidationProceeds),
      total: total(
        (d) => d.period.curtailments + d.period.paymentsInFull + d.period.liquidationProceeds,
      ),
      prepaymentCharges: total((d) => d.period.prepaymentCharges),
      reoPrincipalAmortization: total((d) => d.period.reoPrincipalAmortization),
    });
    expect(model.realizedLosses).toEqual({
      total: total((d) => d.period.realizedLosses),
      bankruptcy: total((d) => d.period.bankruptcyLosses),
      cumulative: last.cumulativeRealizedLosses,
      extraordinaryExpenses: total((d) => d.period.extraordinaryExpenses),
    });
    const ce = model.interestReductions.rows.find((r) => r.class === 'CE')!;
    expect(ce.realizedLosses).toBe(total((d) => cls(d, 'CE').realizedLoss));
    expect(ce.prepaymentInterestShortfall).toBe(total((d) => d.netPrepaymentInterestShortfall));
    expect(model.performance.ppisNotCovered).toBe(total((d) => d.netPrepaymentInterestShortfall));
    expect(model.performance.reliefActShortfall).toBe(total((d) => d.period.reliefActShortfall));
    expect(model.performance.netMonthlyExcessCashflow).toBe(
      total((d) => d.netMonthlyExcessCashflow),
    );
    expect(model.performance.overcollateralizationReduction).toBe(
      total((d) => d.overcollateralization.reduction),
    );
    expect(model.performance.overcollateralizationIncrease).toBe(
      total((d) => Math.max(0, d.overcollateralization.increase - cls(d, 'CE').realizedLoss)),
    );
    const interestRows = model.interestDistribution.rows;
    expect(interestRows.map((r) => r.interestDistribution)).toEqual(
      interestRows.map((r) => total((d) => cls(d, r.class).interestPaid)),
    );
    expect(model.interestDistribution.total.interestDistribution).toBe(
      interestRows.reduce((a, r) => a + r.interestDistribution, 0),
    );
    expect(model.netWacCarryover.total.current).toBe(
      total((d) => d.classes.reduce((a, c) => a + c.netWacCarryoverCurrent, 0)),
    );
  });

  it('takes rates, factors, delinquency and tests from December; Next Rate = next index + margin', () => {
    expect(row('A').passThroughRate).toBe(0.017); // 1.38% + 0.32%, as the 2002 10-K
    expect(row('A').nextRate).toBe(0.0174); // 1.42% + 0.32%
    expect(row('M-4').nextRate).toBe(0.0377);
    expect(row('CE').nextRate).toBeNull();
    expect(row('P').passThroughRate).toBeNull();
    const ending = last.period.endingPoolBalance;
    const originalA = deal.classByName.get('A')!.originalBalance;
    expect(model.certificateFactors.rows[0]!.factor).toBe(
      Math.round((cls(last, 'A').endingBalance / originalA) * 1e8) / 1e8,
    );
    expect(model.certificateFactors.rows.at(-1)!.factor).toBe(
      Math.round((ending / deal.cutoffBalance) * 1e8) / 1e8,
    );
    expect(model.delinquency).toEqual(statementDelinquency(last));
    expect(model.performance.delinquencyPercentage).toBe(last.delinquencyPercentage);
    expect(model.performance.requiredOvercollateralization).toBe(
      last.overcollateralization.required,
    );
    expect(model.servicer.advances).toBe(last.period.advances);
    expect(model.loans).toMatchObject({
      beginningCount: 588,
      endingCount: last.period.endingLoanCount,
      beginningBalance: deal.cutoffBalance,
      endingBalance: ending,
    });
    const losses = model.realizedLosses.total;
    expect(model.performance.aggregateLossSeverity).toBe(
      losses / (losses + model.prepayments.liquidationProceeds),
    );
  });

  it('refuses distributions out of order, of two years, or none', () => {
    expect(() =>
      annualSummary(deal, [distributions[1]!, distributions[0]!], nextIndexRate),
    ).toThrow(/not consecutive/);
    expect(() => annualSummary(deal, [], nextIndexRate)).toThrow(/needs the year/);
    const nextYear = {
      ...last,
      distributionNumber: last.distributionNumber + 1,
      distributionDate: '2003-01-27' as typeof last.distributionDate,
    };
    expect(() => annualSummary(deal, [last, nextYear], nextIndexRate)).toThrow(/another year/);
  });
});

function statementDelinquency(d: Distribution): { rows: unknown[]; reoBookValue: Cents } {
  const q = d.period.delinquency;
  const buckets = [
    'days30to59',
    'days60to89',
    'days90plus',
    'foreclosure',
    'bankruptcy',
    'bankruptcy60plus',
  ] as const;
  return {
    rows: buckets.map((bucket) => ({ bucket, ...q[bucket] })),
    reoBookValue: q.reoBookValue,
  };
}
