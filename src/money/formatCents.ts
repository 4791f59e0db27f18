import type { Cents } from './cents.ts';

/**
 * Cents written as dollars, for every layer that writes an amount (input files, reports). The
 * filings' other formats (whole dollars, percentages) are in reports/format.ts.
 */

export function group(digits: string): string {
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
