import { describe, expect, it } from 'vitest';
import { dealsDirectory, indexTableFor, resolveDeal } from '../deal/builtIn.ts';
import { readStateFile } from '../deal/stateFile.ts';
import { readPeriodTotalsFile } from '../servicing/periodTotalsFile.ts';
import { runDistribution } from './runDistribution.ts';

/**
 * The golden test: the April 2002 collection-period totals (from the seed) produce every figure
 * of the seed's April 2002 Statement to Certificateholders. Compared on the engine's output.
 */
describe('April 2002 distribution of nchet-2002-1 (seed 8-K)', () => {
  const deal = resolveDeal('nchet-2002-1');
  const state = readStateFile(deal, `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
  const period = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
  const { distribution: d, state: after } = runDistribution(
    deal,
    state,
    period,
    indexTableFor(deal),
  );
  const byName = new Map(d.classes.map((c) => [c.name, c]));
  const cls = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(name);
    return found;
  };

  it('accrues 31 days at LIBOR 1.90% fixed on 2002-03-21', () => {
    expect(d.accrualDays).toBe(31);
    expect(d.indexRate).toBe(0.019);
    expect(d.indexDeterminationDate).toBe('2002-03-21');
  });
  it('pays each class its interest to the cent', () => {
    expect(cls('A').interestPaid).toBe(30657350);
    expect(cls('M-1').interestPaid).toBe(2886488);
    expect(cls('M-2').interestPaid).toBe(3246036);
    expect(cls('M-3').interestPaid).toBe(3168588);
    expect(cls('M-4').interestPaid).toBe(181888);
    expect(cls('CE').interestPaid).toBe(94298071);
    expect(cls('P').interestPaid).toBe(0);
    expect(d.classes.reduce((a, c) => a + c.interestPaid, 0)).toBe(134438421);
  });
  it('prints the pass-through rates', () => {
    expect(cls('A').passThroughRate).toBeCloseTo(0.0222, 12);
    expect(cls('M-4').passThroughRate).toBeCloseTo(0.0425, 12);
    expect(cls('CE').passThroughRate.toFixed(7)).toBe('0.0571178');
  });
  it('pays the pool principal to class A', () => {
    expect(cls('A').principalPaid).toBe(13864332);
    expect(cls('A').endingBalance).toBe(16023110503);
    expect(d.principalDistributionAmount).toBe(13864332);
    for (const name of ['M-1', 'M-2', 'M-3', 'M-4', 'P']) expect(cls(name).principalPaid).toBe(0);
    expect(d.classes.reduce((a, c) => a + c.endingBalance, 0)).toBe(19797420082);
  });
  it('keeps the OC at its target', () => {
    expect(cls('CE').endingBalance).toBe(397299579);
    expect(d.overcollateralization.required).toBe(397299579);
    expect(d.overcollateralization.increase).toBe(0);
    expect(d.overcollateralization.reduction).toBe(0);
  });
  it('computes the fees and performance measures', () => {
    expect(d.fees.find((f) => f.servicerCompensation)?.amount).toBe(8254702);
    expect(d.netMonthlyExcessCashflow).toBe(94298071);
    expect((d.creditEnhancementPercentage * 100).toFixed(3)).toBe('19.065');
    expect((d.delinquencyPercentage * 100).toFixed(3)).toBe('0.189');
    expect(d.stepdownDate).toBe(false);
    expect(d.triggerEvent).toBe(false);
  });
  it('leaves the state after April for May', () => {
    expect(after.distributionNumber).toBe(2);
    expect(after.poolBalance).toBe(19797420082);
    expect(after.classes['A']?.balance).toBe(16023110503);
  });
  it('records every payment in the trace', () => {
    const paid = d.trace.filter(
      (t) =>
        t.to && t.amount !== undefined && ['interest', 'principal', 'excess'].includes(t.phase),
    );
    expect(paid.find((t) => t.to === 'CE')?.from).toBe('Net Monthly Excess Cashflow');
    expect(paid.some((t) => t.step === 'fee' && t.amount === 280660)).toBe(true);
    expect(d.trace.some((t) => t.step === 'stepdownDate' && /not yet/.test(t.reason))).toBe(true);
  });
});
