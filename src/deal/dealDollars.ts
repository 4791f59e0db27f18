import { cents, parseDollars, type Cents } from '../money/cents.ts';

/**
 * A deal file's dollar amount ("160901000.00" or a number) in cents: a number is rounded to the
 * cent, text is read exactly (parseDollars, which refuses what is not dollars and cents).
 */
export function dealDollars(value: number | string): Cents {
  return typeof value === 'number' ? cents(Math.round(value * 100)) : parseDollars(value);
}
