/** Display formats. Money arrives from the API as integer cents. */

const withCents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 30657350 -> "306,573.50" */
export function money(cents: number): string {
  return withCents.format(cents / 100);
}

/** 397299579 -> "3,972,996" */
export function dollars(cents: number): string {
  return whole.format(Math.round(cents / 100));
}

/** Cents -> millions of dollars for chart axes: 16023110503 -> 160.23 */
export function millions(cents: number): number {
  return Math.round(cents / 1e6) / 100;
}

/** 0.19065 -> "19.065%" */
export function pct(rate: number | null | undefined, decimals = 3): string {
  return rate === null || rate === undefined ? 'n/a' : `${(rate * 100).toFixed(decimals)}%`;
}

/** A decimal rate as percent points, rounded for charts: 0.0222 -> 2.22 */
export function points(rate: number, decimals = 3): number {
  return Number((rate * 100).toFixed(decimals));
}

export function factor(value: number): string {
  return value.toFixed(6);
}

/** "2002-04-25" -> "Apr 02" for chart axes. */
export function monthLabel(date: string): string {
  const [year, month] = date.split('-');
  const names = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return `${names[Number(month) - 1] ?? month} ${year?.slice(2) ?? ''}`;
}
