import { describe, expect, it } from 'vitest';
import { indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { statementModel } from '../reports/statementModel.ts';
import { statementText } from '../reports/statementText.ts';
import { runDistribution } from './runDistribution.ts';
import { expenseCapDeal } from './testDeals.ts';
import type { DealState } from './types.ts';

/**
 * An annual cap on extraordinary trust fund expenses (STRUCTURES.md section 6), as data: the
 * expenses within the calendar year's cap come off the Interest Remittance Amount before the
 * certificates, the rest is reimbursed from the excess cashflow and carried until it is. April
 * 2002 (class A's interest 306,573.50, CE's 942,980.71 without expenses); expected figures from
 * the rule.
 */

const deal = loadDeal(expenseCapDeal(), 'expense-cap.json');
const start: DealState = { ...aprilState, dealId: deal.id };
const april = (expenses: number, state: DealState = start) =>
  runDistribution(
    deal,
    state,
    { ...aprilPeriod, extraordinaryExpenses: cents(expenses) },
    indexTableFor(deal),
  ).distribution;

describe('an annual cap on extraordinary expenses (data only)', () => {
  it('takes expenses within the cap off the Interest Remittance Amount', () => {
    const d = april(60_000_00);
    expect(d.interestRemittanceAmount).toBe(1_429_737_83 - 60_000_00);
    expect(d.extraordinaryExpenses).toMatchObject({
      reimbursedSenior: 60_000_00,
      capRemaining: 40_000_00,
      aboveCap: 0,
      unpaidAfter: 0,
    });
    expect(classOf(d.classes, 'A').interestPaid).toBe(306_573_50);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(942_980_71 - 60_000_00);
  });

  it("reimburses what is above the year's cap from the excess cashflow", () => {
    // 60,000.00 of the year's cap already used: of 70,000.00 more, 40,000.00 within it.
    const state = {
      ...start,
      extraordinaryExpenses: { year: 2002, reimbursed: cents(60_000_00), unpaid: cents(0) },
    };
    const d = april(70_000_00, state);
    expect(d.interestRemittanceAmount).toBe(1_429_737_83 - 40_000_00);
    expect(d.extraordinaryExpenses).toMatchObject({
      reimbursedSenior: 40_000_00,
      capRemaining: 0,
      aboveCap: 30_000_00,
      reimbursedFromExcess: 30_000_00,
      unpaidAfter: 0,
    });
    // Either way the certificates are paid as before; CE bears all 70,000.00.
    expect(classOf(d.classes, 'A').interestPaid).toBe(306_573_50);
    expect(classOf(d.classes, 'CE').interestPaid).toBe(942_980_71 - 70_000_00);
    expect(statementText(statementModel(deal, d))).toMatch(
      /Reimbursed from Excess Cashflow +30,000\.00\n/,
    );
  });

  it('starts each calendar year with the whole cap, and pays what was carried', () => {
    const state = {
      ...start,
      extraordinaryExpenses: { year: 2001, reimbursed: cents(100_000_00), unpaid: cents(5_000_00) },
    };
    const d = april(10_000_00, state);
    expect(d.extraordinaryExpenses).toMatchObject({
      reimbursedSenior: 10_000_00,
      capRemaining: 90_000_00,
      aboveCap: 5_000_00,
      reimbursedFromExcess: 5_000_00,
      unpaidAfter: 0,
    });
  });

  it('refuses a cap that no step reimburses above', () => {
    const file = expenseCapDeal();
    file['waterfall'].excess = file['waterfall'].excess.filter(
      (s: { kind: string }) => s.kind !== 'expenseReimbursement',
    );
    expect(() => loadDeal(file, 'cap-without-step.json')).toThrow(/not valid/);
  });
});
