import { describe, expect, it } from 'vitest';
import { cents, ZERO } from '../money/cents.ts';
import { aprilPeriod, aprilState, deal } from '../../test/support/april.ts';
import { interestRemittanceAmount } from './interestRemittanceAmount.ts';
import { newLedger } from './ledger.ts';
import { netMonthlyExcessCashflow } from './netMonthlyExcessCashflow.ts';
import { overcollateralizationAmounts } from './overcollateralizationAmounts.ts';
import { stepdownDate, stepdownReason } from './stepdownDate.ts';
import { monthlyInterestDistributableAmount } from './monthlyInterestDistributableAmount.ts';

/** The defined terms one at a time, each with the figures its doc comment gives. */
const ledgerAt = (endingPool: number) =>
  newLedger(
    deal,
    aprilState,
    [],
    new Map(),
    { distributionNumber: 2, triggerEvent: false, stepdownDate: false, terminated: false },
    cents(endingPool),
  );

describe('the defined terms of the distributions section', () => {
  it('Interest Remittance Amount: interest + compensating interest - extraordinary expenses', () => {
    const ledger = ledgerAt(aprilPeriod.endingPoolBalance);
    expect(interestRemittanceAmount(ledger, aprilPeriod)).toBe(142_973_783);
    const withExpenses = {
      ...aprilPeriod,
      compensatingInterest: cents(1_000_00),
      extraordinaryExpenses: cents(250_00),
    };
    expect(interestRemittanceAmount(ledger, withExpenses)).toBe(142_973_783 + 1_000_00 - 250_00);
    expect(ledger.trace.map((t) => t.step)).toEqual([
      'interestRemittanceAmount',
      'interestRemittanceAmount',
    ]);
  });

  it('Overcollateralization Deficiency and Reduction Amounts', () => {
    // Pool 100.00 after collections, certificates 95.00 before 3.00 of principal: OC after the
    // remittance 8.00. Against 10.00 required: deficient by 2.00; against 6.00: 2.00 released.
    const deficient = ledgerAt(100_00);
    expect(
      overcollateralizationAmounts(deficient, cents(95_00), cents(3_00), cents(10_00)),
    ).toEqual({ afterRemittance: 8_00, deficiency: 2_00, reduction: ZERO });
    expect(deficient.deficiency).toBe(2_00);
    const released = ledgerAt(100_00);
    expect(overcollateralizationAmounts(released, cents(95_00), cents(3_00), cents(6_00))).toEqual({
      afterRemittance: 8_00,
      deficiency: ZERO,
      reduction: 2_00,
    });
    // The reduction never exceeds the Principal Remittance Amount.
    expect(
      overcollateralizationAmounts(ledgerAt(100_00), cents(95_00), cents(1_00), cents(0)).reduction,
    ).toBe(1_00);
  });

  it('Net Monthly Excess Cashflow: interest left + reduction + principal unused', () => {
    expect(netMonthlyExcessCashflow(ledgerAt(0), cents(942_980_71), cents(5_00), cents(1))).toBe(
      942_985_72,
    );
  });

  it('Stepdown Date: distribution 37 and 38% senior enhancement, or the senior class retired', () => {
    expect(stepdownDate(deal, aprilState, 37, 61_000_000_00, 0.38)).toBe(true);
    expect(stepdownDate(deal, aprilState, 36, 61_000_000_00, 0.5)).toBe(false);
    expect(stepdownDate(deal, aprilState, 37, 61_000_000_00, 0.3799)).toBe(false);
    expect(stepdownDate(deal, aprilState, 2, 0, 1)).toBe(true);
    expect(stepdownDate(deal, { ...aprilState, stepdownOccurred: true }, 2, 1, 0)).toBe(true);
    expect(stepdownReason(deal, aprilState, 2, 160_369_748_35, 0.19065, false)).toBe(
      'not yet: distribution 2 (needs 37) and senior enhancement 19.065% (needs 38.00%)',
    );
    expect(stepdownReason(deal, aprilState, 20, 0, 1, true)).toBe('class A was paid in full');
  });
});

describe('day counts of a class', () => {
  const fixed = (dayCount: '30/360' | 'ACT/360' | 'ACT/365F') => ({
    name: 'F',
    kind: 'fixed' as const,
    cusip: 'X',
    originalBalance: cents(100_000_000_00),
    coupon: 0.06,
    stepUpCoupon: 0.065,
    dayCount,
    netWacCapped: true,
    principalTarget: 0.5,
  });
  const before = {
    balance: cents(100_000_000_00),
    unpaidInterest: ZERO,
    netWacCarryover: ZERO,
    unpaidRealizedLoss: ZERO,
  };
  it('accrues 30/360 one month, actual/360 and actual/365 fixed the period days', () => {
    const accrued = (dayCount: '30/360' | 'ACT/360' | 'ACT/365F') =>
      monthlyInterestDistributableAmount(fixed(dayCount), before, 0.02, 0.08, 31, false).accrued;
    expect(accrued('30/360')).toBe(500_000_00);
    expect(accrued('ACT/360')).toBe(516_666_67);
    expect(accrued('ACT/365F')).toBe(Math.round((100_000_000_00 * 0.06 * 31) / 365));
  });
  it('caps at the Net WAC Rate restated on the class day count', () => {
    // Net loan rate 5.5%: one month is 5.5% / 12; over 31 days of 365 that is 5.5% x 30/360 x 365/31.
    const act365 = monthlyInterestDistributableAmount(
      fixed('ACT/365F'),
      before,
      0.02,
      0.055,
      31,
      false,
    );
    expect(act365.passThroughRate).toBeCloseTo((0.055 * 30 * 365) / (360 * 31), 12);
    expect(act365.accrued).toBe(Math.round((100_000_000_00 * 0.055) / 12));
  });
});
