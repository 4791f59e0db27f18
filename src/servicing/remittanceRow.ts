import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';

/** Delinquency status: installments past due, as buckets (90 = 90 days or more). */
export type DelinquencyStatus = 'current' | '30' | '60' | '90';

/**
 * One loan's line of the servicer's monthly remittance report (docs/formats-remittance.md).
 * Amounts in cents. "Trust" amounts are what the servicer owes the trust for the period;
 * "actual" amounts are what the borrower paid.
 */
export interface RemittanceRow {
  /** 1-based row in the file (header = row 1), for errors. */
  readonly row: number;
  readonly distributionDate: PlainDate;
  readonly loanId: string;
  /** Stated principal at the start of the collection period. */
  readonly beginningBalance: Cents;
  /** Note rate for the period's interest (decimal). */
  readonly noteRate: number;
  /** The installment due on the period's due date (0 when the loan left before it). */
  readonly scheduledPayment: Cents;
  readonly scheduledPrincipal: Cents;
  /** One month's interest on the beginning balance at the note rate, 30/360 (always). */
  readonly scheduledInterest: Cents;
  readonly actualPrincipal: Cents;
  readonly actualInterest: Cents;
  readonly curtailment: Cents;
  readonly payoff: Cents;
  readonly payoffDate: PlainDate | undefined;
  readonly repurchase: Cents;
  readonly prepaymentCharge: Cents;
  readonly liquidationProceeds: Cents;
  /** Liquidation expenses and the servicer's advances reimbursed from the proceeds. */
  readonly liquidationExpenses: Cents;
  readonly realizedLoss: Cents;
  readonly reliefActShortfall: Cents;
  readonly piAdvance: Cents;
  /** Earlier advances the servicer recovered from the borrower's payments of arrears. */
  readonly advanceReimbursement: Cents;
  readonly servicingFee: Cents;
  /** Cash for the loan, net of the servicing fee (may be negative). */
  readonly remitted: Cents;
  readonly endingBalance: Cents;
  readonly unpaidPrincipalBalance: Cents;
  /** Installments left to maturity after the period. */
  readonly remainingTerm: number;
  /** Due date of the oldest installment the borrower has not paid (blank once the loan left). */
  readonly nextDueDate: PlainDate | undefined;
  readonly delinquencyMba: DelinquencyStatus | undefined;
  readonly delinquencyOts: DelinquencyStatus | undefined;
  readonly foreclosure: boolean;
  readonly bankruptcy: boolean;
  readonly reo: boolean;
  readonly reoBookValue: Cents;
  /** The loan's group, in a deal with loan groups (the optional `group` column). */
  readonly group?: string;
}

/** Columns a report may have: `group`, each loan's group in a deal with loan groups. */
export const REMITTANCE_OPTIONAL_COLUMNS = ['group'] as const;

/** The file's columns in order; the last row of a file is the TOTAL row. */
export const REMITTANCE_COLUMNS = [
  'distribution_date',
  'loan_id',
  'beginning_balance',
  'note_rate',
  'scheduled_payment',
  'scheduled_principal',
  'scheduled_interest',
  'actual_principal',
  'actual_interest',
  'curtailment',
  'payoff',
  'payoff_date',
  'repurchase',
  'prepayment_charge',
  'liquidation_proceeds',
  'liquidation_expenses',
  'realized_loss',
  'relief_act_shortfall',
  'pi_advance',
  'advance_reimbursement',
  'servicing_fee',
  'remitted',
  'ending_balance',
  'unpaid_principal_balance',
  'remaining_term',
  'next_due_date',
  'delinquency_mba',
  'delinquency_ots',
  'foreclosure',
  'bankruptcy',
  'reo',
  'reo_book_value',
] as const;

export type RemittanceColumn = (typeof REMITTANCE_COLUMNS)[number];

/** The amount columns, each summed on the TOTAL row (column name -> row field). */
export const AMOUNT_COLUMNS = {
  beginning_balance: 'beginningBalance',
  scheduled_payment: 'scheduledPayment',
  scheduled_principal: 'scheduledPrincipal',
  scheduled_interest: 'scheduledInterest',
  actual_principal: 'actualPrincipal',
  actual_interest: 'actualInterest',
  curtailment: 'curtailment',
  payoff: 'payoff',
  repurchase: 'repurchase',
  prepayment_charge: 'prepaymentCharge',
  liquidation_proceeds: 'liquidationProceeds',
  liquidation_expenses: 'liquidationExpenses',
  realized_loss: 'realizedLoss',
  relief_act_shortfall: 'reliefActShortfall',
  pi_advance: 'piAdvance',
  advance_reimbursement: 'advanceReimbursement',
  servicing_fee: 'servicingFee',
  remitted: 'remitted',
  ending_balance: 'endingBalance',
  unpaid_principal_balance: 'unpaidPrincipalBalance',
  reo_book_value: 'reoBookValue',
} as const satisfies Partial<Record<RemittanceColumn, keyof RemittanceRow>>;

export type AmountColumn = keyof typeof AMOUNT_COLUMNS;
export type AmountField = (typeof AMOUNT_COLUMNS)[AmountColumn];

/** The TOTAL row: the file's own sum of each amount column. */
export type RemittanceTotals = { readonly row: number } & Readonly<Record<AmountField, Cents>>;

/** A remittance report read from a file: its loans and its TOTAL row. */
export interface RemittanceFile {
  readonly file: string;
  readonly distributionDate: PlainDate;
  readonly rows: readonly RemittanceRow[];
  readonly totals: RemittanceTotals;
}
