import { describe, expect, it } from 'vitest';
import { cents, ZERO } from '../money/cents.ts';
import { aprilPeriod, aprilState, deal } from '../../test/support/april.ts';
import { interestRemittanceAmount } from './interestRemittanceAmount.ts';
import { newLedger } from './ledger.ts';
import { netMonthlyExcessCashflow } from './netMonthlyExcessCashflow.ts';
import { overcollateralizationAmounts } from './overcollateralizationAmounts.ts';
import { stepdownDate, stepdownReason } from './stepdownDate.ts';

/** The defined terms one at a time, each with the figures its doc comment gives. */
const ledgerAt = (endingPool: number) =>
  newLedger(
    deal,
    aprilState,
    new Map(),
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
