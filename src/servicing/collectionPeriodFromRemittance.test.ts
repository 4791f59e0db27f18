import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { collectionPeriodFromRemittance } from './collectionPeriodFromRemittance.ts';
import { readRemittance } from './readRemittance.ts';
import { handPositions, writeHandFile } from './testReport.ts';

const deal = resolveDeal('nchet-2002-1');

describe('collectionPeriodFromRemittance', () => {
  it('totals a hand-computed report into the waterfall input', async () => {
    const report = await readRemittance(writeHandFile('hand.csv'));
    const p = collectionPeriodFromRemittance(deal, handPositions, report);
    expect(p.distributionDate).toBe('2002-03-25');
    expect([p.beginningPoolBalance, p.endingPoolBalance]).toEqual([55_000_000, 24_985_098]);
    expect([p.beginningLoanCount, p.endingLoanCount]).toEqual([4, 2]);
    expect(p.scheduledPrincipal).toBe(6_709 + 8_193);
    expect(p.paymentsInFull).toBe(20_000_000);
    expect(p.liquidationProceeds).toBe(6_000_000);
    expect(p.realizedLosses).toBe(4_000_000);
    expect(p.bankruptcyLosses).toBe(0);
    // 666.67 + 708.33 + 1,125.00 (advanced) + 0 (liquidated)
    expect(p.interestCollected).toBe(250_000);
    // PPIS 1,416.67 - 708.33; covered up to the servicing fee 550,000 x 0.5% / 12 = 229.17.
    expect(p.prepaymentInterestShortfall).toBe(70_834);
    expect(p.compensatingInterest).toBe(22_917);
    expect(p.prepaymentCharges).toBe(680_000);
    expect(p.advances).toBe(120_693);
    // (100 x 8 + 200 x 8.5 + 150 x 9 + 100 x 10) / 550 = 8.81818%
    expect(p.weightedAverageRate).toBeCloseTo(0.0881818, 7);
    expect(p.weightedAverageRemainingTerm).toBe(359);
    expect(p.delinquency.days30to59).toEqual({
      count: 1,
      unpaidPrincipal: 15_000_000,
      statedPrincipal: 14_991_807,
    });
    expect(
      p.delinquency.days60to89.count + p.delinquency.foreclosure.count + p.delinquency.reo.count,
    ).toBe(0);
  });

  it('by the OTS method the one missed installment is not yet 30 days', async () => {
    const report = await readRemittance(writeHandFile('hand-ots.csv'));
    const p = collectionPeriodFromRemittance(deal, handPositions, report, { method: 'OTS' });
    expect(p.delinquency.days30to59.count).toBe(0);
    expect(p.source).toMatch(/OTS/);
  });

  it('accepts the loan tape as the previous balances', async () => {
    const report = await readRemittance(writeHandFile('hand-tape.csv'));
    expect(() => collectionPeriodFromRemittance(deal, [], report)).toThrow(/not in the pool/);
  });
});
