import type { Condition } from '../deal/schema.ts';
import type { DateTests } from './ledger.ts';

/**
 * Whether a step's condition (`when`) holds on a distribution date: a Trigger Event in effect
 * or not, on or after the Stepdown Date or before it, a range of distribution numbers, or a
 * combination. A step with no condition always applies.
 */
export function conditionHolds(condition: Condition | undefined, tests: DateTests): boolean {
  if (condition === undefined) return true;
  if ('triggerEvent' in condition) return tests.triggerEvent === condition.triggerEvent;
  if ('stepdownDate' in condition) return tests.stepdownDate === condition.stepdownDate;
  if ('distributions' in condition) {
    const { from = 1, through = Number.POSITIVE_INFINITY } = condition.distributions;
    return tests.distributionNumber >= from && tests.distributionNumber <= through;
  }
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, tests));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, tests));
  return !conditionHolds(condition.not, tests);
}

/** "a Trigger Event is in effect", for the trace of a step that did not apply. */
export function describeCondition(condition: Condition): string {
  if ('triggerEvent' in condition)
    return condition.triggerEvent
      ? 'a Trigger Event is in effect'
      : 'no Trigger Event is in effect';
  if ('stepdownDate' in condition)
    return condition.stepdownDate ? 'on or after the Stepdown Date' : 'before the Stepdown Date';
  if ('distributions' in condition) {
    const { from, through } = condition.distributions;
    return `distributions ${from ?? 1} through ${through ?? 'the last'}`;
  }
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  return `not (${describeCondition(condition.not)})`;
}
