import type { Cents } from '../money/cents.ts';
import type { CollectionPeriod, GroupCollections } from '../trust/types.ts';
import type { ClassStepdownTest } from './classStepdownTests.ts';
import type { ExpenseFigures } from './extraordinaryExpenses.ts';
import type { SupplementalAmounts } from './netSwapPayment.ts';
import type { PlainDate } from '../money/plainDate.ts';

// The shared period and state types live in trust/ (the layer rule); named here too for the
// waterfall's callers.
export type {
  ClassState,
  CollectionPeriod,
  DealState,
  Delinquency,
  DelinquencyBucket,
  GroupCollections,
} from '../trust/types.ts';

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
    | 'available'
    | 'interest'
    | 'principal'
    | 'excess'
    | 'supplemental'
    | 'losses'
    | 'tests'
    | 'prepaymentCharges';
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
  /** The classes' own stepdown tests of the date (deals whose classes have them). */
  readonly classStepdownTests?: readonly ClassStepdownTest[];
  readonly optionalTerminationDate: boolean;
  readonly cleanUpCallExercised: boolean;
  readonly cumulativeRealizedLosses: Cents;
  /** Realized loss / (loss + liquidation proceeds) of the period. */
  readonly lossSeverity: number;
  readonly netPrepaymentInterestShortfall: Cents;
  /**
   * The supplemental interest trust's swap and cap (deals that have them): the legs, the Net
   * Swap Payment paid, and the receipts and what the supplemental priority paid of them.
   */
  readonly supplementalInterestTrust?: SupplementalInterestTrustFigures;
  /** The extraordinary expenses under the deal's annual cap (deals with one). */
  readonly extraordinaryExpenses?: ExpenseFigures;
  /** Each loan group's figures, in the deal's order (deals with groups). */
  readonly loanGroups?: readonly LoanGroupFigures[];
  /** Deals with groups: the subordinate classes' Net WAC Rate (the groups' weighted). */
  readonly subordinateNetWacRate?: number;
  /** The reserve fund's date (deals that have one). */
  readonly reserveFund?: {
    readonly beginningBalance: Cents;
    readonly target: Cents;
    readonly deposited: Cents;
    readonly drawn: Cents;
    readonly released: Cents;
    readonly endingBalance: Cents;
  };
  readonly trace: readonly TraceEntry[];
}

/** A date's swap and cap figures (`Distribution.supplementalInterestTrust`). */
export interface SupplementalInterestTrustFigures extends SupplementalAmounts {
  /** Of the Net Swap Payment, what the priorities of payment paid the counterparty. */
  readonly netSwapPaymentPaid: Cents;
  /** Of the swap termination payment the trust owed, what was paid. */
  readonly swapTerminationPaid: Cents;
  /** Net Swap Receipt + cap payment: the supplemental priority's fund. */
  readonly receipts: Cents;
}

/** A loan group's figures of a date (`Distribution.loanGroups`). */
export interface LoanGroupFigures {
  readonly name: string;
  /** The group's part of the collection period. */
  readonly collections: GroupCollections;
  /** The group's Net WAC Rate: its loans' net rate on the accrual basis of the classes. */
  readonly netWacRate: number;
  readonly interestRemittanceAmount: Cents;
  readonly principalRemittanceAmount: Cents;
  /** Its share of the Overcollateralization Reduction Amount. */
  readonly overcollateralizationReduction: Cents;
  /** Its part of the Senior Principal Distribution Amount (after the Stepdown Date). */
  readonly seniorPrincipalDistributionAmount: Cents | undefined;
}
