import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { aprilState, classOf, runApril } from '../../test/support/april.ts';

// Baseline April 2002: A principal 138,643.32, CE 942,980.71, OC 3,972,995.79 at target.
describe('realized losses', () => {
  it('are covered by excess cashflow as extra principal while the OC stays at target', () => {
    // 150,000 liquidated: 50,000 recovered, 100,000 lost -> OC deficiency 100,000.
    const { distribution: d } = runApril({
      liquidationProceeds: cents(5_000_000),
      realizedLosses: cents(10_000_000),
    });
    expect(classOf(d.classes, 'A').principalPaid).toBe(13864332 + 5_000_000 + 10_000_000);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(94298071 - 10_000_000);
    expect(classOf(d.classes, 'CE').endingBalance).toBe(397299579);
    expect(classOf(d.classes, 'CE').realizedLoss).toBe(10_000_000);
    expect(d.overcollateralization.increase).toBe(10_000_000);
    expect(d.lossSeverity).toBeCloseTo(10 / 15, 12);
    for (const m of ['M-1', 'M-2', 'M-3', 'M-4'])
      expect(classOf(d.classes, m).realizedLoss).toBe(0);
  });

  it('beyond excess and OC write down M-4 first, then M-3', () => {
    // 5,000,000 lost: excess 942,980.71 goes to A; certificates exceed the pool by 84,023.50.
    const { distribution: d, state } = runApril({ realizedLosses: cents(500_000_000) });
    expect(classOf(d.classes, 'A').principalPaid).toBe(13864332 + 94298071);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(0);
    expect(classOf(d.classes, 'CE').endingBalance).toBe(0);
    expect(classOf(d.classes, 'M-4').realizedLoss).toBe(8402350);
    expect(classOf(d.classes, 'M-4').endingBalance).toBe(49700000 - 8402350);
    expect(state.classes['M-4']?.unpaidRealizedLoss).toBe(8402350);
    expect(classOf(d.classes, 'M-3').realizedLoss).toBe(0);

    // 10,000,000 lost: M-4 (497,000) is wiped out and M-3 takes the rest: 5,084,023.50 - 497,000.
    const big = runApril({ realizedLosses: cents(1_000_000_000) }).distribution;
    expect(classOf(big.classes, 'M-4').endingBalance).toBe(0);
    expect(classOf(big.classes, 'M-3').realizedLoss).toBe(508402350 - 49700000);
    expect(classOf(big.classes, 'M-2').realizedLoss).toBe(0);
  });

  it('unpaid realized losses are reimbursed from excess once the OC is at target', () => {
    const state = {
      ...aprilState,
      classes: {
        ...aprilState.classes,
        'M-4': { ...aprilState.classes['M-4']!, unpaidRealizedLoss: cents(1_000_000) },
      },
    };
    const { distribution: d, state: after } = runApril({}, state);
    expect(classOf(d.classes, 'M-4').realizedLossReimbursed).toBe(1_000_000);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(94298071 - 1_000_000);
    expect(after.classes['M-4']?.unpaidRealizedLoss).toBe(0);
  });
});

describe('prepayment charges', () => {
  it('go to class P outside the waterfall', () => {
    const { distribution: d } = runApril({ prepaymentCharges: cents(1_234_567) });
    expect(classOf(d.classes, 'P').interestPaid).toBe(1_234_567);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(94298071);
  });
});
