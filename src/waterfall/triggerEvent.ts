import type { Deal } from '../deal/deal.ts';
import type { Cents } from '../money/cents.ts';
import { delinquencyPercentage } from './delinquencyPercentage.ts';
import type { CollectionPeriod, TriggerTest } from './types.ts';

/** The cumulative-loss schedule's step in force: the last one starting at or before `n`. */
function scheduleStep<S extends { readonly fromDistribution: number }>(
  schedule: readonly S[],
  n: number,
): S | undefined {
  for (let k = schedule.length - 1; k >= 0; k--)
    if (schedule[k]!.fromDistribution <= n) return schedule[k];
  return undefined;
}

/**
 * The deal's trigger tests, each with its inputs, in the order of the deal file. A Trigger
 * Event is in effect when any of them is breached (`triggerEvent`).
 */
export function triggerTests(
  deal: Deal,
  period: CollectionPeriod,
  distributionNumber: number,
  seniorEnhancement: number,
  cumulativeRealizedLosses: Cents,
): TriggerTest[] {
  return deal.triggers.map((trigger): TriggerTest => {
    switch (trigger.kind) {
      case 'delinquency': {
        const value = delinquencyPercentage(period.delinquency, period.endingPoolBalance);
        const threshold = trigger.threshold * seniorEnhancement;
        return {
          kind: 'delinquency',
          value,
          threshold,
          breached: value > threshold,
          description: `Delinquency Percentage ${(value * 100).toFixed(3)}% vs ${trigger.threshold * 100}% of the Credit Enhancement Percentage ${(seniorEnhancement * 100).toFixed(3)}% = ${(threshold * 100).toFixed(3)}%`,
        };
      }
      case 'cumulativeLoss': {
        const value = cumulativeRealizedLosses / deal.cutoffBalance;
        const step = scheduleStep(trigger.schedule, distributionNumber);
        const threshold = step?.limit ?? Number.POSITIVE_INFINITY;
        return {
          kind: 'cumulativeLoss',
          value,
          threshold,
          breached: step !== undefined && value > threshold,
          description: step
            ? `Cumulative realized losses ${(value * 100).toFixed(3)}% of cut-off vs ${(threshold * 100).toFixed(3)}% from distribution ${step.fromDistribution}`
            : `no cumulative loss limit before distribution ${trigger.schedule[0]?.fromDistribution}`,
        };
      }
    }
  });
}

/** Trigger Event: any of the deal's trigger tests breached on this distribution date. */
export function triggerEvent(tests: readonly TriggerTest[]): boolean {
  return tests.some((t) => t.breached);
}
