import { describe, expect, it } from 'vitest';
import { loadDeal } from '../deal/loadDeal.ts';
import { plainDate } from '../money/plainDate.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { statementModel } from '../reports/statementModel.ts';
import { statementText } from '../reports/statementText.ts';
import { distribute } from './distribute.ts';
import { swapDeal, type Json } from './testDeals.ts';
import { syntheticPeriod } from '../../test/support/periods.ts';

/**
 * A swap terminated early (STRUCTURES.md section 5): the termination payment the trust owes is
 * paid senior to the certificates unless the counterparty's default caused it, then after them;
 * one the counterparty owes is a receipt of the supplemental interest trust; the swap has no
 * legs after the date. The April 2002 period (distribution 2), LIBOR 1.90%; expected figures from the formulas.
 */

function terminated(termination: Json): ReturnType<typeof loadDeal> {
  const file = swapDeal();
  file['supplementalInterestTrust'].swap.termination = termination;
  const interest = file['waterfall'].interest as Json[];
  interest.splice(1, 0, { kind: 'swapTerminationPayment', causedBy: 'trust' });
  const excess = file['waterfall'].excess as Json[];
  excess.splice(excess.length - 2, 0, { kind: 'swapTerminationPayment', causedBy: 'counterparty' });
  return loadDeal(file, 'terminated-swap.json');
}

const at = { rate: 0.019, determinationDate: plainDate('2002-03-21') };
const leg = (notional: number, rate: number, days: number): number =>
  Math.round((notional * rate * days) / 360);
// April 2002: the Net Swap Payment on 150,000,000.00 (5.00% 30/360 against LIBOR over 31 days).
const netSwap = leg(150_000_000_00, 0.05, 30) - leg(150_000_000_00, 0.019, 31);
const interestRemittance = 1_429_737_83; // the seed's Interest Remittance Amount
const fees =
  Math.round((198_112_844_14 * 0.005) / 12) + Math.round((198_112_844_14 * 0.00017) / 12);
const classA = 306_573_50; // the seed's class A interest
const ceWithoutTermination = 942_980_71 - netSwap; // swapAndCap.test.ts

describe('a swap terminated early (data only)', () => {
  it("pays the trust's termination payment senior to the classes when the trust caused it", () => {
    const amount = 900_000_00;
    const deal = terminated({
      distribution: 2,
      amount: '900000.00',
      owedBy: 'trust',
      causedBy: 'trust',
    });
    const { distribution: d } = distribute(
      deal,
      { ...aprilState, dealId: deal.id },
      aprilPeriod,
      at,
    );
    const trust = d.supplementalInterestTrust!;
    expect(trust.swapTerminationPayment).toBe(amount);
    expect(trust.swapTerminationPaid).toBe(amount);
    // What is left after the Net Swap Payment, the termination payment and the fees pays A.
    const left = interestRemittance - netSwap - amount - fees;
    expect(left).toBeLessThan(classA);
    const a = classOf(d.classes, 'A');
    expect(a.interestPaid).toBe(left);
    expect(a.unpaidInterest).toBe(classA - left);
    expect(statementText(statementModel(deal, d))).toMatch(
      /Swap Termination Payment Paid +900,000\.00\n/,
    );
  });

  it("pays it after the certificates when the counterparty's default caused it", () => {
    const deal = terminated({
      distribution: 2,
      amount: '900000.00',
      owedBy: 'trust',
      causedBy: 'counterparty',
    });
    const { distribution: d } = distribute(
      deal,
      { ...aprilState, dealId: deal.id },
      aprilPeriod,
      at,
    );
    expect(classOf(d.classes, 'A').interestPaid).toBe(classA);
    // The excess cashflow pays it before CE, as far as it goes.
    expect(d.supplementalInterestTrust!.swapTerminationPaid).toBe(ceWithoutTermination);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(0);
  });

  it("takes a payment the counterparty owes as a receipt, and ends the swap's legs", () => {
    const deal = terminated({
      distribution: 2,
      amount: '500000.00',
      owedBy: 'counterparty',
      causedBy: 'counterparty',
    });
    const state = { ...aprilState, dealId: deal.id };
    const first = distribute(deal, state, aprilPeriod, at);
    const trust = first.distribution.supplementalInterestTrust!;
    expect(trust.swapTerminationReceipt).toBe(500_000_00);
    expect(trust.receipts).toBe(500_000_00);
    // Nothing is owed to the classes: the receipt goes to CE.
    expect(classOf(first.distribution.classes, 'CE').interestPaid).toBe(
      ceWithoutTermination + 500_000_00,
    );
    const second = distribute(deal, first.state, syntheticPeriod(deal, first.state), at);
    const after = second.distribution.supplementalInterestTrust!;
    expect(after.swapNotional).toBe(0);
    expect(after.netSwapPayment + after.netSwapReceipt + after.swapTerminationReceipt).toBe(0);
  });

  it('refuses a termination the trust owes that no step pays', () => {
    const file = swapDeal();
    file['supplementalInterestTrust'].swap.termination = {
      distribution: 3,
      amount: '1.00',
      owedBy: 'trust',
      causedBy: 'counterparty',
    };
    expect(() => loadDeal(file, 'unpaid-termination.json')).toThrow(/not valid/);
  });
});
