import { readDealTape } from '../collateral/dealTape.ts';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import type { DealState } from '../waterfall/types.ts';
import { loanArraysFromTape } from './fromCollateral.ts';
import type { LoanArrays } from './loanArrays.ts';
import { projectionContext, type ProjectionContext } from './projectionContext.ts';
import { latestKnownState } from './startingState.ts';

/** The tape as typed arrays: a tape file, or the deal's built-in deals/<id>/tape.csv. */
export async function tapeArrays(deal: Deal, tapePath?: string): Promise<LoanArrays> {
  return loanArraysFromTape(tapePath ? await readLoanTape(tapePath) : await readDealTape(deal.id));
}

/**
 * The projection context for a deal: its loan tape (as of the cut-off date) and a starting
 * state (by default the latest known one from the deal's files: after April 2002 for 2002-1).
 */
export async function dealContext(
  deal: Deal,
  options: { tape?: LoanArrays; tapePath?: string; state?: DealState } = {},
): Promise<ProjectionContext> {
  const tape = options.tape ?? (await tapeArrays(deal, options.tapePath));
  const state = options.state ?? latestKnownState(deal).state;
  return projectionContext(deal, state, tape, indexTableFor(deal));
}
