import { cents } from '../money/cents.ts';
import {
  NO_DELINQUENCY,
  PERIOD_AMOUNTS,
  type Delinquency,
  type DelinquencyBucket,
  type GroupCollections,
} from './types.ts';

const BUCKETS = [
  'days30to59',
  'days60to89',
  'days90plus',
  'foreclosure',
  'bankruptcy',
  'bankruptcy60plus',
  'reo',
] as const satisfies readonly (keyof Delinquency)[];

/**
 * The pool's figures from its loan groups': amounts, counts and the delinquency table added up;
 * the weighted average rate weighted by the groups' beginning balances and the remaining term
 * by their ending balances (as the servicer weights them loan by loan).
 */
export function sumCollections(groups: readonly GroupCollections[]): GroupCollections {
  const first = groups[0];
  if (first === undefined) throw new Error('internal: no groups to add up');
  const amounts = Object.fromEntries(
    PERIOD_AMOUNTS.map((field) => [field, cents(groups.reduce((acc, g) => acc + g[field], 0))]),
  ) as Pick<GroupCollections, (typeof PERIOD_AMOUNTS)[number]>;
  const weighted = (
    value: (g: GroupCollections) => number,
    weight: (g: GroupCollections) => number,
  ): number => {
    const total = groups.reduce((acc, g) => acc + weight(g), 0);
    return total > 0
      ? groups.reduce((acc, g) => acc + value(g) * weight(g), 0) / total
      : value(first);
  };
  const bucket = (name: (typeof BUCKETS)[number]): DelinquencyBucket => ({
    count: groups.reduce((acc, g) => acc + g.delinquency[name].count, 0),
    unpaidPrincipal: cents(groups.reduce((acc, g) => acc + g.delinquency[name].unpaidPrincipal, 0)),
    statedPrincipal: cents(groups.reduce((acc, g) => acc + g.delinquency[name].statedPrincipal, 0)),
  });
  const delinquency = {
    ...(Object.fromEntries(BUCKETS.map((name) => [name, bucket(name)])) as Record<
      (typeof BUCKETS)[number],
      DelinquencyBucket
    >),
    reoBookValue: cents(groups.reduce((acc, g) => acc + g.delinquency.reoBookValue, 0)),
  };
  return {
    ...amounts,
    beginningLoanCount: groups.reduce((acc, g) => acc + g.beginningLoanCount, 0),
    endingLoanCount: groups.reduce((acc, g) => acc + g.endingLoanCount, 0),
    weightedAverageRate: weighted(
      (g) => g.weightedAverageRate,
      (g) => g.beginningPoolBalance,
    ),
    weightedAverageRemainingTerm: weighted(
      (g) => g.weightedAverageRemainingTerm,
      (g) => g.endingPoolBalance,
    ),
    delinquency,
  };
}

/**
 * A period's figures with no loan and no amount (a group whose loans are all gone), at the
 * given weighted average rate.
 */
export function noCollections(weightedAverageRate: number): GroupCollections {
  const amounts = Object.fromEntries(PERIOD_AMOUNTS.map((field) => [field, cents(0)])) as Pick<
    GroupCollections,
    (typeof PERIOD_AMOUNTS)[number]
  >;
  return {
    ...amounts,
    beginningLoanCount: 0,
    endingLoanCount: 0,
    weightedAverageRate,
    weightedAverageRemainingTerm: 0,
    delinquency: NO_DELINQUENCY,
  };
}
