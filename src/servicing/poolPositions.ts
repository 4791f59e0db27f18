import type { Loan } from '../collateral/loan.ts';
import type { Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { RemittanceRow } from './remittanceRow.ts';

/** Where one loan stood before a period: the figures the next remittance must start from. */
export interface LoanStanding {
  readonly balance: Cents;
  readonly remainingTerm: number;
  readonly nextDueDate: PlainDate;
}

/** The pool before a period, loan by loan (loans with a balance only). */
export type PoolPositions = ReadonlyMap<string, LoanStanding>;

/** The pool at the cut-off date, from the loan tape. */
export function positionsFromTape(loans: readonly Loan[]): PoolPositions {
  return new Map(
    loans.map((l) => [
      l.id,
      { balance: l.currentBalance, remainingTerm: l.remainingTerm, nextDueDate: l.nextDueDate },
    ]),
  );
}

/** The pool after a period, from its remittance rows (loans that left are dropped). */
export function positionsAfter(
  rows: readonly RemittanceRow[] | readonly Omit<RemittanceRow, 'row'>[],
): PoolPositions {
  const positions = new Map<string, LoanStanding>();
  for (const r of rows) {
    if (r.endingBalance > 0 && r.nextDueDate) {
      positions.set(r.loanId, {
        balance: r.endingBalance,
        remainingTerm: r.remainingTerm,
        nextDueDate: r.nextDueDate,
      });
    }
  }
  return positions;
}
