import { monthlyInterest } from '../collateral/amortization.ts';
import type { ErrorDetail } from '../errors/catalogue.ts';
import { days30360 } from '../money/dayCount.ts';
import { addMonths, compare } from '../money/plainDate.ts';
import { accrue } from '../money/rate.ts';
import type { CollectionMonth } from './collectionMonth.ts';
import { delinquencyStatus, installmentsPastDue } from './delinquencyStatus.ts';
import type { LoanStanding } from './poolPositions.ts';
import type { RemittanceRow } from './remittanceRow.ts';
import {
  cashRemitted,
  netLiquidationProceeds,
  rolledBalance,
  rowKinds,
  trustInterest,
} from './rowKind.ts';

type Problem = Omit<ErrorDetail, 'file'>;
const $ = (c: number): string => (c / 100).toFixed(2);

/** The interest the trust is owed for the row, by how the loan's period ended. */
export function interestDue(r: RemittanceRow, month: CollectionMonth): number {
  switch (rowKinds(r)[0]) {
    case 'payoff':
      // Interest from the paid-through date (the month's start) to the payoff date, 30/360.
      return r.payoffDate
        ? accrue(r.beginningBalance, r.noteRate, days30360(month.start, r.payoffDate), 360)
        : 0;
    case 'repurchase':
      return r.scheduledInterest;
    case 'liquidation':
      return 0;
    default:
      return r.scheduledInterest - r.reliefActShortfall;
  }
}

/**
 * Checks one loan's line against its standing before the period and against itself: the
 * scheduled figures, the balance roll-forward, the cash (collected + advanced - reimbursed =
 * what the trust is owed; remitted = the sum of the cash items), dates, delinquency and flags.
 * Returns every problem, each naming its row and field.
 */
export function checkRemittanceRow(
  r: RemittanceRow,
  standing: LoanStanding,
  month: CollectionMonth,
  servicingFeeRate: number,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, message: string, expected: string, got?: unknown): void => {
    problems.push({
      row: r.row,
      field,
      message: `loan ${r.loanId}: ${message}`,
      expected,
      ...(got !== undefined ? { got } : {}),
    });
  };
  const money = (field: string, message: string, expected: number, got: number): void => {
    if (expected !== got) problem(field, message, $(expected), $(got));
  };
  const kinds = rowKinds(r);
  const kind = kinds[0];
  if (kinds.length > 1)
    problem(
      'payoff',
      `reports ${kinds.join(' and ')} at once`,
      'one way for a loan to leave the pool',
    );
  money(
    'beginning_balance',
    "is not the loan's balance after the previous period",
    standing.balance,
    r.beginningBalance,
  );
  money(
    'scheduled_interest',
    'is not one month of interest on the beginning balance (30/360)',
    monthlyInterest(r.beginningBalance, r.noteRate),
    r.scheduledInterest,
  );
  money(
    'servicing_fee',
    'is not the servicing fee on the beginning balance (30/360)',
    accrue(r.beginningBalance, servicingFeeRate, 30, 360),
    r.servicingFee,
  );
  if (kind === 'installment') {
    money(
      'scheduled_payment',
      'is not scheduled principal + scheduled interest',
      r.scheduledPrincipal + r.scheduledInterest,
      r.scheduledPayment,
    );
    if (r.scheduledPayment === 0)
      problem(
        'scheduled_payment',
        'no installment for a loan that stays',
        'the installment due on ' + month.dueDate,
      );
  } else {
    money(
      'scheduled_payment',
      `no installment is due from a loan that left by ${kind}`,
      0,
      r.scheduledPayment,
    );
    money(
      'scheduled_principal',
      `no installment is due from a loan that left by ${kind}`,
      0,
      r.scheduledPrincipal,
    );
  }
  money(
    'ending_balance',
    'does not roll forward from the beginning balance',
    rolledBalance(r),
    r.endingBalance,
  );
  if (kind !== 'installment')
    money('ending_balance', `the loan left by ${kind}`, 0, r.endingBalance);
  else if (r.endingBalance === 0 && r.scheduledPrincipal + r.curtailment !== r.beginningBalance) {
    problem('ending_balance', 'paid to zero without a payoff', 'a payoff, or a final installment');
  }
  if (kind === 'liquidation' && netLiquidationProceeds(r) < 0) {
    problem(
      'liquidation_expenses',
      'more than the proceeds',
      `at most ${$(r.liquidationProceeds)}`,
      $(r.liquidationExpenses),
    );
  }
  if (kind === 'installment' && r.realizedLoss > 0 && !r.bankruptcy) {
    problem(
      'realized_loss',
      'a loss on a loan that stays, not in bankruptcy',
      '0 (or bankruptcy Y for a deficient valuation)',
    );
  }
  if (r.reliefActShortfall > r.scheduledInterest) {
    problem(
      'relief_act_shortfall',
      'more than the scheduled interest',
      `at most ${$(r.scheduledInterest)}`,
    );
  }
  const due = interestDue(r, month);
  const got = trustInterest(r);
  if (got !== due) {
    problem(
      'actual_interest',
      `actual principal + actual interest + P&I advance - advance reimbursement - scheduled principal is ${$(got)}, not the interest the trust is owed for a ${kind}`,
      $(due),
      $(got),
    );
  }
  money(
    'remitted',
    'is not the sum of the cash items less the servicing fee',
    cashRemitted(r),
    r.remitted,
  );
  if (r.payoff > 0 !== (r.payoffDate !== undefined))
    problem(
      'payoff_date',
      'given exactly when there is a payoff',
      r.payoff > 0 ? 'a date' : 'blank',
    );
  if (
    r.payoffDate &&
    (compare(r.payoffDate, month.start) < 0 || compare(r.payoffDate, month.end) > 0)
  ) {
    problem(
      'payoff_date',
      'outside the collection period',
      `${month.start} to ${month.end}`,
      r.payoffDate,
    );
  }
  if (r.prepaymentCharge > 0 && r.payoff === 0 && r.curtailment === 0) {
    problem('prepayment_charge', 'a charge without a prepayment', '0 unless payoff or curtailment');
  }
  if (r.reoBookValue > 0 && !r.reo)
    problem('reo_book_value', 'a book value for a loan not in REO', '0 or reo Y');
  checkStanding(r, standing, month, kind === 'installment', problem);
  return problems;
}

