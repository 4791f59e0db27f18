import { group } from '../money/formatCents.ts';

export { dollarsAndCents, plainDollars, wholeDollars } from '../money/formatCents.ts';

/**
 * Formatting of the filings' figures. Amounts are integer cents until here: the statement
 * prints some sections with cents ("160,369,748.35") and others in whole dollars ("3,972,996",
 * the April 2002 Required Overcollateralized Amount 3,972,995.79), rounded half up only here.
 */

/** A count with thousands separators: 1234 -> "1,234". */
export function count(value: number): string {
  return group(String(value));
}

/** A ratio already rounded to `decimals` (see `fixedRatio`), printed with exactly that many. */
export function decimal(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** A decimal rate as a percentage: 0.0222 -> "2.22000%" (5 decimals), 0.19065 -> "19.065%". */
export function percent(rate: number, decimals: number): string {
  return `${(rate * 100).toFixed(decimals)}%`;
}

export function yesNo(flag: boolean): string {
  return flag ? 'YES' : 'NO';
}
