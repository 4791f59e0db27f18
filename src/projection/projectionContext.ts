import type { Deal } from '../deal/deal.ts';
import type { IndexRateTable } from '../deal/indexRates.ts';
import type { DealState } from '../waterfall/types.ts';
import { ageLoans, loanExtent, scaleLoans } from './ageLoans.ts';
import { fillIndexPath, projectionCalendar, type ProjectionCalendar } from './indexPath.ts';
import type { LoanArrays } from './loanArrays.ts';

/** Longest recovery lag a scenario may set (scenarioSchema): the calendar covers it. */
const MAX_LAG = 120;

/**
 * What every scenario from one starting state shares: the deal, the state, the loans as they
 * stand at that state and the projection calendar. Built once (per worker) and reused.
 */
export interface ProjectionContext {
  readonly deal: Deal;
  readonly table: IndexRateTable;
  readonly state: DealState;
  readonly loans: LoanArrays;
  readonly calendar: ProjectionCalendar;
  /** Longest remaining term of the loans, and their largest age (months). */
  readonly loanMonths: number;
  readonly maxAge: number;
  /** Sum of the rows' loan counts (to scale projected counts to the trust's). */
  readonly projectedLoans: number;
}

/**
 * The context for projecting from `state` with no loan-level record of it: the tape (as of the
 * cut-off date, or after distribution `tapeDistributionNumber`) aged and scaled
 * (`agedTapeLoans`). `startingLoans` uses the closed period's remittance lines instead when
 * there are some.
 */
export function projectionContext(
  deal: Deal,
  state: DealState,
  tape: LoanArrays,
  table: IndexRateTable,
  tapeDistributionNumber = 0,
): ProjectionContext {
  const loans = agedTapeLoans(deal, state, tape, table, tapeDistributionNumber);
  return contextForLoans(deal, table, state, loans);
}

/**
 * The tape aged by the distributions made since it (one scheduled payment each, no prepayment
 * or default) and scaled so its balance equals the trust's pool in `state`: an estimate, for
 * when the servicer's loan lines of the state's period are not at hand. The loans' index while
 * ageing is the deal's history (flat at the last fixing where the table ends).
 */
export function agedTapeLoans(
  deal: Deal,
  state: DealState,
  tape: LoanArrays,
  table: IndexRateTable,
  tapeDistributionNumber = 0,
): LoanArrays {
  const elapsed = state.distributionNumber - tapeDistributionNumber;
  const history = projectionCalendar(deal, table, tapeDistributionNumber + 1, Math.max(elapsed, 1));
  const ageIndex = new Float64Array(Math.max(elapsed, 1) + 1);
  fillIndexPath(ageIndex, history, undefined);
  const groupPools =
    deal.groups.length > 0
      ? deal.groups.map((g) => state.groupPoolBalances?.[g.name] ?? g.cutoffBalance)
      : undefined;
  return scaleLoans(ageLoans(tape, elapsed, ageIndex), state.poolBalance, groupPools);
}

/** The context for loans that already stand at `state`: from the store, aged, or a worker's copy. */
export function contextForLoans(
  deal: Deal,
  table: IndexRateTable,
  state: DealState,
  loans: LoanArrays,
): ProjectionContext {
  const { maxAge, maxTerm } = loanExtent(loans);
  const calendar = projectionCalendar(deal, table, state.distributionNumber + 1, maxTerm + MAX_LAG);
  let projectedLoans = 0;
  for (let i = 0; i < loans.count; i++) projectedLoans += loans.loans[i]!;
  return { deal, table, state, loans, calendar, loanMonths: maxTerm, maxAge, projectedLoans };
}
