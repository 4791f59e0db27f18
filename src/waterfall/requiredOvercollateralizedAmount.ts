import type { Deal } from '../deal/deal.ts';
import { max, min, scale, ZERO, type Cents } from '../money/cents.ts';

/**
 * Required Overcollateralized Amount. Before the Stepdown Date: the closing OC (3,972,995.79 for
 * 2002-1). On and after it with no Trigger Event: the larger of the step-down fraction of the
 * ending pool and the OC floor. During a Trigger Event: the previous date's amount. Never more
 * than the pool; nothing once the clean-up call terminates the trust.
 */
export function requiredOvercollateralizedAmount(
  deal: Deal,
  stepdown: boolean,
  triggerEvent: boolean,
  previous: Cents,
  endingPool: Cents,
  terminated: boolean,
): Cents {
  if (terminated) return ZERO;
  const { initialTarget, stepdownTarget, floor } = deal.overcollateralization;
  let required: Cents;
  if (!stepdown) required = initialTarget;
  else if (triggerEvent) required = previous;
  else required = max(scale(endingPool, stepdownTarget), floor);
  return min(required, endingPool);
}
