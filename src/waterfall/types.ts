import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';

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
}

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
}

/** Everything the waterfall pays or decides for one class. */
export interface ClassDistribution {
  readonly name: string;
  readonly beginningBalance: Cents;
  /** Pass-through rate applied (after the Net WAC cap), and the uncapped coupon. */
  readonly passThroughRate: number;
  readonly couponRate: number;
  /** Monthly interest accrued at the pass-through rate, before shortfalls. */
  readonly accruedInterest: Cents;
  /** Net PPIS and Relief Act shortfalls allocated to the class. */
  readonly prepaymentInterestShortfall: Cents;
  readonly reliefActShortfall: Cents;
  /** Interest paid this date (current + carry forward). For CE, its share of excess; for P, charges. */
  readonly interestPaid: Cents;
  readonly principalPaid: Cents;
  /** Applied Realized Loss Amount written down this date. */
  readonly realizedLoss: Cents;
  readonly realizedLossReimbursed: Cents;
  readonly netWacCarryoverPaid: Cents;
  readonly endingBalance: Cents;
  /** Carry-forwards after the distribution. */
  readonly unpaidInterest: Cents;
  readonly netWacCarryover: Cents;
  /** Net WAC Rate Carryover arising this period. */
  readonly netWacCarryoverCurrent: Cents;
  readonly unpaidRealizedLoss: Cents;
}

/** What a trace entry records: a payment, or a test or amount the agreement defines. */
export interface TraceEntry {
  readonly phase:
    'available' | 'interest' | 'principal' | 'excess' | 'losses' | 'tests' | 'prepaymentCharges';
  readonly step: string;
  /** The fund paid from, e.g. "Interest Remittance Amount". */
  readonly from?: string;
  /** Class or fee payee. */
  readonly to?: string;
  readonly amount?: Cents;
  /** Why: the rule and the figures it used. */
  readonly reason: string;
  readonly inputs?: Readonly<Record<string, number | string | boolean>>;
}

export interface TriggerTest {
  readonly kind: string;
  readonly value: number;
  readonly threshold: number;
  readonly breached: boolean;
  readonly description: string;
}

/** The result of one distribution date: every figure the statement prints, and the trace. */
export interface Distribution {
  readonly dealId: string;
  readonly distributionNumber: number;
  readonly distributionDate: PlainDate;
  readonly accrualStart: PlainDate;
  readonly accrualEnd: PlainDate;
  readonly accrualDays: number;
  readonly indexRate: number;
  readonly indexDeterminationDate: PlainDate;
  /** Index rate for the next period, when known (the 10-K's "Next Rate"). */
  readonly period: CollectionPeriod;
  readonly classes: readonly ClassDistribution[];
  readonly fees: readonly {
    readonly name: string;
    readonly payee: string;
    readonly amount: Cents;
    readonly servicerCompensation: boolean;
  }[];
  readonly interestRemittanceAmount: Cents;
  readonly principalRemittanceAmount: Cents;
  readonly principalDistributionAmount: Cents;
  readonly netWacRate: number;
  readonly overcollateralization: {
    readonly required: Cents;
    /** OC after the distribution: pool less certificates. */
    readonly amount: Cents;
    readonly deficiency: Cents;
    readonly increase: Cents;
    readonly reduction: Cents;
    readonly floor: Cents;
  };
  /** Net Monthly Excess Cashflow, before it is applied. */
  readonly netMonthlyExcessCashflow: Cents;
  readonly creditEnhancementPercentage: number;
  /** The senior enhancement test for the Stepdown Date, with its inputs. */
  readonly seniorEnhancementPercentage: number;
  readonly delinquencyPercentage: number;
  readonly stepdownDate: boolean;
  readonly triggerEvent: boolean;
  readonly triggerTests: readonly TriggerTest[];
  readonly optionalTerminationDate: boolean;
  readonly cleanUpCallExercised: boolean;
  readonly cumulativeRealizedLosses: Cents;
  /** Realized loss / (loss + liquidation proceeds) of the period. */
  readonly lossSeverity: number;
  readonly netPrepaymentInterestShortfall: Cents;
  readonly trace: readonly TraceEntry[];
}
