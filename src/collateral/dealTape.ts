import { dealsDirectory } from '../deal/builtIn.ts';
import type { Loan } from './loan.ts';
import { readLoanTape } from './readLoanTape.ts';

/** Where a built-in deal keeps its loan tape: deals/<id>/tape.csv. */
export function dealTapePath(dealId: string): string {
  return `${dealsDirectory}${dealId}/tape.csv`;
}

/** The built-in deal's loan tape (for 2002-1: the synthetic example pool). */
export function readDealTape(dealId: string): Promise<Loan[]> {
  return readLoanTape(dealTapePath(dealId));
}
