import type { Cents } from '../money/cents.ts';

/**
 * Formatting of the filings' figures. Amounts are integer cents until here: the statement
 * prints some sections with cents ("160,369,748.35") and others in whole dollars ("3,972,996",
 * the April 2002 Required Overcollateralized Amount 3,972,995.79), rounded half up only here.
 */

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 16036974835 -> "160,369,748.35". */
export function dollarsAndCents(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** Cents rounded half up to whole dollars: 397299579 -> "3,972,996"; 94298071 -> "942,981". */
export function wholeDollars(amount: Cents): string {
  const abs = Math.abs(amount);
  const dollars = Math.floor((abs + 50) / 100);
  return `${amount < 0 && dollars > 0 ? '-' : ''}${group(String(dollars))}`;
}

/** Cents as a plain decimal dollar amount for machine formats: 30657350 -> "306573.50". */
export function plainDollars(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

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
