import { stringify } from 'csv-stringify/sync';
import { formatDollars, formatPercent } from './csvFields.ts';
import type { Loan } from './loan.ts';
import { TAPE_COLUMNS, type TapeColumn } from './tapeColumns.ts';

/** One loan as the tape's cells (the inverse of the reader). */
export function loanToCells(loan: Loan): Record<TapeColumn, string> {
  const arm = loan.arm;
  const charge = loan.prepaymentCharge;
  return {
    loan_id: loan.id,
    original_balance: formatDollars(loan.originalBalance),
    current_balance: formatDollars(loan.currentBalance),
    note_rate: formatPercent(loan.noteRate),
    scheduled_payment: formatDollars(loan.scheduledPayment),
    rate_type: loan.rateType,
    index: arm?.index ?? '',
    margin: arm ? formatPercent(arm.margin) : '',
    first_cap: arm ? formatPercent(arm.firstCap) : '',
    periodic_cap: arm ? formatPercent(arm.periodicCap) : '',
    life_cap: arm ? formatPercent(arm.lifeCap) : '',
    life_floor: arm ? formatPercent(arm.lifeFloor) : '',
    first_reset_date: arm?.firstResetDate ?? '',
    next_reset_date: arm?.nextResetDate ?? '',
    reset_frequency: arm ? String(arm.resetFrequency) : '',
    rounding: arm ? formatPercent(arm.rounding) : '',
    original_term: String(loan.originalTerm),
    remaining_term: String(loan.remainingTerm),
    amortization: loan.amortization,
    amortization_term: String(loan.amortizationTerm),
    first_payment_date: loan.firstPaymentDate,
    next_due_date: loan.nextDueDate,
    maturity_date: loan.maturityDate,
    lien: String(loan.lien),
    occupancy: loan.occupancy,
    property_type: loan.propertyType,
    state: loan.state,
    fico: String(loan.fico),
    ltv: formatPercent(loan.ltv, 2),
    prepayment_charge_term: String(charge?.termMonths ?? 0),
    prepayment_charge_type: charge?.kind ?? 'none',
    prepayment_charge_rate: charge?.kind === 'percent' ? formatPercent(charge.rate) : '',
    group: loan.group ?? '',
  };
}

/** The loans as loan-tape CSV text (header, one row a loan, LF line ends). */
export function writeLoanTape(loans: readonly Loan[]): string {
  // The `group` column only for a pool of groups: other tapes read as before.
  const columns: TapeColumn[] = loans.some((loan) => loan.group !== undefined)
    ? [...TAPE_COLUMNS, 'group']
    : [...TAPE_COLUMNS];
  const rows = loans.map((loan) => {
    const cells = loanToCells(loan);
    return columns.map((c) => cells[c]);
  });
  return stringify([columns, ...rows]);
}
