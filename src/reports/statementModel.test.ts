import { describe, expect, it } from 'vitest';
import { cents, type Cents } from '../money/cents.ts';
import type { Distribution } from '../waterfall/types.ts';
import { statementModel } from './statementModel.ts';
import { aprilDistribution, syntheticYear } from './testFixtures.ts';

const { deal, distribution: april } = aprilDistribution();
const model = statementModel(deal, april);
const row = (name: string) => model.certificates.rows.find((r) => r.class === name)!;
const per1000 = (name: string) => model.amountsPer1000.rows.find((r) => r.class === name)!;

describe('statementModel, April 2002 (seed 8-K)', () => {
  it('has the classes in the deal order, with balances, principal and interest in cents', () => {
    expect(model.certificates.rows.map((r) => r.class)).toEqual([
      'A',
      'M-1',
      'M-2',
      'M-3',
      'M-4',
      'CE',
      'P',
      'R',
    ]);
    expect(row('A').beginningBalance).toBe(16036974835);
    expect(row('A').principal).toBe(13864332);
    expect(row('A').endingBalance).toBe(16023110503);
    expect(['A', 'M-1', 'M-2', 'M-3', 'M-4', 'CE'].map((c) => row(c).interest)).toEqual([
      30657350, 2886488, 3246036, 3168588, 181888, 94298071,
    ]);
    expect(row('A').cusip).toBe('64352VCC3');
    expect(row('R').cusip).toBeNull();
    expect(model.certificates.total).toEqual({
      beginningBalance: 19811284414,
      principal: 13864332,
      losses: 0,
      endingBalance: 19797420082,
      interest: 134438421,
    });
  });

  it('gives the pass-through rates; CE = CE interest x 12 / beginning pool; P is NA', () => {
    expect(row('A').passThroughRate).toBe(0.0222);
    expect(row('M-4').passThroughRate).toBe(0.0425);
    expect((row('CE').passThroughRate! * 100).toFixed(5)).toBe('5.71178');
    expect(row('P').passThroughRate).toBeNull();
  });

  it('gives per-$1,000 figures on original balances (CE on 3,972,995.79) and factors', () => {
    expect(per1000('A')).toEqual({
      class: 'A',
      principal: 0.861668,
      interest: 1.905355,
      total: 2.76702,
      losses: 0,
      endingBalance: 995.836602,
    });
    expect(per1000('CE').interest).toBe(237.347523);
    expect(per1000('M-4').interest).toBe(3.659718);
    expect(model.amountsPer1000.rows.map((r) => r.class)).not.toContain('R');
    expect(model.certificateFactors.rows).toEqual([
      { class: 'A', factor: 0.995837 },
      { class: 'M-1', factor: 1 },
      { class: 'M-2', factor: 1 },
      { class: 'M-3', factor: 1 },
      { class: 'M-4', factor: 1 },
      { class: 'CE', factor: 0.996628 },
    ]);
  });

  it('gives the servicing, collateral and performance sections', () => {
    expect(model.servicer).toEqual({ compensation: 8254702, advances: 124309000 });
    expect(model.balances).toEqual({
      asOf: '2002-04-25',
      statedPrincipalExcludingReo: 19797420082,
      reoStatedPrincipal: 0,
    });
    expect(model.loans).toMatchObject({
      beginningCount: 586,
      endingCount: 586,
      remainingTermMonths: 357,
    });
    expect(model.delinquency.rows[0]).toEqual({
      bucket: 'days30to59',
      count: 8,
      unpaidPrincipal: 180982800,
      statedPrincipal: 180715500,
    });
    expect(model.prepayments.curtailments).toBe(1742800);
    expect(model.prepayments.total).toBe(1742800);
    expect(model.interestDistribution.total).toEqual({
      interestDistribution: 134438421,
      carryForward: 0,
    });
    expect(model.interestDistribution.rows.find((r) => r.class === 'CE')!.carryForward).toBeNull();
    expect(model.performance).toMatchObject({
      requiredOvercollateralization: 397299579,
      netMonthlyExcessCashflow: 94298071,
      stepdownOccurred: false,
      triggerEventOccurred: false,
      overcollateralizationIncrease: 0,
    });
    expect((model.performance.creditEnhancementPercentage * 100).toFixed(3)).toBe('19.065');
    expect((model.performance.delinquencyPercentage * 100).toFixed(3)).toBe('0.189');
  });

  it('refuses a distribution of another deal', () => {
    expect(() => statementModel(deal, { ...april, dealId: 'other' })).toThrow(/not nchet-2002-1/);
  });
});

describe('statementModel, losses and shortfalls', () => {
  const year = syntheticYear();
  const september = year.distributions[6]!;
  const sep = statementModel(year.deal, september);
  const ceOf = (m: typeof sep) => m.certificates.rows.find((r) => r.class === 'CE')!;

  it('shows losses made up by excess cashflow against CE in the reductions table only', () => {
    const losses = september.period.realizedLosses;
    expect(losses).toBeGreaterThan(0);
    expect(september.overcollateralization.increase).toBe(losses);
    expect(sep.interestReductions.rows.find((r) => r.class === 'CE')!.realizedLosses).toBe(losses);
    expect(sep.interestReductions.total.realizedLosses).toBe(0);
    expect(ceOf(sep).losses).toBe(0);
    expect(sep.performance.overcollateralizationIncrease).toBe(0);
    expect(sep.realizedLosses.total).toBe(losses);
  });

  it('shows the net when the extra principal falls short of the losses, or exceeds them', () => {
    const withIncrease = (increase: Cents): Distribution => ({
      ...september,
      overcollateralization: { ...september.overcollateralization, increase },
    });
    const losses = september.period.realizedLosses;
    const short = statementModel(year.deal, withIncrease(cents(losses - 1000)));
    expect(ceOf(short).losses).toBe(1000);
    expect(short.performance.overcollateralizationIncrease).toBe(0);
    const more = statementModel(year.deal, withIncrease(cents(losses + 2500)));
    expect(ceOf(more).losses).toBe(0);
    expect(more.performance.overcollateralizationIncrease).toBe(2500);
  });

  it('puts the net PPIS and Relief Act shortfalls absorbed by excess cashflow on CE', () => {
    const may = statementModel(year.deal, year.distributions[4]!);
    const ce = may.interestReductions.rows.find((r) => r.class === 'CE')!;
    expect(may.performance.ppisNotCovered).toBe(40000);
    expect(ce.prepaymentInterestShortfall).toBe(40000);
    const june = statementModel(year.deal, year.distributions[5]!);
    expect(june.interestReductions.rows.find((r) => r.class === 'CE')!.reliefActShortfall).toBe(
      32109,
    );
  });
});
