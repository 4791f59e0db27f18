import type { Cents } from '../money/cents.ts';
import type { LoanGroupRow, StatementModel } from './statementTypes.ts';

/**
 * The figures of the sections only some structures have (after the filing's own), as one list
 * that the text statement and the portal's sections (page, PDF, workbook) both print: each
 * section's title and its labelled amounts, or for the loan groups a row a figure and a column a
 * group. A deal without a structure has no section for it.
 */

/** A labelled amount of a section. */
export type StructureLine = readonly [label: string, amount: Cents];

export interface StructureSection {
  readonly id: 'supplementalInterestTrust' | 'expenseCap' | 'reserveFund';
  readonly title: string;
  readonly lines: readonly StructureLine[];
}

/** How a loan-group figure prints: an amount (NA when there is none), a count or a rate. */
export type GroupFigure =
  | { readonly label: string; readonly amount: (r: LoanGroupRow) => Cents | null }
  | { readonly label: string; readonly count: (r: LoanGroupRow) => number }
  | {
      readonly label: string;
      readonly rate: (r: LoanGroupRow) => number;
      readonly decimals: number;
    };

/** The loan groups' figures, in the order printed. */
export const LOAN_GROUP_FIGURES: readonly GroupFigure[] = [
  { label: 'Beginning Pool Balance', amount: (r) => r.beginningBalance },
  { label: 'Ending Pool Balance', amount: (r) => r.endingBalance },
  { label: 'Beginning Loan Count', count: (r) => r.beginningLoanCount },
  { label: 'Ending Loan Count', count: (r) => r.endingLoanCount },
  { label: 'Scheduled Principal', amount: (r) => r.scheduledPrincipal },
  { label: 'Curtailments', amount: (r) => r.curtailments },
  { label: 'Payments in Full', amount: (r) => r.paymentsInFull },
  { label: 'Net Liquidation Proceeds', amount: (r) => r.liquidationProceeds },
  { label: 'Realized Losses', amount: (r) => r.realizedLosses },
  { label: 'Prepayment Charges', amount: (r) => r.prepaymentCharges },
  { label: 'Principal Remittance Amount', amount: (r) => r.principalRemittance },
  { label: 'Interest Remittance Amount', amount: (r) => r.interestRemittance },
  { label: 'OC Reduction Amount (share)', amount: (r) => r.overcollateralizationReduction },
  {
    label: 'Senior Principal Distribution Amount',
    amount: (r) => r.seniorPrincipalDistributionAmount,
  },
  { label: 'Beg Wghtd Avge Mortgage Rate', rate: (r) => r.weightedAverageRate, decimals: 3 },
  { label: 'Net WAC Rate', rate: (r) => r.netWacRate, decimals: 5 },
  { label: 'Loans 60+ Days Delinquent (balance)', amount: (r) => r.seriouslyDelinquent },
];

/** The labelled sections of a statement's structures, in the order printed. */
export function structureSections(model: StatementModel): StructureSection[] {
  const sections: StructureSection[] = [];
  const trust = model.supplementalInterestTrust;
  if (trust) {
    sections.push({
      id: 'supplementalInterestTrust',
      title: 'Supplemental Interest Trust',
      lines: [
        ['Swap Notional Amount', trust.swapNotional],
        ['Fixed Payment Owed by the Trust', trust.swapFixed],
        ['Floating Payment Owed to the Trust', trust.swapFloating],
        ['Net Swap Payment Paid', trust.netSwapPaymentPaid],
        ['Net Swap Receipt', trust.netSwapReceipt],
        ['Cap Notional Amount', trust.capNotional],
        ['Cap Payment Received', trust.capReceipt],
        ['Receipts Distributed', trust.receipts],
        // Only on the date a swap is terminated.
        ...(trust.swapTerminationPayment > 0 || trust.swapTerminationReceipt > 0
          ? ([
              ['Swap Termination Payment Owed by the Trust', trust.swapTerminationPayment],
              ['Swap Termination Payment Paid', trust.swapTerminationPaid],
              ['Swap Termination Payment Received', trust.swapTerminationReceipt],
            ] as const)
          : []),
      ],
    });
  }
  const expenses = model.expenseCap;
  if (expenses) {
    sections.push({
      id: 'expenseCap',
      title: 'Extraordinary Trust Fund Expenses',
      lines: [
        ['Incurred this Period', expenses.incurred],
        ['Reimbursed within the Annual Cap', expenses.reimbursedSenior],
        ['Reimbursed this Year within the Cap', expenses.reimbursedThisYear],
        ['Annual Cap Remaining', expenses.capRemaining],
        ['Above the Cap (incl. carried)', expenses.aboveCap],
        ['Reimbursed from Excess Cashflow', expenses.reimbursedFromExcess],
        ['Unreimbursed after Distribution', expenses.unpaidAfter],
      ],
    });
  }
  const reserve = model.reserveFund;
  if (reserve) {
    sections.push({
      id: 'reserveFund',
      title: 'Reserve Fund',
      lines: [
        ['Beginning Balance', reserve.beginningBalance],
        ['Deposits', reserve.deposited],
        ['Withdrawals', reserve.drawn],
        ['Released', reserve.released],
        ['Ending Balance', reserve.endingBalance],
        ['Reserve Fund Target', reserve.target],
      ],
    });
  }
  return sections;
}
