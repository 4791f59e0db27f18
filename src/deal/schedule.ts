import { TrusteeError } from '../errors/catalogue.ts';
import { nextBusinessDay, usBankingCalendar } from '../money/calendar.ts';
import { actualDays } from '../money/dayCount.ts';
import { addMonths, fromParts, parts, type PlainDate } from '../money/plainDate.ts';
import type { Deal } from './deal.ts';

/**
 * The n-th distribution date (n >= 1): the deal's distribution day of the month, n - 1 months
 * after the first, or the next US business day. 2002: Mar 25, Apr 25, May 28, Jun 25, Jul 25,
 * Aug 26, Sep 25, Oct 25, Nov 25, Dec 26 (the 8-K dates of the 10-K).
 */
export function distributionDate(deal: Deal, n: number): PlainDate {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`distribution number must be >= 1, got ${n}`);
  // Projections ask for the same dates millions of times: each deal's schedule is computed once.
  let dates = scheduleCache.get(deal);
  if (!dates) {
    dates = [];
    scheduleCache.set(deal, dates);
  }
  return (dates[n] ??= computeDistributionDate(deal, n));
}

const scheduleCache = new WeakMap<Deal, PlainDate[]>();

function computeDistributionDate(deal: Deal, n: number): PlainDate {
  const first = parts(deal.firstDistributionDate);
  const month = addMonths(fromParts(first.year, first.month, 1), n - 1);
  const { year, month: m } = parts(month);
  return nextBusinessDay(fromParts(year, m, deal.distributionDay), usBankingCalendar);
}

/** The distribution number of a date, or an error naming the nearest scheduled date. */
export function distributionNumberOf(deal: Deal, date: PlainDate): number {
  const first = parts(deal.firstDistributionDate);
  const d = parts(date);
  const n = (d.year - first.year) * 12 + (d.month - first.month) + 1;
  if (n >= 1 && distributionDate(deal, n) === date) return n;
  // The scheduled dates around it: the month's own (its 25th or the next business day) and
  // the one after, or the first distribution date for a date before it.
  const around =
    n >= 1
      ? [distributionDate(deal, n), distributionDate(deal, n + 1)].join(' or ')
      : deal.firstDistributionDate;
  throw new TrusteeError(
    'NOT_A_DISTRIBUTION_DATE',
    `${deal.id}: ${date} is not a distribution date`,
    [
      {
        field: 'date',
        message: `no distribution on ${date}`,
        expected: `a distribution date such as ${around}`,
        got: date,
      },
    ],
  );
}

/**
 * The accrual period of distribution n: from the previous distribution date (the closing date
 * for the first) to the day before distribution n, counted actual days.
 */
export function accrualPeriod(deal: Deal, n: number): AccrualPeriod {
  let periods = accrualCache.get(deal);
  if (!periods) {
    periods = [];
    accrualCache.set(deal, periods);
  }
  return (periods[n] ??= computeAccrualPeriod(deal, n));
}

export interface AccrualPeriod {
  readonly start: PlainDate;
  readonly end: PlainDate;
  readonly days: number;
}

const accrualCache = new WeakMap<Deal, AccrualPeriod[]>();

function computeAccrualPeriod(deal: Deal, n: number): AccrualPeriod {
  const start = n === 1 ? deal.closingDate : distributionDate(deal, n - 1);
  const end = distributionDate(deal, n);
  return { start, end, days: actualDays(start, end) };
}