/** Remaining term, due date, delinquency and unpaid balance after the period. */
function checkStanding(
  r: RemittanceRow,
  standing: LoanStanding,
  month: CollectionMonth,
  installment: boolean,
  problem: (field: string, message: string, expected: string, got?: unknown) => void,
): void {
  if (r.endingBalance === 0) {
    if (r.nextDueDate || r.delinquencyMba || r.delinquencyOts)
      problem('next_due_date', 'given for a loan that left', 'blank due date and delinquency');
    if (r.unpaidPrincipalBalance !== 0)
      problem(
        'unpaid_principal_balance',
        'owed on a loan that left',
        '0',
        $(r.unpaidPrincipalBalance),
      );
    if (r.foreclosure || r.bankruptcy || r.reo)
      problem('reo', 'a flag on a loan that left', 'foreclosure, bankruptcy and reo N');
    return;
  }
  const term = standing.remainingTerm - (installment ? 1 : 0);
  if (r.remainingTerm !== term)
    problem(
      'remaining_term',
      'does not follow from the previous period',
      String(term),
      r.remainingTerm,
    );
  if (!r.nextDueDate) return problem('next_due_date', 'blank for a loan that stays', 'a date');
  if (compare(r.nextDueDate, standing.nextDueDate) < 0) {
    problem('next_due_date', 'moved back', `on or after ${standing.nextDueDate}`, r.nextDueDate);
  }
  const pastDue = installmentsPastDue(r.nextDueDate, month.dueDate);
  for (const [field, value, method] of [
    ['delinquency_mba', r.delinquencyMba, 'MBA'],
    ['delinquency_ots', r.delinquencyOts, 'OTS'],
  ] as const) {
    const expected = delinquencyStatus(pastDue, method);
    if (value !== expected)
      problem(field, `${pastDue} installments past due by ${method}`, expected, value);
  }
  const paidToDate = r.nextDueDate === addMonths(month.dueDate, 1);
  if (paidToDate && r.unpaidPrincipalBalance !== r.endingBalance) {
    problem(
      'unpaid_principal_balance',
      'differs from the stated balance of a loan paid to date',
      $(r.endingBalance),
      $(r.unpaidPrincipalBalance),
    );
  } else if (pastDue > 0 && r.unpaidPrincipalBalance < r.endingBalance) {
    problem(
      'unpaid_principal_balance',
      'below the stated balance of a delinquent loan',
      `at least ${$(r.endingBalance)}`,
      $(r.unpaidPrincipalBalance),
    );
  }
}
