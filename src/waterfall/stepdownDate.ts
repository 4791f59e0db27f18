import type { Deal } from '../deal/deal.ts';
import type { DealState } from './types.ts';

/**
 * Stepdown Date: the earlier of (a) the date the senior class is paid in full and (b) the later
 * of the deal's earliest stepdown distribution and the first date the senior Credit Enhancement
 * Percentage reaches its target (2002-1, assumed: distribution 37 and 38.00%). Once it has
 * occurred it stays. `seniorEnhancement` is taken after principal collections, before payments.
 */
export function stepdownDate(
  deal: Deal,
  state: DealState,
  distributionNumber: number,
  seniorBalanceBefore: number,
  seniorEnhancement: number,
): boolean {
  return (
    state.stepdownOccurred ||
    seniorBalanceBefore === 0 ||
    (distributionNumber >= deal.stepdown.earliestDistribution &&
      seniorEnhancement >= deal.stepdown.creditEnhancementTarget)
  );
}

/** Why the Stepdown Date has or has not occurred, with the figures the test used (the trace). */
export function stepdownReason(
  deal: Deal,
  state: DealState,
  distributionNumber: number,
  seniorBalanceBefore: number,
  seniorEnhancement: number,
  occurred: boolean,
): string {
  const percent = (x: number, digits: number): string => `${(x * 100).toFixed(digits)}%`;
  const { earliestDistribution, creditEnhancementTarget, seniorClasses } = deal.stepdown;
  if (!occurred) {
    return `not yet: distribution ${distributionNumber} (needs ${earliestDistribution}) and senior enhancement ${percent(seniorEnhancement, 3)} (needs ${percent(creditEnhancementTarget, 2)})`;
  }
  if (state.stepdownOccurred) return 'the Stepdown Date occurred earlier';
  if (seniorBalanceBefore === 0) {
    return `class${seniorClasses.length > 1 ? 'es' : ''} ${seniorClasses.join(', ')} ${seniorClasses.length > 1 ? 'were' : 'was'} paid in full`;
  }
  return `distribution ${distributionNumber} >= ${earliestDistribution} and senior enhancement ${percent(seniorEnhancement, 3)} >= ${percent(creditEnhancementTarget, 2)}`;
}
