import { describe, expect, it } from 'vitest';
import { ioDeal } from './testDeals.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { statementModel } from '../reports/statementModel.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { distribute } from './distribute.ts';
import { runDistribution } from './runDistribution.ts';
import type { DealState } from './types.ts';

/**
 * An interest-only class (A-IO) as data only: the 2002-1 deal with an A-IO paying 6.00% (30/360)
 * on a notional of 48,272,000.00 for distributions 1-12, 30,000,000.00 for 13-30 and nothing
 * after, at most the pool; its interest paid pro rata with class A's. Expected figures from the
 * formulas.
 */

const deal = loadDeal(ioDeal(), 'interest-only-example.json');
const monthOf = (notional: number): number => Math.round((notional * 0.06 * 30) / 360);
const state: DealState = {
  ...aprilState,
  dealId: deal.id,
  classes: {
    ...aprilState.classes,
    'A-IO': { ...aprilState.classes['A']!, balance: cents(48_272_000_00) },
  },
};

describe('an interest-only class on a scheduled notional (data only)', () => {
  it('pays 6.00% 30/360 on the notional, from the interest that went to CE', () => {
    const { distribution } = runDistribution(deal, state, aprilPeriod, indexTableFor(deal));
    const io = classOf(distribution.classes, 'A-IO');
    expect(io.interestPaid).toBe(monthOf(48_272_000_00)); // 241,360.00
    expect(io.principalPaid).toBe(0);
    expect(io.beginningBalance).toBe(48_272_000_00);
    expect(io.endingBalance).toBe(48_272_000_00);
    expect(classOf(distribution.classes, 'A').interestPaid).toBe(306_573_50);
    expect(classOf(distribution.classes, 'CE').interestPaid).toBe(942_980_71 - 241_360_00);
    // The statement's certificate totals leave the notional out: they add up to the pool
    // (CE's balance is the pool less the certificates).
    const model = statementModel(deal, distribution);
    expect(model.certificates.total.endingBalance).toBe(197_974_200_82);
  });

  it('steps down by the schedule, to the pool at most, and to nothing', () => {
    const at = (n: number, pool: number) => {
      const before = {
        ...state,
        distributionNumber: n - 1,
        lastDate: distributionDate(deal, n - 1),
      };
      const s = { ...before, poolBalance: cents(pool) };
      const period = {
        ...aprilPeriod,
        distributionDate: distributionDate(deal, n),
        beginningPoolBalance: cents(pool),
        endingPoolBalance: cents(pool - 138_643_32),
      };
      return distribute(deal, s, period, {
        rate: 0.019,
        determinationDate: plainDate('2002-03-21'),
      }).distribution;
    };
    const pool = aprilState.poolBalance;
    expect(classOf(at(12, pool).classes, 'A-IO').endingBalance).toBe(30_000_000_00);
    expect(classOf(at(13, pool).classes, 'A-IO').interestPaid).toBe(monthOf(30_000_000_00));
    expect(classOf(at(31, pool).classes, 'A-IO').interestPaid).toBe(0);
  });

  it('shares a shortfall of interest with class A pro rata by what each is due', () => {
    const short = { ...aprilPeriod, interestCollected: cents(400_000_00) };
    const { distribution } = runDistribution(deal, state, short, indexTableFor(deal));
    // 400,000.00 less the fees (servicing 82,547.02, trustee 2,806.60) for A and A-IO.
    const left = 400_000_00 - 82_547_02 - 2_806_60;
    const dueA = 306_573_50;
    const dueIo = 241_360_00;
    const a = classOf(distribution.classes, 'A').interestPaid;
    const io = classOf(distribution.classes, 'A-IO').interestPaid;
    expect(a + io).toBe(left);
    expect(Math.abs(a - (left * dueA) / (dueA + dueIo))).toBeLessThanOrEqual(1);
    expect(classOf(distribution.classes, 'A-IO').unpaidInterest).toBe(dueIo - io);
  });

  it('refuses an interest-only class in a principal step', () => {
    const d = ioDeal();
    d['waterfall'].principal[0].classes.unshift('A-IO');
    expect(() => loadDeal(d, 'bad.json')).toThrow(/class "A-IO" is interestOnly/);
  });
});
