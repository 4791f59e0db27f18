import type { ErrorDetail } from '../errors/catalogue.ts';
import { compare, parts } from '../money/plainDate.ts';
import { monthlyInterest } from './amortization.ts';
import type { Loan } from './loan.ts';
import { monthsBetween } from './months.ts';
import { ARM_COLUMNS, type TapeRow } from './tapeColumns.ts';

type Problem = Omit<ErrorDetail, 'file' | 'row'>;

/**
 * Checks a tape row's cells against each other (ARM terms present exactly for ARMs, balances,
 * terms and dates consistent, rates within the ARM's floor and cap) and builds the Loan.
 * Returns every problem found, each naming its column.
 */
export function tapeRowToLoan(row: TapeRow): { loan?: Loan; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (field: string, message: string, expected: string, got?: unknown): void => {
    problems.push({ field, message, expected, ...(got !== undefined ? { got } : {}) });
  };
  if (row.current_balance <= 0 || row.current_balance > row.original_balance) {
    problem(
      'current_balance',
      'outside (0, original_balance]',
      'more than 0 and at most the original balance',
    );
  }
  const isArm = row.rate_type === 'arm';
  for (const field of ARM_COLUMNS) {
    if (isArm && row[field] === undefined)
      problem(field, 'blank for an ARM', `a value for an adjustable-rate loan`);
    if (!isArm && row[field] !== undefined)
      problem(field, 'given for a fixed-rate loan', 'blank for a fixed-rate loan');
  }
  for (const field of ['first_payment_date', 'next_due_date', 'maturity_date'] as const) {
    if (parts(row[field]).day !== parts(row.first_payment_date).day) {
      problem(
        field,
        'due day differs from first_payment_date',
        'the same day of the month as first_payment_date',
        row[field],
      );
    }
  }
  const original = monthsBetween(row.first_payment_date, row.maturity_date) + 1;
  if (original !== row.original_term) {
    problem(
      'original_term',
      `first_payment_date to maturity_date is ${original} installments`,
      String(original),
      row.original_term,
    );
  }
  const remaining = monthsBetween(row.next_due_date, row.maturity_date) + 1;
  if (remaining !== row.remaining_term) {
    problem(
      'remaining_term',
      `next_due_date to maturity_date is ${remaining} installments`,
      String(remaining),
      row.remaining_term,
    );
  }
  if (row.amortization === 'full' && row.amortization_term !== row.original_term) {
    problem(
      'amortization_term',
      'differs from original_term for a fully amortizing loan',
      String(row.original_term),
      row.amortization_term,
    );
  }
  if (row.amortization === 'balloon' && row.amortization_term <= row.original_term) {
    problem(
      'amortization_term',
      'not longer than the term for a balloon loan',
      `more than ${row.original_term}`,
      row.amortization_term,
    );
  }
  if (row.scheduled_payment < monthlyInterest(row.current_balance, row.note_rate)) {
    problem(
      'scheduled_payment',
      'less than one month of interest',
      'a payment that covers the interest (no negative amortization)',
    );
  }
  const hasCharge = row.prepayment_charge_type !== 'none';
  if (hasCharge !== row.prepayment_charge_term > 0) {
    problem(
      'prepayment_charge_term',
      'term and type disagree',
      hasCharge ? 'a term of at least 1 month' : '0 when the type is none',
      row.prepayment_charge_term,
    );
  }
  if ((row.prepayment_charge_type === 'percent') !== (row.prepayment_charge_rate !== undefined)) {
    problem(
      'prepayment_charge_rate',
      'rate and type disagree',
      'a rate exactly when the type is percent',
    );
  }
  let arm: Loan['arm'];
  if (isArm && problems.length === 0) {
    const a = row as { [K in keyof TapeRow]-?: NonNullable<TapeRow[K]> };
    if (!(a.life_floor <= row.note_rate && row.note_rate <= a.life_cap)) {
      problem(
        'note_rate',
        'outside the life floor and cap',
        `between ${a.life_floor * 100}% and ${a.life_cap * 100}%`,
        row.note_rate * 100,
      );
    }
    if (compare(a.next_reset_date, a.first_reset_date) < 0) {
      problem(
        'next_reset_date',
        'before first_reset_date',
        `on or after ${a.first_reset_date}`,
        a.next_reset_date,
      );
    }
    if (compare(a.next_reset_date, row.next_due_date) < 0) {
      problem(
        'next_reset_date',
        'before next_due_date: a reset not applied',
        `on or after ${row.next_due_date}`,
        a.next_reset_date,
      );
    }
    arm = {
      index: a.index,
      margin: a.margin,
      firstCap: a.first_cap,
      periodicCap: a.periodic_cap,
      lifeCap: a.life_cap,
      lifeFloor: a.life_floor,
      firstResetDate: a.first_reset_date,
      nextResetDate: a.next_reset_date,
      resetFrequency: a.reset_frequency,
      rounding: a.rounding,
    };
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    loan: {
      id: row.loan_id,
      originalBalance: row.original_balance,
      currentBalance: row.current_balance,
      noteRate: row.note_rate,
      scheduledPayment: row.scheduled_payment,
      rateType: row.rate_type,
      arm,
      originalTerm: row.original_term,
      remainingTerm: row.remaining_term,
      amortization: row.amortization,
      amortizationTerm: row.amortization_term,
      firstPaymentDate: row.first_payment_date,
      nextDueDate: row.next_due_date,
      maturityDate: row.maturity_date,
      lien: row.lien === '1' ? 1 : 2,
      occupancy: row.occupancy,
      propertyType: row.property_type,
      state: row.state,
      fico: row.fico,
      ltv: row.ltv,
      prepaymentCharge: hasCharge
        ? {
            termMonths: row.prepayment_charge_term,
            kind: row.prepayment_charge_type as 'six-months-interest' | 'percent',
            rate: row.prepayment_charge_rate ?? 0,
          }
        : undefined,
      ...(row.group !== undefined ? { group: row.group } : {}),
    },
  };
}
