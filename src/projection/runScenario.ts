import { distribute } from '../waterfall/distribute.ts';
import { runDistribution } from '../waterfall/runDistribution.ts';
import type { CollectionPeriod, DealState, Distribution } from '../waterfall/types.ts';
import { cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { projectCollateral } from './collateralLoop.ts';
import { compileScenario } from './compileScenario.ts';
import { scenarioIndexPaths } from './indexPath.ts';
import { groupedCollectionPeriods } from './groupPeriods.ts';
import { collectionPeriods } from './periodTotals.ts';
import { projectionContext, type ProjectionContext } from './projectionContext.ts';
import type { Scenario } from './scenarioSchema.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

/** One scenario's projection: the periods the waterfall took and what it distributed. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly startState: DealState;
  /** The collection periods (actual, then projected) and the distributions, when kept. */
  readonly periods: readonly CollectionPeriod[];
  readonly distributions: readonly Distribution[];
  readonly finalState: DealState;
  /** Distribution dates run, the last one, and the one the clean-up call was exercised on. */
  readonly months: number;
  readonly lastDate: PlainDate | undefined;
  readonly cleanUpCallDate: PlainDate | undefined;
  /** Realized losses of every period, actual and projected (cents). */
  readonly poolLosses: number;
  /** Loan-months the collateral loop worked (rows with a balance x months). */
  readonly loanMonths: number;
}

export interface RunOptions {
  /** Actual collection-period totals for the first months, run before the projection. */
  readonly actuals?: readonly CollectionPeriod[];
  /** A workspace to reuse (a grid run passes the same one to every scenario). */
  readonly workspace?: Workspace;
  /** Keep each distribution's trace (default false: projections run many months). */
  readonly trace?: boolean;
  /**
   * Stop the waterfall once every floating-rate class is retired with nothing owed to it: the
   * later months pay only the residual classes, so the offered classes' figures are the same.
   * Grid summaries use it; full cash-flow tables (CE included) do not.
   */
  readonly untilRetired?: boolean;
  /**
   * Called with each distribution as it is made; with `keep: false` the run holds neither the
   * periods nor the distributions (a grid worker summarizes as it goes, so nothing outlives
   * the month that made it).
   */
  readonly onDistribution?: (distribution: Distribution) => void;
  readonly keep?: boolean;
}

/** True when no floating-rate class has a balance or anything owed (interest, carryover, losses). */
export function offeredClassesRetired(ctx: ProjectionContext, state: DealState): boolean {
  for (const c of ctx.deal.interestBearingClasses) {
    const s = state.classes[c.name];
    if (!s) continue;
    if (s.balance > 0 || s.unpaidInterest > 0 || s.netWacCarryover > 0 || s.unpaidRealizedLoss > 0)
      return false;
  }
  return true;
}

/** Runs actual periods as actual distributions are run (fixings from the deal's table). */
function runActuals(
  ctx: ProjectionContext,
  actuals: readonly CollectionPeriod[],
): { distributions: Distribution[]; context: ProjectionContext } {
  let state = ctx.state;
  const distributions: Distribution[] = [];
  for (const period of actuals) {
    const result = runDistribution(ctx.deal, state, period, ctx.table, period.source);
    distributions.push(result.distribution);
    state = result.state;
  }
  const context = projectionContext(
    ctx.deal,
    state,
    ctx.loans,
    ctx.table,
    ctx.state.distributionNumber,
  );
  return { distributions, context };
}

/**
 * Projects one scenario from the context's state: the collateral month by month, the totals
 * rounded to collection periods, and each period through THE waterfall (`distribute`, the
 * function actual distributions use) with the scenario's index fixings.
 */
