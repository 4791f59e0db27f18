import type { Distribution } from '../waterfall/types.ts';
import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';

/**
 * The Statement to Certificateholders as one plain data model: every figure of the monthly
 * statement (the April 2002 8-K's sections from "STATEMENT TO CERTIFICATEHOLDERS" to the Net WAC
 * Rate Carryover table). Amounts are integer cents; ratios are decimals (rates and percentages
 * unrounded, per-$1,000 figures and factors rounded to the printed decimals). Every section is an
 * object whose rows are keyed by `class` or `bucket`, so the CSV and JSON renderings walk it.
 */
export interface StatementModel {
  readonly statement: StatementHeader;
  readonly certificates: {
    readonly rows: readonly CertificateRow[];
    readonly total: CertificateTotal;
  };
  readonly amountsPer1000: { readonly rows: readonly Per1000Row[] };
  readonly servicer: { readonly compensation: Cents; readonly advances: Cents };
  readonly balances: BalancesAsOf;
  readonly loans: LoanCharacteristics;
  readonly delinquency: { readonly rows: readonly DelinquencyRow[]; readonly reoBookValue: Cents };
  readonly prepayments: Prepayments;
  readonly realizedLosses: RealizedLosses;
  readonly certificateFactors: { readonly rows: readonly FactorRow[] };
  readonly interestDistribution: {
    readonly rows: readonly InterestDistributionRow[];
    readonly total: { readonly interestDistribution: Cents; readonly carryForward: Cents };
  };
  readonly interestReductions: {
    readonly rows: readonly ReductionRow[];
    /** The filings' TOTAL row adds the offered classes (A, M): the 2002 10-K prints CE 126,976 and TOTAL 0. */
    readonly total: Omit<ReductionRow, 'class'>;
  };
  readonly performance: Performance;
  readonly netWacCarryover: {
    readonly rows: readonly NetWacCarryoverRow[];
    readonly total: Omit<NetWacCarryoverRow, 'class'>;
  };
  /** The swap and cap of a deal that has them: legs, Net Swap Payment, receipts. */
  readonly supplementalInterestTrust?: NonNullable<Distribution['supplementalInterestTrust']>;
  /** The reserve fund of a deal that has one. */
  readonly reserveFund?: NonNullable<Distribution['reserveFund']>;
  /** The extraordinary expenses under the annual cap, of a deal with one. */
  readonly expenseCap?: NonNullable<Distribution['extraordinaryExpenses']>;
  /** Each loan group's pool figures, of a deal with groups. */
  readonly loanGroups?: {
    readonly rows: readonly LoanGroupRow[];
    /** The subordinate classes' Net WAC Rate: the groups' net rates weighted. */
    readonly subordinateNetWacRate: number;
  };
}

/** One loan group's line of the statement's group section. */
export interface LoanGroupRow {
  readonly group: string;
  readonly beginningBalance: Cents;
  readonly endingBalance: Cents;
  readonly beginningLoanCount: number;
  readonly endingLoanCount: number;
  readonly scheduledPrincipal: Cents;
  readonly curtailments: Cents;
  readonly paymentsInFull: Cents;
  readonly liquidationProceeds: Cents;
  readonly realizedLosses: Cents;
  readonly prepaymentCharges: Cents;
  readonly principalRemittance: Cents;
  readonly interestRemittance: Cents;
  readonly overcollateralizationReduction: Cents;
  /** After the Stepdown Date: the group's part of the Senior Principal Distribution Amount. */
  readonly seniorPrincipalDistributionAmount: Cents | null;
  readonly weightedAverageRate: number;
  readonly netWacRate: number;
  /** Loans 60 or more days delinquent (incl. foreclosure, REO, bankruptcy 60+): balance. */
  readonly seriouslyDelinquent: Cents;
}

export interface StatementHeader {
  readonly dealId: string;
  /** "New Century Home Equity Loan Trust" */
  readonly trustName: string;
  /** "Asset Backed Pass-Through Certificates" */
  readonly certificatesTitle: string;
  /** "2002-1" */
  readonly series: string;
  readonly distributionNumber: number;
  readonly distributionDate: PlainDate;
  readonly accrualStart: PlainDate;
  readonly accrualEnd: PlainDate;
  readonly accrualDays: number;
  readonly indexRate: number;
  readonly indexDeterminationDate: PlainDate;
  /** The stored version of the date, e.g. "Version 2 (corrected 2026-11-26 by bob: ...)". */
  readonly version?: string;
}

