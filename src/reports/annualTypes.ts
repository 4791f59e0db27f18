import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { CertificateRow, StatementModel } from './statementTypes.ts';

/**
 * Exhibit 99.1 of the Form 10-K, the annual summary (the 2002 10-K's "Summary of Aggregate
 * Amounts or End of Year Amounts"): flows are the year's sums of the monthly statements'
 * figures; balances, rates, delinquency and tests are the last distribution's.
 */
export type AnnualSummaryModel = Omit<StatementModel, 'statement' | 'certificates'> & {
  readonly summary: AnnualHeader;
  readonly certificates: {
    readonly rows: readonly AnnualCertificateRow[];
    readonly total: Pick<
      AnnualCertificateRow,
      | 'beginningBalance'
      | 'principal'
      | 'losses'
      | 'endingBalance'
      | 'interest'
      | 'totalDistribution'
    >;
  };
  readonly newReo: { readonly rows: readonly NewReoLoan[] };
  readonly lossSeverity: { readonly rows: readonly LoanLossSeverity[] };
};

export interface AnnualHeader {
  readonly dealId: string;
  readonly trustName: string;
  readonly certificatesTitle: string;
  readonly series: string;
  readonly year: number;
  /** December 31 of the year. */
  readonly periodEnd: PlainDate;
  readonly distributionDates: readonly PlainDate[];
  /** The index rate fixed for the period after the last distribution (the "Next Rate" column). */
  readonly nextIndexRate: number;
}

export interface AnnualCertificateRow extends CertificateRow {
  /** Principal + interest of the year. */
  readonly totalDistribution: Cents;
  /** Next period's coupon: next index + margin (the stepped-up margin after the Optional Termination Date). */
  readonly nextRate: number | null;
}

/** A loan that became REO in the month before the last distribution (servicer's loan-level data). */
export interface NewReoLoan {
  readonly loan: string;
  readonly unpaidPrincipal: Cents;
  readonly statedPrincipal: Cents;
}

/** A loan liquidated in the last month, with its loss severity (servicer's loan-level data). */
export interface LoanLossSeverity {
  readonly loan: string;
  readonly severity: number;
}
