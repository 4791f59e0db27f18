import { parts, type PlainDate } from '../money/plainDate.ts';

/** Whole months from `a` to `b` by calendar month, ignoring the day (2002-03-01 -> 2032-02-01: 359). */
export function monthsBetween(a: PlainDate, b: PlainDate): number {
  const x = parts(a);
  const y = parts(b);
  return (y.year - x.year) * 12 + (y.month - x.month);
}
