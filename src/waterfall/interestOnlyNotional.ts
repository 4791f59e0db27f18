import type { InterestOnlyClass } from '../deal/deal.ts';
import { cents, min, type Cents } from '../money/cents.ts';
import { notionalFor } from './scheduleEntry.ts';
import type { DealState } from './types.ts';

/**
 * An interest-only class's notional balance for distribution `n`, from the trust as it stood
 * before it: the schedule's amount from or before `n` (at most the pool's balance with
 * `atMostPool`), or the sum of the named classes' balances. E.g. A-IO's notional 48,272,000.00
 * for distributions 1-12, then lower, zero after month 30.
 */
export function interestOnlyNotional(
  io: InterestOnlyClass,
  n: number,
  classes: DealState['classes'],
  poolBalance: Cents,
): Cents {
  if ('classes' in io.notional) {
    return cents(io.notional.classes.reduce((acc, name) => acc + (classes[name]?.balance ?? 0), 0));
  }
  const amount = notionalFor(io.notional.schedule, n);
  return io.notional.atMostPool ? min(amount, poolBalance) : amount;
}
