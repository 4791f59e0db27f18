import { describe, expect, it } from 'vitest';
import { AF, AF_NAMES, fixedRateDeal } from './testDeals.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { distribute } from './distribute.ts';
import type { CollectionPeriod, DealState } from './types.ts';

/**
 * Fixed-rate classes with a lockout (NAS) class, as data only: the 2002-1 deal with class A
 * replaced by AF-1..AF-6 (30/360 fixed coupons, +0.50% after the Optional Termination Date;
 * AF-6 the NAS class with the usual NAS Percentages). Every expected figure is computed here from
 * the agreement's formulas.
 */

const deal = loadDeal(fixedRateDeal(), 'fixed-rate-example.json');
const fixing = { rate: 0.019, determinationDate: plainDate('2002-03-21') };

/**
 * The trust after distribution `n - 1`: the AF classes at `balances`, M-1..M-4 at `m` (as after
 * March 2002 unless given), P, and the overcollateralization at its target (3,972,995.79), so
 * that principal is neither held back nor released.
 */
function stateBefore(n: number, balances: readonly number[], m?: number): DealState {
  const { A: _a, ...others } = aprilState.classes;
  const classes: Record<string, DealState['classes'][string]> = { ...others };
  AF_NAMES.forEach((name, i) => {
    classes[name] = { ...aprilState.classes['A']!, balance: cents(balances[i]!) };
  });
  if (m !== undefined) {
    for (const name of ['M-1', 'M-2', 'M-3', 'M-4'])
      classes[name] = { ...classes[name]!, balance: cents(m) };
  }
  const oc = 3_972_995_79;
  classes['CE'] = { ...classes['CE']!, balance: cents(oc) };
  const pool = Object.entries(classes).reduce(
    (acc, [name, c]) => acc + (name === 'CE' ? 0 : c.balance),
    oc,
  );
  return {
    ...aprilState,
    dealId: deal.id,
    distributionNumber: n - 1,
    lastDate: distributionDate(deal, n - 1),
    poolBalance: cents(pool),
    classes,
  };
}

/**
 * Period n: `principal` of scheduled principal, interest at `wac`, and `foreclosure` of loans in
 * foreclosure (enough of them puts the delinquency trigger in effect: principal to balances).
 */
function periodOf(
  n: number,
  state: DealState,
  principal: number,
  wac = 0.0866,
  foreclosure = 0,
): CollectionPeriod {
  const bucket = {
    count: 1,
    unpaidPrincipal: cents(foreclosure),
    statedPrincipal: cents(foreclosure),
  };
  return {
    ...aprilPeriod,
    delinquency: { ...aprilPeriod.delinquency, foreclosure: bucket },
    distributionDate: distributionDate(deal, n),
    beginningPoolBalance: state.poolBalance,
    endingPoolBalance: cents(state.poolBalance - principal),
    scheduledPrincipal: cents(principal),
    curtailments: cents(0),
    interestCollected: cents(Math.round((state.poolBalance * wac) / 12)),
    weightedAverageRate: wac,
  };
}

/** 30/360 interest: balance x coupon / 12, rounded half up to the cent. */
const monthOf = (balance: number, rate: number): number => Math.round((balance * rate * 30) / 360);

