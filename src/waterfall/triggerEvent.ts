import type { Deal } from '../deal/deal.ts';
import type { Cents } from '../money/cents.ts';
import { delinquencyPercentage } from './delinquencyPercentage.ts';
import { scheduleEntry } from './scheduleEntry.ts';
import type { Trigger } from '../deal/schema.ts';
import type { CollectionPeriod, DealState, TriggerTest } from './types.ts';

/**
 * The deal's trigger tests, each with its inputs, in the order of the deal file. A delinquency
 * test takes this date's Delinquency Percentage, or the average of it and the two dates before
 * (`state.delinquencyHistory`); a trigger that does not cure stays breached once it was
 * (`state.breachedTriggers`). A Trigger Event is in effect when any (or all, as the deal says) of
 * them is breached (`triggerEvent`). Each test's description (its figures in words, for the trace
 * and the statement) is worded only when `worded`: untraced projections leave it empty, as
 * they build no trace.
 */
export function triggerTests(
  deal: Deal,
  state: DealState,
  period: CollectionPeriod,
  distributionNumber: number,
  seniorEnhancement: number,
  cumulativeRealizedLosses: Cents,
  worded = true,
): TriggerTest[] {
  return deal.triggers.map((trigger, index): TriggerTest => {
    const test = triggerTest(
      deal,
      trigger,
      state,
      period,
      distributionNumber,
      seniorEnhancement,
      cumulativeRealizedLosses,
      worded,
    );
    if (trigger.cures === false && !test.breached && state.breachedTriggers?.includes(index)) {
      return {
        ...test,
        breached: true,
        description: worded
          ? `${test.description}; breached on an earlier date and does not cure`
          : '',
      };
    }
    return test;
  });
}

function triggerTest(
  deal: Deal,
  trigger: Trigger,
  state: DealState,
  period: CollectionPeriod,
  distributionNumber: number,
  seniorEnhancement: number,
  cumulativeRealizedLosses: Cents,
  worded: boolean,
): TriggerTest {
  switch (trigger.kind) {
    case 'delinquency': {
      const current = delinquencyPercentage(period.delinquency, period.endingPoolBalance);
      const months =
        trigger.average === 'rollingThreeMonth'
          ? [...(state.delinquencyHistory ?? []), current].slice(-3)
          : [current];
      const value = months.reduce((a, b) => a + b, 0) / months.length;
      const threshold =
        trigger.limit !== undefined ? trigger.limit : (trigger.threshold ?? 0) * seniorEnhancement;
      return {
        kind: 'delinquency',
        value,
        threshold,
        breached: value > threshold,
        description: worded
          ? delinquencyWords(trigger, months.length, value, threshold, seniorEnhancement)
          : '',
      };
    }
    case 'cumulativeLoss': {
      const value = cumulativeRealizedLosses / deal.cutoffBalance;
      const step = scheduleEntry(trigger.schedule, distributionNumber);
      const threshold = step?.limit ?? Number.POSITIVE_INFINITY;
      return {
        kind: 'cumulativeLoss',
        value,
        threshold,
        breached: step !== undefined && value > threshold,
        description: !worded
          ? ''
          : step
            ? `Cumulative realized losses ${(value * 100).toFixed(3)}% of cut-off vs ${(threshold * 100).toFixed(3)}% from distribution ${step.fromDistribution}`
            : `no cumulative loss limit before distribution ${trigger.schedule[0]?.fromDistribution}`,
      };
    }
  }
}

/** A delinquency test in words: what was measured against what. */
function delinquencyWords(
  trigger: Extract<Trigger, { kind: 'delinquency' }>,
  months: number,
  value: number,
  threshold: number,
  seniorEnhancement: number,
): string {
  const percent = (x: number): string => `${(x * 100).toFixed(3)}%`;
  const measured =
    trigger.average === 'rollingThreeMonth'
      ? `the ${months}-month average Delinquency Percentage ${percent(value)}`
      : `Delinquency Percentage ${percent(value)}`;
  const against =
    trigger.limit !== undefined
      ? `the limit ${percent(threshold)}`
      : `${(trigger.threshold ?? 0) * 100}% of the Credit Enhancement Percentage ${percent(seniorEnhancement)} = ${percent(threshold)}`;
  return `${measured} vs ${against}`;
}

/**
 * Trigger Event: any of the deal's trigger tests breached on this distribution date (or all of
 * them, for a deal whose Trigger Event needs every one).
 */
export function triggerEvent(
  tests: readonly TriggerTest[],
  combination: 'any' | 'all' = 'any',
): boolean {
  if (tests.length === 0) return false;
  return combination === 'all' ? tests.every((t) => t.breached) : tests.some((t) => t.breached);
}

/**
 * What the trust keeps of its triggers for the next date, only for a deal that needs it: the
 * last two Delinquency Percentages (a rolling average) and the triggers breached that do not
 * cure. Undefined fields are left out, so that other deals' states stay as they were.
 */
export function triggerMemory(
  deal: Deal,
  state: DealState,
  tests: readonly TriggerTest[],
  period: CollectionPeriod,
): Pick<DealState, 'delinquencyHistory' | 'breachedTriggers'> {
  const memory: { delinquencyHistory?: number[]; breachedTriggers?: number[] } = {};
  if (deal.triggers.some((t) => t.kind === 'delinquency' && t.average === 'rollingThreeMonth')) {
    const current = delinquencyPercentage(period.delinquency, period.endingPoolBalance);
    memory.delinquencyHistory = [...(state.delinquencyHistory ?? []), current].slice(-2);
  }
  if (deal.triggers.some((t) => t.cures === false)) {
    memory.breachedTriggers = deal.triggers.flatMap((t, i) =>
      t.cures === false && tests[i]?.breached ? [i] : [],
    );
  }
  return memory;
}
