import type { Deal } from '../deal/deal.ts';
import type { Cents } from '../money/cents.ts';
import type { CollectionPeriod, Delinquency, TriggerTest } from './types.ts';

/**
 * Delinquency Percentage: stated principal of loans 60-89 and 90+ days delinquent, in
 * foreclosure, REO, and in bankruptcy 60+ days delinquent, over the ending pool (incl. REO).
 * April 2002: 374,572 / 197,974,201 = 0.189%.
 */
export function delinquencyPercentage(delinquency: Delinquency, endingPool: Cents): number {
  if (endingPool === 0) return 0;
  const seriously =
    delinquency.days60to89.statedPrincipal +
    delinquency.days90plus.statedPrincipal +
    delinquency.foreclosure.statedPrincipal +
    delinquency.reo.statedPrincipal +
    delinquency.bankruptcy60plus.statedPrincipal;
  return seriously / endingPool;
}

/**
 * Credit Enhancement Percentage: classes subordinate to the senior class (M classes and the
 * OC) over the ending pool. April 2002: (12,415,000 + 11,423,000 + 9,435,000 + 497,000 +
 * 3,972,995.79) / 197,974,200.82 = 19.065%.
 */
export function creditEnhancementPercentage(seniorBalance: Cents, endingPool: Cents): number {
  return endingPool === 0 ? 0 : (endingPool - seniorBalance) / endingPool;
}

/** The cumulative-loss schedule's step in force: the last one starting at or before `n`. */
function scheduleStep<S extends { readonly fromDistribution: number }>(
  schedule: readonly S[],
  n: number,
): S | undefined {
  for (let k = schedule.length - 1; k >= 0; k--)
    if (schedule[k]!.fromDistribution <= n) return schedule[k];
  return undefined;
}

/** Each trigger test of the deal, with its inputs, in the order of the deal file. */
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
