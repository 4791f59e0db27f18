import { parts } from '../money/plainDate.ts';
import { cents, excess, min, ZERO, type Cents } from '../money/cents.ts';
import { pay, type Fund, type Phase } from './fund.ts';
import type { Ledger } from './ledger.ts';
import type { CollectionPeriod, DealState } from './types.ts';

/** The extraordinary trust fund expenses of a date under an annual cap (`Distribution`). */
export interface ExpenseFigures {
  /** This period's expenses (the servicer's and trustee's extraordinary trust fund expenses). */
  readonly incurred: Cents;
  /** Of them, what came off the Interest Remittance Amount: within the year's cap. */
  readonly reimbursedSenior: Cents;
  /** What the year's cap still allows after this date, and what it let through (the year's). */
  readonly capRemaining: Cents;
  readonly year: number;
  readonly reimbursedThisYear: Cents;
  /** Above the cap: carried from earlier dates and added this date, before the excess pays. */
  readonly aboveCap: Cents;
  /** Paid from the excess cashflow, and what is still unreimbursed after the date. */
  readonly reimbursedFromExcess: Cents;
  readonly unpaidAfter: Cents;
}

/**
 * Extraordinary trust fund expenses under the deal's annual cap: in each calendar year at most
 * the cap comes off the Interest Remittance Amount, before the certificates; the rest waits
 * for the `expenseReimbursement` step (from the excess cashflow) and is carried until paid.
 * Without a cap every expense comes off the Interest Remittance Amount (undefined here).
 */
export function expensesUnderCap(
  cap: Cents | undefined,
  state: DealState,
  period: CollectionPeriod,
):
  | {
      readonly senior: Cents;
      readonly aboveCap: Cents;
      readonly capRemaining: Cents;
      readonly year: number;
      readonly reimbursedThisYear: Cents;
    }
  | undefined {
  if (cap === undefined) return undefined;
  const year = parts(period.distributionDate).year;
  const used =
    state.extraordinaryExpenses?.year === year ? state.extraordinaryExpenses.reimbursed : ZERO;
  const room = excess(cap, used);
  const senior = min(period.extraordinaryExpenses, room);
  const carried = state.extraordinaryExpenses?.unpaid ?? ZERO;
  return {
    senior,
    aboveCap: cents(carried + period.extraordinaryExpenses - senior),
    capRemaining: cents(room - senior),
    year,
    reimbursedThisYear: cents(used + senior),
  };
}

/** The expense reimbursement step: what is above the cap and unpaid, from the fund. */
export function payExpensesAboveCap(ledger: Ledger, fund: Fund, phase: Phase): void {
  const amount = pay(
    ledger,
    fund,
    'extraordinary trust fund expenses',
    excess(ledger.expensesAboveCap, ledger.expensesReimbursedFromExcess),
    'expenseReimbursement',
    'extraordinary trust fund expenses above the annual cap',
    phase,
  );
  ledger.expensesReimbursedFromExcess = cents(ledger.expensesReimbursedFromExcess + amount);
}
