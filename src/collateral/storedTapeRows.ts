import type { Loan } from './loan.ts';
import { loanToCells } from './writeLoanTape.ts';

/** A tape's loans as the store keeps them: each row the tape's cells, as trustee writes them. */
export function storedTapeRows(loans: readonly Loan[]): Record<string, string>[] {
  return loans.map((loan) => {
    const cells: Record<string, string> = loanToCells(loan);
    // A pool of one group: no group column, as the tape file has none.
    if (cells['group'] === '') delete cells['group'];
    return cells;
  });
}
