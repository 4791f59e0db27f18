import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { accrue } from '../money/rate.ts';
import { netWacRate } from './netWacRate.ts';
import { aprilPeriod, aprilState, classOf, runApril } from '../../test/support/april.ts';

describe('the Net WAC Pass-Through Rate', () => {
  it('does not bind in April 2002: (8.66% - 0.517%) x 30/31 = 7.880%', () => {
    expect(netWacRate(0.0866, 0.00517, 31)).toBeCloseTo(0.0788032, 6);
  });

  it('caps the classes when the loans pay too little, and carries the difference over', () => {
    // WAC 2.50%: Net WAC = (2.50% - 0.517%) x 30/31 = 1.91903%, below A's 2.22% coupon.
    const wac = 0.025;
    const interestCollected = accrue(aprilPeriod.beginningPoolBalance, wac, 30, 360);
    const { distribution: d, state } = runApril({ weightedAverageRate: wac, interestCollected });
    const cap = netWacRate(wac, 0.00517, 31);
    const a = classOf(d.classes, 'A');
    expect(a.passThroughRate).toBeCloseTo(cap, 15);
    expect(a.couponRate).toBeCloseTo(0.0222, 15);
    expect(a.accruedInterest).toBe(accrue(cents(16036974835), cap, 31, 360));
    expect(a.netWacCarryoverCurrent).toBe(30657350 - a.accruedInterest);
    // The excess after class interest is too small to pay all the carryover: it is carried.
    const carried = d.classes.reduce((acc, c) => acc + c.netWacCarryover, 0);
    const arising = d.classes.reduce((acc, c) => acc + c.netWacCarryoverCurrent, 0);
    const paid = d.classes.reduce((acc, c) => acc + c.netWacCarryoverPaid, 0);
    expect(carried + paid).toBe(arising);
    expect(state.classes['A']?.netWacCarryover).toBe(a.netWacCarryover);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(0);
  });
});

describe('interest shortfalls', () => {
  it('within the excess interest reduce only the CE', () => {
    const { distribution: d } = runApril({
      interestCollected: cents(142973783 - 10_000_000),
      prepaymentInterestShortfall: cents(15_000_000),
      compensatingInterest: cents(5_000_000),
      // 150,000 PPIS, 50,000 covered by compensating interest (counted in the remittance).
    });
    expect(classOf(d.classes, 'A').interestPaid).toBe(30657350);
    expect(classOf(d.classes, 'A').prepaymentInterestShortfall).toBe(0);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(94298071 - 10_000_000 + 5_000_000);
    expect(d.netPrepaymentInterestShortfall).toBe(10_000_000);
  });

  it('beyond the excess reduce the classes pro rata by accrued interest', () => {
    // Relief Act shortfall 1,042,980.71 = CE's 942,980.71 + 100,000.00 for the classes.
    const relief = cents(104_298_071);
    const { distribution: d } = runApril({
      interestCollected: cents(142973783 - relief),
      reliefActShortfall: relief,
    });
    const shares = ['A', 'M-1', 'M-2', 'M-3', 'M-4'].map(
      (n) => classOf(d.classes, n).reliefActShortfall,
    );
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_000_000);
    // A's share: 100,000 x 306,573.50 / 401,403.50 = 76,375.39
    expect(shares[0]).toBe(7637539);
    expect(classOf(d.classes, 'A').interestPaid).toBe(30657350 - 7637539);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(0);
  });
});

describe('unpaid interest', () => {
  it('is carried forward with interest and paid first from the next excess', () => {
    const state = {
      ...aprilState,
      classes: {
        ...aprilState.classes,
        'M-2': { ...aprilState.classes['M-2']!, unpaidInterest: cents(1_000_000) },
      },
    };
    const { distribution: d } = runApril({}, state);
    // 10,000.00 unpaid + 31 days at 3.30% = 10,028.42
    expect(classOf(d.classes, 'M-2').interestPaid).toBe(3246036 + 1_002_842);
    expect(classOf(d.classes, 'M-2').unpaidInterest).toBe(0);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(94298071 - 1_002_842);
  });
});
