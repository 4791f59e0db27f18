import { describe, expect, it } from 'vitest';
import { indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { statementModel } from '../reports/statementModel.ts';
import { statementText } from '../reports/statementText.ts';
import { runDistribution } from './runDistribution.ts';
import { reserveFundDeal } from './testDeals.ts';
import { initialState } from './initialState.ts';

/**
 * A reserve fund as data (testDeals.ts): a target of 0.50% of the pool, drawn for the classes'
 * interest still unpaid, filled from the excess cashflow, the balance above the target released
 * to CE. Expected figures from the formulas.
 */

const deal = loadDeal(reserveFundDeal(), 'reserve-fund-example.json');
const target = Math.round(aprilPeriod.endingPoolBalance * 0.005); // 989,871.00
const withReserve = (balance: number) => ({
  ...aprilState,
  dealId: deal.id,
  reserveFundBalance: cents(balance),
});
const run = (balance: number, interestCollected: number = aprilPeriod.interestCollected) =>
  runDistribution(
    deal,
    withReserve(balance),
    { ...aprilPeriod, interestCollected: cents(interestCollected) },
    indexTableFor(deal),
  ).distribution;

describe('a reserve fund (data only)', () => {
  it('starts with its deposit at closing', () => {
    expect(initialState(deal).reserveFundBalance).toBe(1_000_000_00);
  });

  it('releases the balance above the target to CE', () => {
    const d = run(1_000_000_00);
    expect(target).toBe(989_871_00);
    expect(d.reserveFund).toEqual({
      beginningBalance: 1_000_000_00,
      target,
      deposited: 0,
      drawn: 0,
      released: 1_000_000_00 - target,
      endingBalance: target,
    });
    expect(classOf(d.classes, 'CE').interestPaid).toBe(942_980_71 + 1_000_000_00 - target);
    const text = statementText(statementModel(deal, d));
    expect(text).toMatch(/RESERVE FUND\n/);
    expect(text).toMatch(/Released +10,129\.00\n/);
    expect(text).toMatch(/Ending Balance +989,871\.00\n/);
  });

  it('is filled from the excess cashflow up to the target', () => {
    const d = run(500_000_00);
    expect(d.reserveFund!.deposited).toBe(target - 500_000_00);
    expect(d.reserveFund!.endingBalance).toBe(target);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(942_980_71 - (target - 500_000_00));
  });

  it('pays the classes the interest the remittance could not', () => {
    // 350,000.00 of interest: 264,646.38 after the fees, for 401,403.50 of class interest.
    const d = run(1_000_000_00, 350_000_00);
    const short = 401_403_50 - (350_000_00 - 82_547_02 - 2_806_60);
    expect(d.reserveFund!.drawn).toBe(short);
    expect(d.reserveFund!.endingBalance).toBe(1_000_000_00 - short);
    for (const name of ['A', 'M-1', 'M-2', 'M-3', 'M-4']) {
      expect(classOf(d.classes, name).unpaidInterest, name).toBe(0);
    }
    expect(classOf(d.classes, 'A').interestPaid).toBe(306_573_50);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(0);
  });

  it('refuses reserve fund steps without a reserve fund, and a fund no step fills', () => {
    const d = reserveFundDeal();
    delete d['reserveFund'];
    expect(() => loadDeal(d, 'bad.json')).toThrow(/no reserve fund/);
    const e = reserveFundDeal();
    e['waterfall'].excess = e['waterfall'].excess.filter(
      (s: { kind: string }) => s.kind !== 'reserveFundDeposit',
    );
    expect(() => loadDeal(e, 'bad.json')).toThrow(/no step deposits into the reserve fund/);
  });
});