describe('fixed-rate classes and a NAS class (data only)', () => {
  const afterMarch = [
    39_468_748_35, 30_000_000_00, 30_000_000_00, 20_000_000_00, 24_801_000_00, 16_100_000_00,
  ];

  it('accrues each fixed coupon 30/360 and, before month 37, pays AF-6 no principal', () => {
    const state = stateBefore(2, afterMarch);
    const { distribution } = distribute(deal, state, periodOf(2, state, 138_643_32), fixing);
    AF.forEach(([name, , coupon], i) => {
      const c = classOf(distribution.classes, name);
      expect(c.couponRate).toBe(coupon);
      expect(c.interestPaid).toBe(monthOf(afterMarch[i]!, coupon));
    });
    expect(classOf(distribution.classes, 'AF-1').principalPaid).toBe(138_643_32);
    expect(classOf(distribution.classes, 'AF-6').principalPaid).toBe(0);
    // The floating M classes still accrue actual/360 on 31 days at LIBOR + margin.
    expect(classOf(distribution.classes, 'M-1').interestPaid).toBe(28_864_88);
  });

  it('pays AF-6 its NAS Principal Distribution Amount from month 37 (45%), the rest in order', () => {
    // Seniors at 72% of the pool: the senior enhancement (28%) is short of the stepdown's 38%.
    const balances = [0, 0, 35_000_000_00, 20_000_000_00, 24_801_000_00, 16_100_000_00];
    const state = stateBefore(40, balances);
    const principal = 1_000_000_00;
    const { distribution } = distribute(deal, state, periodOf(40, state, principal), fixing);
    expect(distribution.stepdownDate).toBe(false);
    const afTotal = balances.reduce((a, b) => a + b, 0);
    const nas = Math.round((0.45 * balances[5]! * principal) / afTotal);
    expect(classOf(distribution.classes, 'AF-6').principalPaid).toBe(nas);
    expect(classOf(distribution.classes, 'AF-3').principalPaid).toBe(principal - nas);
    // The Principal Distribution Amount is the month's principal, no more and no less.
    expect(distribution.principalDistributionAmount).toBe(principal);
    expect(distribution.netMonthlyExcessCashflow).toBe(
      distribution.interestRemittanceAmount -
        distribution.fees.reduce((a, f) => a + f.amount, 0) -
        distribution.classes.reduce((a, c) => a + (c.name === 'CE' ? 0 : c.interestPaid), 0),
    );
    expect(classOf(distribution.classes, 'AF-4').principalPaid).toBe(0);
  });

  it('pays 300% of its share from month 85, at most its balance (during a Trigger Event)', () => {
    const balances = [0, 0, 0, 0, 29_000_000_00, 1_000_000_00];
    const state = stateBefore(90, balances);
    // A month of large prepayments, with 20,000,000.00 in foreclosure: the trigger is in effect.
    const principal = 12_000_000_00;
    const period = periodOf(90, state, principal, 0.0866, 20_000_000_00);
    const { distribution } = distribute(deal, state, period, fixing);
    expect(distribution.triggerEvent).toBe(true);
    const share = Math.round((3 * 1_000_000_00 * principal) / 30_000_000_00); // 1,200,000.00
    expect(share).toBeGreaterThan(1_000_000_00);
    expect(classOf(distribution.classes, 'AF-6').principalPaid).toBe(1_000_000_00);
    expect(classOf(distribution.classes, 'AF-5').principalPaid).toBe(principal - 1_000_000_00);
  });

  it('caps a fixed coupon by the Net WAC Rate on 30/360, carrying the excess over', () => {
    const state = stateBefore(2, afterMarch);
    const wac = 0.05; // net of the 0.517% fees: 4.483% a year, 30/360
    const { distribution } = distribute(deal, state, periodOf(2, state, 138_643_32, wac), fixing);
    const cap = wac - deal.netWacFeeRate;
    const af3 = classOf(distribution.classes, 'AF-3');
    expect(af3.passThroughRate).toBeCloseTo(cap, 12);
    expect(af3.interestPaid).toBe(monthOf(30_000_000_00, cap));
    expect(af3.netWacCarryoverCurrent).toBe(
      monthOf(30_000_000_00, 0.05) - monthOf(30_000_000_00, cap),
    );
    expect(classOf(distribution.classes, 'AF-1').passThroughRate).toBe(0.04);
  });

  it('steps the coupons up by 0.50% once the pool was at or below the clean-up call threshold', () => {
    // M-1..M-4 at 1,000,000.00 each: the pool, 17,973,095.79, is below 10% of the cut-off pool
    // (19,864,409.58).
    const balances = [0, 0, 0, 0, 2_000_000_00, 8_000_000_00];
    const state = stateBefore(100, balances, 1_000_000_00);
    expect(state.poolBalance).toBe(17_973_095_79);
    const { distribution } = distribute(deal, state, periodOf(100, state, 100_000_00), fixing);
    const af6 = classOf(distribution.classes, 'AF-6');
    expect(af6.couponRate).toBeCloseTo(0.0575, 12);
    expect(af6.interestPaid).toBe(monthOf(8_000_000_00, 0.0575));
  });

  it('refuses a NAS class that is not one of the step classes', () => {
    const d = fixedRateDeal();
    d['waterfall'].principal[0].allocation.nas.class = 'M-1';
    expect(() => loadDeal(d, 'bad.json')).toThrow(/allocation\.nas\.class/);
  });
});
