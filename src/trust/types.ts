import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';

/*
 * The vocabulary every layer shares: a collection period's totals (what the servicer remits,
 * the waterfall's input) and the trust's state between distribution dates. Kept below the deal,
 * servicing and the waterfall so that each of them can name them (the layer rule in
 * eslint.config.js).
 */

/** A delinquency bucket as the statement prints it: count, unpaid and stated principal. */
export interface DelinquencyBucket {
  readonly count: number;
  readonly unpaidPrincipal: Cents;
  readonly statedPrincipal: Cents;
}

/** The delinquency table (MBA/OTS buckets), REO and bankruptcy, at the period's end. */
export interface Delinquency {
  readonly days30to59: DelinquencyBucket;
  readonly days60to89: DelinquencyBucket;
  readonly days90plus: DelinquencyBucket;
  readonly foreclosure: DelinquencyBucket;
  readonly bankruptcy: DelinquencyBucket;
  /** Loans in bankruptcy that are also 60+ days delinquent (counted in the trigger). */
  readonly bankruptcy60plus: DelinquencyBucket;
  readonly reo: DelinquencyBucket;
  /** Book value of REO properties. */
  readonly reoBookValue: Cents;
}

/**
 * One collection period's totals, as the servicer's remittance gives them: the waterfall's
 * input. Balances are stated principal. `endingPoolBalance` must equal the beginning balance less
 * every principal item and realized losses (checked by `reconcilePeriod`).
 */
export interface CollectionPeriod {
  readonly distributionDate: PlainDate;
  readonly beginningPoolBalance: Cents;
  readonly endingPoolBalance: Cents;
  readonly beginningLoanCount: number;
  readonly endingLoanCount: number;
  /** Scheduled principal collected or advanced. */
  readonly scheduledPrincipal: Cents;
  /** Partial prepayments. */
  readonly curtailments: Cents;
  /** Prepayments in full (payoffs). */
  readonly paymentsInFull: Cents;
  /** Net liquidation proceeds applied to principal. */
  readonly liquidationProceeds: Cents;
  /** Principal of loans repurchased or substituted, and the clean-up call's purchase. */
  readonly repurchasePrincipal: Cents;
  /** Principal lost on liquidated loans (balance less net liquidation proceeds). */
  readonly realizedLosses: Cents;
  /** Of which bankruptcy losses (deficient valuations, debt service reductions). */
  readonly bankruptcyLosses: Cents;
  /** Interest collected and advanced, gross of fees, net of shortfalls below. */
  readonly interestCollected: Cents;
  /** Compensating interest the servicer paid to cover prepayment interest shortfall. */
  readonly compensatingInterest: Cents;
  /** Prepayment interest shortfall for the period (before compensating interest). */
  readonly prepaymentInterestShortfall: Cents;
  /** Interest not collectible under the Servicemembers Civil Relief Act. */
  readonly reliefActShortfall: Cents;
  /** Prepayment charges collected: paid to class P, outside the waterfall. */
  readonly prepaymentCharges: Cents;
  /** P&I advances made for the period. */
  readonly advances: Cents;
  /** Principal amortization on REO properties. */
  readonly reoPrincipalAmortization: Cents;
  /** Extraordinary trust fund expenses that reduce available funds. */
  readonly extraordinaryExpenses: Cents;
  /** Weighted average mortgage rate at the period's start (decimal). */
  readonly weightedAverageRate: number;
  /** Weighted average remaining term to maturity (months) at the period's end. */
  readonly weightedAverageRemainingTerm: number;
  readonly delinquency: Delinquency;
  /** The clean-up call is exercised this period: the purchase price is in repurchasePrincipal. */
  readonly cleanUpCall?: boolean;
  /** Where the totals came from, e.g. "seed statement, derived" or a remittance file. */
  readonly source: string;
  /**
   * A deal with loan groups: each group's figures, by group name. The period's own figures are
   * their sums (checked by `reconcilePeriod`).
   */
  readonly groups?: Readonly<Record<string, GroupCollections>>;
}

/** One loan group's part of a collection period: the same figures, for its loans. */
export type GroupCollections = Omit<
  CollectionPeriod,
  'distributionDate' | 'source' | 'cleanUpCall' | 'groups'
>;

/** One class's position between distributions. */
export interface ClassState {
  readonly balance: Cents;
  /** Interest Carry Forward Amount: interest due but not paid, carried with interest. */
  readonly unpaidInterest: Cents;
  /** Net WAC Rate Carryover Amount unpaid. */
  readonly netWacCarryover: Cents;
  /** Applied Realized Loss Amounts written down and not yet reimbursed. */
  readonly unpaidRealizedLoss: Cents;
}

/** The trust's state after a distribution (or at closing, before the first). */
export interface DealState {
  readonly dealId: string;
  /** 0 at closing; n after the n-th distribution. */
  readonly distributionNumber: number;
  /** The last distribution date (the closing date at closing): next accrual starts here. */
  readonly lastDate: PlainDate;
  readonly poolBalance: Cents;
  readonly loanCount: number;
  readonly classes: Readonly<Record<string, ClassState>>;
  /** Required Overcollateralized Amount of the last distribution. */
  readonly requiredOvercollateralization: Cents;
  readonly stepdownOccurred: boolean;
  readonly cumulativeRealizedLosses: Cents;
  /** True once the clean-up call has been exercised: the trust is terminated. */
  readonly terminated: boolean;
  /**
   * The Delinquency Percentages of the last two dates, the latest last: kept only for a deal
   * whose delinquency trigger takes a rolling three-month average.
   */
  readonly delinquencyHistory?: readonly number[];
  /** The deal's triggers (by index) that were breached and do not cure: kept only for those. */
  readonly breachedTriggers?: readonly number[];
  /** The reserve fund's balance: kept only for a deal that has one. */
  readonly reserveFundBalance?: Cents;
  /**
   * A deal with an annual cap on extraordinary expenses: the calendar year of the last date,
   * what the cap let through that year, and what is above it and not yet reimbursed.
   */
  readonly extraordinaryExpenses?: {
    readonly year: number;
    readonly reimbursed: Cents;
    readonly unpaid: Cents;
  };
  /** Each loan group's pool balance, by group name: kept only for a deal with groups. */
  readonly groupPoolBalances?: Readonly<Record<string, Cents>>;
}

const NO_LOANS: DelinquencyBucket = {
  count: 0,
  unpaidPrincipal: 0 as Cents,
  statedPrincipal: 0 as Cents,
};

/** A delinquency table with no loan in any bucket. */
export const NO_DELINQUENCY: Delinquency = {
  days30to59: NO_LOANS,
  days60to89: NO_LOANS,
  days90plus: NO_LOANS,
  foreclosure: NO_LOANS,
  bankruptcy: NO_LOANS,
  bankruptcy60plus: NO_LOANS,
  reo: NO_LOANS,
  reoBookValue: 0 as Cents,
};

/** A collection period's amounts (integer cents, never negative), outside the delinquency table. */
export const PERIOD_AMOUNTS = [
  'beginningPoolBalance',
  'endingPoolBalance',
  'scheduledPrincipal',
  'curtailments',
  'paymentsInFull',
  'liquidationProceeds',
  'repurchasePrincipal',
  'realizedLosses',
  'bankruptcyLosses',
  'interestCollected',
  'compensatingInterest',
  'prepaymentInterestShortfall',
  'reliefActShortfall',
  'prepaymentCharges',
  'advances',
  'reoPrincipalAmortization',
  'extraordinaryExpenses',
] as const satisfies readonly (keyof CollectionPeriod)[];
