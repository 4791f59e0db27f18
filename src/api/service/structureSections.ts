import type { LoanGroupRow, StatementModel } from '../../reports/statementTypes.ts';
import {
  lines,
  money,
  number,
  pct,
  text,
  type Cell,
  type StatementSection,
} from './statementCells.ts';

/**
 * The sections only some structures have, after the filing's own (as the text statement prints
 * them): each loan group's pool figures, the supplemental interest trust's swap and cap, the
 * extraordinary expenses under an annual cap, and the reserve fund. A deal without them has none.
 */
export function structureSections(model: StatementModel): StatementSection[] {
  const sections: StatementSection[] = [];
  const groups = model.loanGroups;
  if (groups) {
    const row = (label: string, cell: (r: LoanGroupRow) => Cell): Cell[] => [
      text(label),
      ...groups.rows.map(cell),
    ];
    const amount = (pick: (r: LoanGroupRow) => number | null) => (r: LoanGroupRow) => {
      const value = pick(r);
      return value === null ? text('NA') : money(value as never);
    };
    sections.push({
      id: 'loanGroups',
      title: 'Loan Groups',
      columns: ['', ...groups.rows.map((r) => `Group ${r.group}`)],
      rows: [
        row(
          'Beginning Pool Balance',
          amount((r) => r.beginningBalance),
        ),
        row(
          'Ending Pool Balance',
          amount((r) => r.endingBalance),
        ),
        row('Beginning Loan Count', (r) => number(r.beginningLoanCount)),
        row('Ending Loan Count', (r) => number(r.endingLoanCount)),
        row(
          'Scheduled Principal',
          amount((r) => r.scheduledPrincipal),
        ),
        row(
          'Curtailments',
          amount((r) => r.curtailments),
        ),
        row(
          'Payments in Full',
          amount((r) => r.paymentsInFull),
        ),
        row(
          'Net Liquidation Proceeds',
          amount((r) => r.liquidationProceeds),
        ),
        row(
          'Realized Losses',
          amount((r) => r.realizedLosses),
        ),
        row(
          'Prepayment Charges',
          amount((r) => r.prepaymentCharges),
        ),
        row(
          'Principal Remittance Amount',
          amount((r) => r.principalRemittance),
        ),
        row(
          'Interest Remittance Amount',
          amount((r) => r.interestRemittance),
        ),
        row(
          'OC Reduction Amount (share)',
          amount((r) => r.overcollateralizationReduction),
        ),
        row(
          'Senior Principal Distribution Amount',
          amount((r) => r.seniorPrincipalDistributionAmount),
        ),
        row('Beg Wghtd Avge Mortgage Rate', (r) => pct(r.weightedAverageRate, 3)),
        row('Net WAC Rate', (r) => pct(r.netWacRate, 5)),
        row(
          'Loans 60+ Days Delinquent (balance)',
          amount((r) => r.seriouslyDelinquent),
        ),
        [text('Subordinate Net WAC Rate'), pct(groups.subordinateNetWacRate, 5)],
      ],
    });
  }
  const trust = model.supplementalInterestTrust;
  if (trust) {
    sections.push(
      lines('supplementalInterestTrust', 'Supplemental Interest Trust', [
        ['Swap Notional Amount', money(trust.swapNotional)],
        ['Fixed Payment Owed by the Trust', money(trust.swapFixed)],
        ['Floating Payment Owed to the Trust', money(trust.swapFloating)],
        ['Net Swap Payment Paid', money(trust.netSwapPaymentPaid)],
        ['Net Swap Receipt', money(trust.netSwapReceipt)],
        ['Cap Notional Amount', money(trust.capNotional)],
        ['Cap Payment Received', money(trust.capReceipt)],
        ['Receipts Distributed', money(trust.receipts)],
        ...(trust.swapTerminationPayment > 0 || trust.swapTerminationReceipt > 0
          ? ([
              ['Swap Termination Payment Owed by the Trust', money(trust.swapTerminationPayment)],
              ['Swap Termination Payment Paid', money(trust.swapTerminationPaid)],
              ['Swap Termination Payment Received', money(trust.swapTerminationReceipt)],
            ] as [string, Cell][])
          : []),
      ]),
    );
  }
  const expenses = model.expenseCap;
  if (expenses) {
    sections.push(
      lines('expenseCap', 'Extraordinary Trust Fund Expenses', [
        ['Incurred this Period', money(expenses.incurred)],
        ['Reimbursed within the Annual Cap', money(expenses.reimbursedSenior)],
        ['Reimbursed this Year within the Cap', money(expenses.reimbursedThisYear)],
        ['Annual Cap Remaining', money(expenses.capRemaining)],
        ['Above the Cap (incl. carried)', money(expenses.aboveCap)],
        ['Reimbursed from Excess Cashflow', money(expenses.reimbursedFromExcess)],
        ['Unreimbursed after Distribution', money(expenses.unpaidAfter)],
      ]),
    );
  }
  const reserve = model.reserveFund;
  if (reserve) {
    sections.push(
      lines('reserveFund', 'Reserve Fund', [
        ['Beginning Balance', money(reserve.beginningBalance)],
        ['Deposits', money(reserve.deposited)],
        ['Withdrawals', money(reserve.drawn)],
        ['Released', money(reserve.released)],
        ['Ending Balance', money(reserve.endingBalance)],
        ['Reserve Fund Target', money(reserve.target)],
      ]),
    );
  }
  return sections;
}
