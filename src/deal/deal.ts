import type { Cents } from '../money/cents.ts';
import type { DayCount } from '../money/dayCount.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { DealFile, Step, Trigger } from './schema.ts';

/** A floating-rate certificate class (A, M-1..M-4): coupon = index + margin, capped by Net WAC. */
export interface FloatingClass {
  readonly name: string;
  readonly kind: 'floating';
  readonly cusip: string;
  readonly originalBalance: Cents;
  readonly margin: number;
  readonly stepUpMargin: number;
  readonly dayCount: DayCount;
  readonly netWacCapped: boolean;
  readonly principalTarget: number;
  /** The class's own stepdown test (schema.ts), when the agreement has one. */
  readonly stepdownEnhancement?: number;
}

/** A fixed-rate certificate class (AF-1..AF-6): a fixed coupon, capped by Net WAC. */
export interface FixedClass {
  readonly name: string;
  readonly kind: 'fixed';
  readonly cusip: string;
  readonly originalBalance: Cents;
  readonly coupon: number;
  readonly stepUpCoupon: number;
  readonly dayCount: DayCount;
  readonly netWacCapped: boolean;
  readonly principalTarget: number;
  /** The class's own stepdown test (schema.ts), when the agreement has one. */
  readonly stepdownEnhancement?: number;
}

/**
 * An interest-only class (A-IO): a fixed coupon on a notional balance, no principal. Its
 * `originalBalance` is the notional at closing (the statement's original face), which no total
 * of the certificates counts.
 */
export interface InterestOnlyClass {
  readonly name: string;
  readonly kind: 'interestOnly';
  readonly cusip: string;
  readonly originalBalance: Cents;
  readonly coupon: number;
  readonly dayCount: DayCount;
  readonly netWacCapped: boolean;
  readonly notional:
    | {
        readonly schedule: readonly { readonly fromDistribution: number; readonly amount: Cents }[];
        readonly atMostPool: boolean;
      }
    | { readonly classes: readonly string[] };
}

/** A class that bears interest on its balance and is paid principal: floating or fixed. */
export type InterestBearingClass = FloatingClass | FixedClass;

/** The kinds of class that bear interest on a balance (the seniority lists them). */
export const INTEREST_BEARING_KINDS: readonly string[] = ['floating', 'fixed'];

/** Whether a class bears interest on its balance (floating or fixed). */
export function bearsInterest(c: { readonly kind: string }): c is InterestBearingClass {
  return c.kind === 'floating' || c.kind === 'fixed';
}

/** Whether a class accrues interest each date: on its balance, or (interest-only) a notional. */
export function accruesInterest(
  c: CertificateClass,
): c is InterestBearingClass | InterestOnlyClass {
  return bearsInterest(c) || c.kind === 'interestOnly';
}

/** The overcollateralization class (CE): its "balance" is the OC amount; it takes the excess. */
export interface OvercollateralizationClass {
  readonly name: string;
  readonly kind: 'overcollateralization';
  readonly cusip: string;
  readonly originalBalance: Cents;
}

/** The prepayment-charge class (P): receives prepayment charges; a nominal balance. */
export interface PrepaymentChargeClass {
  readonly name: string;
  readonly kind: 'prepaymentCharges';
  readonly cusip: string;
  readonly originalBalance: Cents;
}

/** The residual (R): whatever is left. */
export interface ResidualClass {
  readonly name: string;
  readonly kind: 'residual';
  readonly cusip: string | undefined;
  readonly originalBalance: Cents;
}

export type CertificateClass =
  | FloatingClass
  | FixedClass
  | InterestOnlyClass
  | OvercollateralizationClass
  | PrepaymentChargeClass
  | ResidualClass;

/** A notional by distribution number: the last entry from or before the distribution applies. */
export type NotionalSchedule = readonly {
  readonly fromDistribution: number;
  readonly amount: Cents;
}[];

/** An interest-rate swap: the trust pays `fixedRate` and receives the index, net. */
export interface SwapAgreement {
  readonly counterparty: string;
  readonly fixedRate: number;
  readonly fixedDayCount: DayCount;
  readonly floatingDayCount: DayCount;
  readonly notional: NotionalSchedule;
  /** An early termination: its date, payment, who owes it and whose event caused it. */
  readonly termination:
    | {
        readonly distribution: number;
        readonly amount: Cents;
        readonly owedBy: 'trust' | 'counterparty';
        readonly causedBy: 'trust' | 'counterparty';
      }
    | undefined;
}

