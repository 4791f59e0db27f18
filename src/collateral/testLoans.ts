import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import type { Loan } from './loan.ts';

/** A 30-year 8% fixed loan of $100,000, first payment 2002-03-01 (for tests). */
export const fixedLoan: Loan = {
  id: 'F1',
  originalBalance: cents(10_000_000),
  currentBalance: cents(10_000_000),
  noteRate: 0.08,
  scheduledPayment: cents(73_376),
  rateType: 'fixed',
  arm: undefined,
  originalTerm: 360,
  remainingTerm: 360,
  amortization: 'full',
  amortizationTerm: 360,
  firstPaymentDate: plainDate('2002-03-01'),
  nextDueDate: plainDate('2002-03-01'),
  maturityDate: plainDate('2032-02-01'),
  lien: 1,
  occupancy: 'owner',
  propertyType: 'sfr',
  state: 'CA',
  fico: 620,
  ltv: 0.8,
  prepaymentCharge: { termMonths: 24, kind: 'six-months-interest', rate: 0 },
};

/** A 2/28 ARM of $200,000 at 8.50%, 6-month LIBOR + 6.25%, caps 1.5/1.5, life 8.50-15.50%. */
export const armLoan: Loan = {
  ...fixedLoan,
  id: 'A1',
  originalBalance: cents(20_000_000),
  currentBalance: cents(20_000_000),
  noteRate: 0.085,
  scheduledPayment: cents(153_783),
  rateType: 'arm',
  arm: {
    index: '6M-LIBOR',
    margin: 0.0625,
    firstCap: 0.015,
    periodicCap: 0.015,
    lifeCap: 0.155,
    lifeFloor: 0.085,
    firstResetDate: plainDate('2004-03-01'),
    nextResetDate: plainDate('2004-03-01'),
    resetFrequency: 6,
    rounding: 0.00125,
  },
};
