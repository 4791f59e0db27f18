import { describe, expect, it } from 'vitest';
import type { SwapAgreement } from '../deal/deal.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { statementModel } from '../reports/statementModel.ts';
import { statementText } from '../reports/statementText.ts';
import { distribute } from './distribute.ts';
import { supplementalAmounts } from './netSwapPayment.ts';
import { swapDeal } from './testDeals.ts';

/**
 * An interest-rate swap and cap in a supplemental interest trust, as data only (testDeals.ts):
 * the Net Swap Payment paid before the classes' interest, the receipts applied to what the
 * classes are still owed and the rest to CE. Expected figures from the formulas.
 */

const deal = loadDeal(swapDeal(), 'swap-and-cap-example.json');
const state = { ...aprilState, dealId: deal.id };
const at = (rate: number) => ({ rate, determinationDate: plainDate('2002-03-21') });
/** notional x rate x days / 360, rounded half up to the cent. */
const leg = (notional: number, rate: number, days: number): number =>
  Math.round((notional * rate * days) / 360);

describe('a swap and a cap (data only)', () => {
  it("the swap's legs: ../shared/STRUCTURES.md's example to the cent", () => {
    const swap: SwapAgreement = {
      counterparty: 'x',
      fixedRate: 0.05,
      fixedDayCount: '30/360',
      floatingDayCount: 'ACT/360',
      notional: [{ fromDistribution: 1, amount: cents(500_000_000_00) }],
      termination: undefined,
    };
    const figures = supplementalAmounts(swap, undefined, 1, 0.0532, 31);
    expect(figures.swapFixed).toBe(2_083_333_33);
    expect(figures.swapFloating).toBe(2_290_555_56);
    expect(figures.netSwapReceipt).toBe(207_222_23);
    expect(figures.netSwapPayment).toBe(0);
  });

  it('pays the Net Swap Payment before the classes, out of what CE would have had', () => {
    // April 2002's LIBOR, 1.90%: the trust owes the fixed leg less the floating leg.
    const { distribution } = distribute(deal, state, aprilPeriod, at(0.019));
    const owed = leg(150_000_000_00, 0.05, 30) - leg(150_000_000_00, 0.019, 31);
    const trust = distribution.supplementalInterestTrust!;
    expect(trust.netSwapPayment).toBe(owed); // 625,000.00 - 245,416.67
    expect(trust.netSwapPaymentPaid).toBe(owed);
    expect(trust.capReceipt).toBe(0); // LIBOR under the 4.00% strike
    expect(classOf(distribution.classes, 'A').interestPaid).toBe(306_573_50);
    expect(classOf(distribution.classes, 'CE').interestPaid).toBe(942_980_71 - owed);
    // The statement prints the trust's figures after the filing's own sections.
    const text = statementText(statementModel(deal, distribution));
    expect(text).toMatch(/SUPPLEMENTAL INTEREST TRUST\n/);
    expect(text).toMatch(/Net Swap Payment Paid +379,583\.33\n/);
    expect(text).toMatch(/Swap Notional Amount +150,000,000\.00\n/);
  });

  it('applies the receipts to interest still unpaid, then the rest to CE', () => {
    // LIBOR 5.32%, and interest collected short of the classes' interest: the swap and cap
    // receipts pay what the classes were not paid.
    const short = { ...aprilPeriod, interestCollected: cents(900_000_00) };
    const { distribution } = distribute(deal, state, short, at(0.0532));
    const trust = distribution.supplementalInterestTrust!;
    const receipt = leg(150_000_000_00, 0.0532, 31) - leg(150_000_000_00, 0.05, 30);
    const cap = leg(100_000_000_00, 0.0532 - 0.04, 31);
    expect(trust.netSwapReceipt).toBe(receipt);
    expect(trust.capReceipt).toBe(cap);
    expect(trust.receipts).toBe(receipt + cap);
    // Each class's interest at 5.32% + its margin over 31 days, all paid in the end.
    const due = (name: string, balance: number, margin: number): [string, number] => [
      name,
      leg(balance, 0.0532 + margin, 31),
    ];
    const dues = [
      due('A', 160_369_748_35, 0.0032),
      due('M-1', 12_415_000_00, 0.008),
      due('M-2', 11_423_000_00, 0.014),
      due('M-3', 9_435_000_00, 0.02),
      due('M-4', 497_000_00, 0.0235),
    ];
    const classInterest = dues.reduce((acc, [, d]) => acc + d, 0);
    const available = 900_000_00 - 82_547_02 - 2_806_60;
    expect(available).toBeLessThan(classInterest);
    expect(available + receipt + cap).toBeGreaterThan(classInterest);
    for (const [name, d] of dues) {
      const c = classOf(distribution.classes, name);
      expect(c.interestPaid, name).toBe(d);
      expect(c.unpaidInterest, name).toBe(0);
    }
    // What the receipts did not need goes to CE.
    expect(classOf(distribution.classes, 'CE').interestPaid).toBe(
      available + receipt + cap - classInterest,
    );
    const supplementalSteps = distribution.trace.filter((t) => t.phase === 'supplemental');
    expect(supplementalSteps.length).toBeGreaterThan(0);
    expect(supplementalSteps.every((t) => t.from?.startsWith('Supplemental Interest Trust'))).toBe(
      true,
    );
  });

  it('refuses receipts without a remainder, and a swap no step pays', () => {
    const d = swapDeal();
    d['waterfall'].supplemental.pop();
    expect(() => loadDeal(d, 'bad.json')).toThrow(/waterfall\.supplemental.*remainder/s);
    const e = swapDeal();
    e['waterfall'].interest.shift();
    expect(() => loadDeal(e, 'bad.json')).toThrow(/no step pays the Net Swap Payment/);
  });
});