export function runScenario(
  start: ProjectionContext,
  scenario: Scenario,
  options: RunOptions = {},
): ScenarioRun & { workspace: Workspace } {
  const actual = options.actuals?.length ? runActuals(start, options.actuals) : undefined;
  const ctx = actual?.context ?? start;
  const keep = options.keep ?? true;
  const periods: CollectionPeriod[] = keep ? [...(options.actuals ?? [])] : [];
  const distributions: Distribution[] = [];
  let months = 0;
  let lastDate: PlainDate | undefined;
  let cleanUpCallDate: PlainDate | undefined;
  let poolLosses = 0;
  const record = (d: Distribution): void => {
    if (keep) distributions.push(d);
    options.onDistribution?.(d);
    months += 1;
    lastDate = d.distributionDate;
    if (d.cleanUpCallExercised) cleanUpCallDate = d.distributionDate;
    poolLosses += d.period.realizedLosses;
  };
  actual?.distributions.forEach(record);
  const compiled = compileScenario(scenario, ctx.loanMonths, ctx.maxAge);
  const { fixings, loanIndex } = scenarioIndexPaths(ctx.calendar, scenario);
  const ws = workspaceFor(options.workspace, ctx.loans.count, compiled.horizon);
  const call = scenario.cleanUpCall ? ctx.deal.cleanUpCallBalance : undefined;
  let state = ctx.state;
  let projected = 0;
  let groupLoanMonths: number | undefined;
  if (!state.terminated && state.poolBalance > 0) {
    const dateOf = (t: number): PlainDate => ctx.calendar.dates[t]!;
    const source = `projection: ${scenario.name ?? 'scenario'}`;
    let periodsOf: Iterable<CollectionPeriod>;
    if (ctx.deal.groups.length > 0) {
      // Loan groups: each group's loans projected on their own, the periods by group.
      const grouped = groupedCollectionPeriods(ctx, compiled, loanIndex, {
        dateOf,
        source,
        ...(call === undefined ? {} : { cleanUpCallBalance: call }),
      });
      periodsOf = grouped.periods;
      groupLoanMonths = grouped.loanMonths;
    } else {
      // Stop the loop a little below the call balance: the exact test is on the rounded pool.
      projectCollateral(ws, ctx.loans, compiled, loanIndex, call === undefined ? -1 : call - 10);
      periodsOf = collectionPeriods(ws.totals, {
        startPool: ctx.state.poolBalance,
        startLoanCount: ctx.state.loanCount,
        projectedLoans: ctx.projectedLoans,
        dateOf,
        ...(call === undefined ? {} : { cleanUpCallBalance: cents(call) }),
        source,
      });
    }
    const trace = options.trace ?? false;
    let running = true;
    for (const period of periodsOf) {
      if (keep) periods.push(period);
      if (!running) {
        // The offered classes are retired: the rest only counts toward the pool's losses.
        poolLosses += period.realizedLosses;
        continue;
      }
      const result = distribute(ctx.deal, state, period, fixings[projected]!, period.source, {
        trace,
      });
      projected += 1;
      record(result.distribution);
      state = result.state;
      if (options.untilRetired && offeredClassesRetired(ctx, state)) running = false;
    }
  }
  return {
    scenario,
    startState: start.state,
    periods,
    distributions,
    finalState: state,
    months,
    lastDate,
    cleanUpCallDate,
    poolLosses,
    loanMonths: projected > 0 ? (groupLoanMonths ?? ws.totals.loanMonths) : 0,
    workspace: ws,
  };
}

/**
 * The collateral projection alone (no waterfall): what the benchmark times as the loan-level
 * loop. Returns the loan-months worked.
 */
export function projectScenarioCollateral(
  ctx: ProjectionContext,
  scenario: Scenario,
  workspace?: Workspace,
): { loanMonths: number; workspace: Workspace } {
  const compiled = compileScenario(scenario, ctx.loanMonths, ctx.maxAge);
  const { loanIndex } = scenarioIndexPaths(ctx.calendar, scenario);
  const ws = workspaceFor(workspace, ctx.loans.count, compiled.horizon);
  const call = scenario.cleanUpCall ? ctx.deal.cleanUpCallBalance - 10 : -1;
  projectCollateral(ws, ctx.loans, compiled, loanIndex, call);
  return { loanMonths: ws.totals.loanMonths, workspace: ws };
}
