import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';

/**
 * Adjustable-rate terms of a loan. At each reset the new rate is index + margin, rounded to
 * the nearest `rounding`, moved at most `firstCap` (first reset) or `periodicCap` (later ones)
 * from the rate before, and kept between `lifeFloor` and `lifeCap`. Rates are decimals.
 */
export interface ArmTerms {
  /** The index the rate follows, e.g. "6M-LIBOR". */
  readonly index: string;
  readonly margin: number;
  /** Most the rate may move at the first reset (New Century 2002: 0.015). */
  readonly firstCap: number;
  /** Most the rate may move at each later reset. */
  readonly periodicCap: number;
  /** Maximum rate over the loan's life (absolute, e.g. initial rate + 7%). */
  readonly lifeCap: number;
  /** Minimum rate over the loan's life (absolute, usually the initial rate). */
  readonly lifeFloor: number;
  /** Due date of the first installment at the first reset rate. */
  readonly firstResetDate: PlainDate;
  /** Due date of the first installment at the next reset rate (= firstResetDate before it). */
  readonly nextResetDate: PlainDate;
  /** Months between resets after the first (6 for a 2/28 on 6-month LIBOR). */
  readonly resetFrequency: number;
  /** Index + margin is rounded to the nearest multiple of this (0.00125 = 1/8%). */
  readonly rounding: number;
}

/** A prepayment charge the borrower owes on a prepayment before `expires`. */
export interface PrepaymentChargeTerms {
  /** Months from origination (the month before the first payment) the charge applies. */
  readonly termMonths: number;
  /**
   * `six-months-interest`: six months' interest at the note rate on the amount prepaid above
   * 20% of the original balance (the usual form); `percent`: `rate` x the amount prepaid.
   */
  readonly kind: 'six-months-interest' | 'percent';
  /** For `percent`: the fraction of the amount prepaid (0.01 = 1%). */
  readonly rate: number;
}

export type Occupancy = 'owner' | 'second-home' | 'investor';
export type PropertyType = 'sfr' | 'pud' | 'condo' | 'townhouse' | '2-4-family';

/**
 * One mortgage loan of a pool at the cut-off date (one row of the loan tape,
 * docs/formats-tape.md). Money in cents; rates, caps and LTV as decimals.
 */
export interface Loan {
  readonly id: string;
  /** The loan group of a deal with groups (the tape's `group` column), e.g. "I". */
  readonly group?: string;
  readonly originalBalance: Cents;
  /** Stated principal balance at the cut-off date. */
  readonly currentBalance: Cents;
  /** Note rate in effect at the cut-off date. */
  readonly noteRate: number;
  /** Scheduled monthly principal and interest at the cut-off date. */
  readonly scheduledPayment: Cents;
  readonly rateType: 'fixed' | 'arm';
  /** Present exactly when rateType is 'arm'. */
  readonly arm: ArmTerms | undefined;
  readonly originalTerm: number;
  /** Installments left to maturity, counting the one due on nextDueDate. */
  readonly remainingTerm: number;
  /** `full`: amortizes over the term; `balloon`: over amortizationTerm, rest due at maturity. */
  readonly amortization: 'full' | 'balloon';
  readonly amortizationTerm: number;
  readonly firstPaymentDate: PlainDate;
  /** Due date of the next unpaid installment at the cut-off date. */
  readonly nextDueDate: PlainDate;
  readonly maturityDate: PlainDate;
  readonly lien: 1 | 2;
  readonly occupancy: Occupancy;
  readonly propertyType: PropertyType;
  /** Two-letter US state of the property. */
  readonly state: string;
  readonly fico: number;
  /** Original loan-to-value ratio, decimal (0.8 = 80%). */
  readonly ltv: number;
  /** Undefined when the loan carries no prepayment charge. */
  readonly prepaymentCharge: PrepaymentChargeTerms | undefined;
}