/** An interest-rate cap: it pays the index above `strike` on its notional. */
export interface CapAgreement {
  readonly counterparty: string;
  readonly strike: number;
  readonly dayCount: DayCount;
  readonly notional: NotionalSchedule;
}

/** A fee: its amount for a date is a rate on the pool, a fixed monthly amount, or a one-off. */
export type Fee = {
  readonly name: string;
  readonly payee: string;
  readonly servicerCompensation: boolean;
} & (
  | { readonly kind: 'rate'; readonly rate: number; readonly dayCount: DayCount }
  | { readonly kind: 'monthly'; readonly amount: Cents }
  | { readonly kind: 'once'; readonly distribution: number; readonly amount: Cents }
);

/**
 * A loan group: its own Interest and Principal Remittance Amounts pay its senior classes first,
 * and their Net WAC Rate is the group's.
 */
export interface LoanGroup {
  readonly name: string;
  readonly description: string;
  readonly cutoffBalance: Cents;
  readonly cutoffLoanCount: number;
  readonly seniorClasses: readonly string[];
}

/** A validated deal: the file's terms with money in cents and dates as plain dates. */
export interface Deal {
  readonly id: string;
  readonly file: DealFile;
  readonly name: string;
  readonly cutoffDate: PlainDate;
  readonly closingDate: PlainDate;
  readonly firstDistributionDate: PlainDate;
  readonly distributionDay: number;
  readonly cutoffBalance: Cents;
  readonly cutoffLoanCount: number;
  /** The loan groups, in the order of the file; empty for a pool of one group. */
  readonly groups: readonly LoanGroup[];
  /** Each group's senior classes, by name: the index of their group in `groups`. */
  readonly seniorGroup: ReadonlyMap<string, number>;
  /** Classes in the order of the deal file (the statement's order). */
  readonly classes: readonly CertificateClass[];
  readonly classByName: ReadonlyMap<string, CertificateClass>;
  /** The floating and fixed classes, in the order of seniority. */
  readonly interestBearingClasses: readonly InterestBearingClass[];
  /** The interest-only classes (no principal), in the order of the file. */
  readonly interestOnlyClasses: readonly InterestOnlyClass[];
  readonly overcollateralizationClass: OvercollateralizationClass;
  readonly prepaymentChargeClass: PrepaymentChargeClass | undefined;
  readonly residualClass: ResidualClass | undefined;
  readonly fees: readonly Fee[];
  readonly overcollateralization: {
    readonly initialTarget: Cents;
    readonly stepdownTarget: number;
    readonly floor: Cents;
  };
  readonly stepdown: DealFile['stepdown'] & {
    /** The senior class(es) whose balance makes the senior Credit Enhancement Percentage. */
    readonly seniorClasses: readonly string[];
  };
  readonly triggers: readonly Trigger[];
  /** A Trigger Event: any or all of the triggers breached. */
  readonly triggerEvent: 'any' | 'all';
  readonly netWacFeeRate: number;
  readonly cleanUpCallBalance: Cents;
  readonly lossAllocation: readonly string[];
  readonly interestShortfallClasses: readonly string[];
  readonly waterfall: {
    readonly interest: readonly Step[];
    readonly principal: readonly Step[];
    readonly excess: readonly Step[];
    /** The supplemental interest trust's receipts; empty without swap or cap. */
    readonly supplemental: readonly Step[];
  };
  /** The reserve fund, if the deal has one: its target and its deposit at closing. */
  readonly reserveFund:
    | {
        readonly target: { readonly amount: Cents } | { readonly poolFraction: number };
        readonly initialDeposit: Cents;
      }
    | undefined;
  /** The most extraordinary expenses reimbursed before the certificates in a calendar year. */
  readonly extraordinaryExpenseCap: Cents | undefined;
  /** The supplemental interest trust's swap and cap, if the deal has them. */
  readonly swap: SwapAgreement | undefined;
  readonly cap: CapAgreement | undefined;
  readonly index: DealFile['index'];
}
