import type { NotionalSchedule } from '../deal/deal.ts';
import { ZERO, type Cents } from '../money/cents.ts';

/**
 * The entry of a schedule by distribution number in force for distribution `n`: the last one
 * starting at or before it (entries in order of `fromDistribution`), or undefined before the
 * first. Notionals, NAS Percentages and cumulative loss limits are such schedules.
 */
export function scheduleEntry<S extends { readonly fromDistribution: number }>(
  schedule: readonly S[],
  n: number,
): S | undefined {
  for (let k = schedule.length - 1; k >= 0; k--) {
    if (schedule[k]!.fromDistribution <= n) return schedule[k];
  }
  return undefined;
}

/** The notional for distribution n: the schedule's last entry from or before n (else zero). */
export function notionalFor(schedule: NotionalSchedule, n: number): Cents {
  return scheduleEntry(schedule, n)?.amount ?? ZERO;
}
