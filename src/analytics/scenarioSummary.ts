import type { Deal } from '../deal/deal.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { ScenarioRun } from '../projection/runScenario.ts';
import { classCashFlows } from './cashFlows.ts';
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

/** Summarizes a run for every floating-rate class of the deal, at the scenario's price. */
export function summarizeRun(
  deal: Deal,
  run: ScenarioRun,
  price = run.scenario.price,
): ScenarioSummary {
  const classes = deal.floatingClasses.map((c) =>
    classSummary(
      classCashFlows(
        run.distributions,
        c.name,
        run.startState.lastDate,
        run.startState.classes[c.name]?.balance ?? 0,
      ),
      price,
    ),
  );
  const losses = run.periods.reduce((s, p) => s + p.realizedLosses, 0);
  const last = run.distributions[run.distributions.length - 1];
  return {
    name: run.scenario.name ?? 'scenario',
    months: run.distributions.length,
    lastDate: last?.distributionDate,
    cleanUpCallDate: run.distributions.find((d) => d.cleanUpCallExercised)?.distributionDate,
    poolLosses: losses,
    poolLossFraction: run.startState.poolBalance > 0 ? losses / run.startState.poolBalance : 0,
    loanMonths: run.loanMonths,
    classes,
  };
}