/** One class in the statement's first tables (balances, principal, losses, CUSIP, interest, rate). */
export interface CertificateRow {
  readonly class: string;
  readonly kind:
    | 'floating'
    | 'fixed'
    | 'interestOnly'
    | 'overcollateralization'
    | 'prepaymentCharges'
    | 'residual';
  readonly cusip: string | null;
  readonly originalBalance: Cents;
  readonly beginningBalance: Cents;
  readonly principal: Cents;
  /**
   * Losses written off the class's balance. For CE: the realized losses the excess cashflow did
   * not make up (the 2002 10-K prints 0 for CE, whose 126,976 of losses were made up).
   */
  readonly losses: Cents;
  readonly endingBalance: Cents;
  /** Interest paid; CE's share of the excess cashflow; P's prepayment charges. */
  readonly interest: Cents;
  /** Pass-through rate (decimal); for CE interest x 12 / beginning pool; null where printed NA. */
  readonly passThroughRate: number | null;
}

export type CertificateTotal = Pick<
  CertificateRow,
  'beginningBalance' | 'principal' | 'losses' | 'endingBalance' | 'interest'
>;

/** Amounts per $1,000 of original balance, rounded to the printed decimals. */
export interface Per1000Row {
  readonly class: string;
  readonly principal: number;
  readonly interest: number;
  readonly total: number;
  readonly losses: number;
  readonly endingBalance: number;
}

export interface BalancesAsOf {
  readonly asOf: PlainDate;
  readonly statedPrincipalExcludingReo: Cents;
  readonly reoStatedPrincipal: Cents;
}

export interface LoanCharacteristics {
  readonly beginningCount: number;
  readonly endingCount: number;
  readonly beginningBalance: Cents;
  readonly endingBalance: Cents;
  readonly remainingTermMonths: number;
  readonly weightedAverageRate: number;
}

export type DelinquencyBucketName =
  'days30to59' | 'days60to89' | 'days90plus' | 'foreclosure' | 'bankruptcy' | 'bankruptcy60plus';

export interface DelinquencyRow {
  readonly bucket: DelinquencyBucketName;
  readonly count: number;
  readonly unpaidPrincipal: Cents;
  readonly statedPrincipal: Cents;
}

export interface Prepayments {
  readonly curtailments: Cents;
  readonly paymentsInFull: Cents;
  readonly liquidationProceeds: Cents;
  readonly total: Cents;
  readonly prepaymentCharges: Cents;
  readonly reoPrincipalAmortization: Cents;
}

export interface RealizedLosses {
  readonly total: Cents;
  readonly bankruptcy: Cents;
  readonly cumulative: Cents;
  readonly extraordinaryExpenses: Cents;
}

export interface FactorRow {
  readonly class: string;
  readonly factor: number;
}

export interface InterestDistributionRow {
  readonly class: string;
  readonly interestDistribution: Cents;
  /** Interest Carry Forward Amount after the distribution; null for CE (printed NA). */
  readonly carryForward: Cents | null;
}

export interface ReductionRow {
  readonly class: string;
  readonly realizedLosses: Cents;
  readonly prepaymentInterestShortfall: Cents;
  readonly reliefActShortfall: Cents;
}

export interface Performance {
  readonly ppisNotCovered: Cents;
  readonly reliefActShortfall: Cents;
  readonly requiredOvercollateralization: Cents;
  readonly creditEnhancementPercentage: number;
  readonly overcollateralizationIncrease: Cents;
  readonly overcollateralizationReduction: Cents;
  readonly aggregateLossSeverity: number;
  readonly netMonthlyExcessCashflow: Cents;
  readonly delinquencyPercentage: number;
  readonly stepdownOccurred: boolean;
  readonly triggerEventOccurred: boolean;
}

export interface NetWacCarryoverRow {
  readonly class: string;
  readonly current: Cents;
  readonly unpaidAfter: Cents;
}
