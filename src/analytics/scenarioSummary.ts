import type { Deal, InterestBearingClass, InterestOnlyClass } from '../deal/deal.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { ProjectionContext } from '../projection/projectionContext.ts';
import { runScenario, type ScenarioRun } from '../projection/runScenario.ts';
import type { Scenario } from '../projection/scenarioSchema.ts';
import type { Workspace } from '../projection/workspace.ts';
import type { DealState } from '../waterfall/types.ts';
import { cashFlowCollector, type CashFlowCollector } from './cashFlows.ts';
import { classSummary, type ClassSummary } from './classSummary.ts';

/** One scenario in a line: the pool's losses and each offered class's figures. */
export interface ScenarioSummary {
  readonly name: string;
  /** Distribution dates run (actual and projected). */
  readonly months: number;
  readonly lastDate: PlainDate | undefined;
  readonly cleanUpCallDate: PlainDate | undefined;
  /** Realized losses over the run (cents) and as a fraction of the starting pool. */
  readonly poolLosses: number;
  readonly poolLossFraction: number;
  readonly loanMonths: number;
  readonly classes: readonly ClassSummary[];
}

/** The run ended with no collateral left: paid off, liquidated or bought by the clean-up call. */
export function poolGone(run: ScenarioRun): boolean {
  return run.finalState.poolBalance === 0 || run.finalState.terminated;
}

/** Summarizes a run (with its distributions kept) for every floating-rate class of the deal. */
export function summarizeRun(
  deal: Deal,
  run: ScenarioRun,
  price = run.scenario.price,
): ScenarioSummary {
  const collector = collectorFor(deal, run.startState);
  for (const d of run.distributions) collector.add(d);
  return summaryOf(deal, run, collector, price);
}

/** The classes summarized: those that bear interest on a balance, then the interest-only ones. */
function summarizedClasses(deal: Deal): readonly (InterestBearingClass | InterestOnlyClass)[] {
  return [...deal.interestBearingClasses, ...deal.interestOnlyClasses];
}

/** A collector for the deal's offered classes (with the interest-only ones) from a state. */
export function collectorFor(deal: Deal, start: DealState): CashFlowCollector {
  const classes = summarizedClasses(deal);
  return cashFlowCollector(
    classes.map((c) => c.name),
    start.lastDate,
    start.classes,
    new Set(classes.filter((c) => c.dayCount === '30/360').map((c) => c.name)),
  );
}

/**
 * A class's price in a scenario: its own (`prices`), else the scenario's; an interest-only class
 * has no price but its own (its yield at a par price would mean nothing).
 */
function priceOf(
  scenario: ScenarioRun['scenario'],
  c: InterestBearingClass | InterestOnlyClass,
  price: number,
): number | undefined {
  return scenario.prices?.[c.name] ?? (c.kind === 'interestOnly' ? undefined : price);
}

/** The summary from a run and the cash flows collected while it ran. */
export function summaryOf(
  deal: Deal,
  run: ScenarioRun,
  collector: CashFlowCollector,
  price = run.scenario.price,
): ScenarioSummary {
  const gone = poolGone(run);
  const classes = summarizedClasses(deal).map((c) =>
    classSummary(
      collector.flows(c.name),
      priceOf(run.scenario, c, price),
      gone,
      c.kind === 'interestOnly',
    ),
  );
  const start = run.startState.poolBalance;
  return {
    name: run.scenario.name ?? 'scenario',
    months: run.months,
    lastDate: run.lastDate,
    cleanUpCallDate: run.cleanUpCallDate,
    poolLosses: run.poolLosses,
    poolLossFraction: start > 0 ? run.poolLosses / start : 0,
    loanMonths: run.loanMonths,
    classes,
  };
}

/**
 * Runs a scenario and summarizes it as it goes, keeping no period or distribution: what a grid
 * does for each scenario. The waterfall stops once the offered classes are retired.
 */
export function runAndSummarize(
  ctx: ProjectionContext,
  scenario: Scenario,
  workspace?: Workspace,
): { summary: ScenarioSummary; workspace: Workspace; loanMonths: number } {
  const collector = collectorFor(ctx.deal, ctx.state);
  const run = runScenario(ctx, scenario, {
    untilRetired: true,
    keep: false,
    onDistribution: collector.add,
    ...(workspace ? { workspace } : {}),
  });
  return {
    summary: summaryOf(ctx.deal, run, collector),
    workspace: run.workspace,
    loanMonths: run.loanMonths,
  };
}
