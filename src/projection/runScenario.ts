import { distribute } from '../waterfall/distribute.ts';
import { runDistribution } from '../waterfall/runDistribution.ts';
import type { CollectionPeriod, DealState, Distribution } from '../waterfall/types.ts';
import { cents } from '../money/cents.ts';
import { projectCollateral } from './collateralLoop.ts';
import { compileScenario } from './compileScenario.ts';
import { scenarioIndexPaths } from './indexPath.ts';
import { collectionPeriods } from './periodTotals.ts';
import { projectionContext, type ProjectionContext } from './projectionContext.ts';
import type { Scenario } from './scenarioSchema.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

/** One scenario's projection: the periods the waterfall took and what it distributed. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly startState: DealState;
  readonly periods: readonly CollectionPeriod[];
  readonly distributions: readonly Distribution[];
  readonly finalState: DealState;
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
}

/** True when no floating-rate class has a balance or anything owed (interest, carryover, losses). */
export function offeredClassesRetired(ctx: ProjectionContext, state: DealState): boolean {
  for (const c of ctx.deal.floatingClasses) {
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
  const distributions: Distribution[] = actual ? [...actual.distributions] : [];
  const compiled = compileScenario(scenario, ctx.loanMonths, ctx.maxAge);
  const { fixings, loanIndex } = scenarioIndexPaths(ctx.calendar, scenario);
  const ws = workspaceFor(options.workspace, ctx.loans.count, compiled.horizon);
  const call = scenario.cleanUpCall ? ctx.deal.cleanUpCallBalance : undefined;
  let periods: CollectionPeriod[] = [];
  let state = ctx.state;
  if (!state.terminated && state.poolBalance > 0) {
    // Stop the loop a little below the call balance: the exact test is on the rounded pool.
    projectCollateral(ws, ctx.loans, compiled, loanIndex, call === undefined ? -1 : call - 10);
    periods = [
      ...collectionPeriods(ws.totals, {
        startPool: ctx.state.poolBalance,
        startLoanCount: ctx.state.loanCount,
        projectedLoans: ctx.projectedLoans,
        dateOf: (t) => ctx.calendar.dates[t]!,
        ...(call === undefined ? {} : { cleanUpCallBalance: cents(call) }),
        source: `projection: ${scenario.name ?? 'scenario'}`,
      }),
    ];
    const trace = options.trace ?? false;
    for (let k = 0; k < periods.length; k++) {
      const period = periods[k]!;
      const result = distribute(ctx.deal, state, period, fixings[k]!, period.source, { trace });
      distributions.push(result.distribution);
      state = result.state;
      if (options.untilRetired && offeredClassesRetired(ctx, state)) break;
    }
  }
  return {
    scenario,
    startState: start.state,
    periods: [...(options.actuals ?? []), ...periods],
    distributions,
    finalState: state,
    loanMonths: periods.length > 0 ? ws.totals.loanMonths : 0,
    workspace: ws,
  };
}
