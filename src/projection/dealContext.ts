import { readDealTape } from '../collateral/dealTape.ts';
import type { Loan } from '../collateral/loan.ts';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { closedAfter, closedOn, latestClosed } from '../store/latestClosed.ts';
import type { TrustStore } from '../store/trustStore.ts';
import type { DealState, Distribution } from '../waterfall/types.ts';
import { loanArraysFromTape } from './fromCollateral.ts';
import type { LoanArrays } from './loanArrays.ts';
import { contextForLoans, projectionContext, type ProjectionContext } from './projectionContext.ts';
import { startingLoans, type LoanOrigin } from './startingLoans.ts';
import { latestKnownState } from './startingState.ts';

/** The cut-off loan tape: a tape file, or the deal's built-in deals/<id>/tape.csv. */
export function readTape(deal: Deal, tapePath?: string): Promise<Loan[]> {
  return tapePath ? readLoanTape(tapePath) : readDealTape(deal.id);
}

/** The tape as typed arrays: a tape file, or the deal's built-in deals/<id>/tape.csv. */
export async function tapeArrays(deal: Deal, tapePath?: string): Promise<LoanArrays> {
  return loanArraysFromTape(
    await readTape(deal, tapePath),
    deal.groups.map((g) => g.name),
  );
}

/**
 * The projection context for a deal: its loan tape (as of the cut-off date) aged and scaled to
 * a starting state (by default the latest known one from the deal's files: after April 2002
 * for 2002-1).
 */
export async function dealContext(
  deal: Deal,
  options: { tape?: LoanArrays; tapePath?: string; state?: DealState } = {},
): Promise<ProjectionContext> {
  const tape = options.tape ?? (await tapeArrays(deal, options.tapePath));
  const state = options.state ?? latestKnownState(deal).state;
  return projectionContext(deal, state, tape, indexTableFor(deal));
}

/** Where a projection starts: the context, and where its state and its loans came from. */
export interface ProjectionStart {
  readonly context: ProjectionContext;
  /** "the store var/trustee.sqlite (2002-12-26, version 1)", "deals/nchet-2002-1 files"... */
  readonly stateFrom: string;
  readonly loans: LoanOrigin;
  /** The distributions the store closed after an earlier start, when asked for (--compare). */
  readonly later?: readonly Distribution[];
}

/**
 * The start after the deal's latest closed date in `store` (or the closed date `after`, to
 * project from an earlier date and compare with what came): its current version's state
 * after, and the loans as they stood then from the date's stored remittance rows (the
 * contracts from `tape`, the cut-off tape), and with `withLater` the distributions closed after
 * `after`. Undefined when nothing of the deal is closed; NOT_FOUND when `after` is not closed.
 */
export async function storeStart(
  store: TrustStore,
  deal: Deal,
  tape: readonly Loan[],
  after?: PlainDate,
  withLater = false,
): Promise<ProjectionStart | undefined> {
  const closed = after ? await closedOn(store, deal.id, after) : await latestClosed(store, deal.id);
  if (!closed) return undefined;
  const { record, remittance } = closed;
  const where = `${store.location} (${record.distributionDate}, version ${record.version})`;
  const table = indexTableFor(deal);
  const { loans, origin } = startingLoans(deal, record.stateAfter, tape, table, {
    rows: remittance.rows,
    label: "the store's remittance rows",
    source: `remittance rows of ${where}`,
  });
  return {
    context: contextForLoans(deal, table, record.stateAfter, loans),
    stateFrom: `the store ${where}`,
    loans: origin,
    ...(after && withLater ? { later: await closedAfter(store, deal.id, after) } : {}),
  };
}

/**
 * The start from a state with no stored loan lines: `state` (a state file) or the latest known
 * state from the deal's files, with the cut-off tape aged and scaled to it.
 */
export function fileStart(
  deal: Deal,
  tape: readonly Loan[],
  given?: { state: DealState; from: string },
): ProjectionStart {
  const state = given?.state ?? latestKnownState(deal).state;
  const table = indexTableFor(deal);
  const { loans, origin } = startingLoans(deal, state, tape, table);
  return {
    context: contextForLoans(deal, table, state, loans),
    stateFrom: given?.from ?? `the files of deals/${deal.id}`,
    loans: origin,
  };
}
