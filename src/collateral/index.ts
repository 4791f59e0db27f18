/**
 * Collateral: the loan tape (schema, streaming import, writer), amortization of fixed and
 * adjustable-rate loans in cents, prepayment charges, stratification, and the built-in
 * synthetic example pool of the 2002-1 deal.
 */
export type { ArmTerms, Loan, Occupancy, PrepaymentChargeTerms, PropertyType } from './loan.ts';
export { readLoanTape } from './readLoanTape.ts';
export { writeLoanTape } from './writeLoanTape.ts';
export { dealTapePath, readDealTape } from './dealTape.ts';
export { TAPE_COLUMNS } from './tapeColumns.ts';
export { levelPayment } from './levelPayment.ts';
export { resetRate } from './armReset.ts';
export {
  cutoffPosition,
  curtail,
  monthlyInterest,
  nextInstallment,
  payoff,
  type Installment,
  type LoanPosition,
} from './amortization.ts';
export { prepaymentCharge, prepaymentChargeExpiry } from './prepaymentCharge.ts';
export { generateExamplePool } from './generateExamplePool.ts';
export { poolTotals, stratify, type PoolTotals, type Stratum } from './stratify.ts';
export { createPrng, hashString, type Prng } from './prng.ts';
