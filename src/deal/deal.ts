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
  FloatingClass | OvercollateralizationClass | PrepaymentChargeClass | ResidualClass;

export interface Fee {
  readonly name: string;
  readonly payee: string;
  readonly rate: number;
  readonly dayCount: DayCount;
  readonly servicerCompensation: boolean;
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
  /** Classes in the order of the deal file (the statement's order). */
  readonly classes: readonly CertificateClass[];
  readonly classByName: ReadonlyMap<string, CertificateClass>;
  readonly floatingClasses: readonly FloatingClass[];
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
  readonly netWacFeeRate: number;
  readonly cleanUpCallBalance: Cents;
  readonly lossAllocation: readonly string[];
  readonly interestShortfallClasses: readonly string[];
  readonly waterfall: {
    readonly interest: readonly Step[];
    readonly principal: readonly Step[];
    readonly excess: readonly Step[];
  };
  readonly index: DealFile['index'];
}
