import { addDays, dayOfWeek, daysInMonth, fromParts, parts, type PlainDate } from './plainDate.ts';

/** A business-day calendar: a date is a business day unless it is a weekend or a holiday. */
export interface BusinessCalendar {
  readonly name: string;
  isBusinessDay(date: PlainDate): boolean;
}

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): PlainDate {
  if (n > 0) {
    const first = fromParts(year, month, 1);
    const offset = (weekday - dayOfWeek(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = fromParts(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** A fixed-date holiday moved to Friday when on Saturday, Monday when on Sunday. */
function observed(date: PlainDate): PlainDate {
  const weekday = dayOfWeek(date);
  return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date;
}

/**
 * US federal (Federal Reserve) holidays of a year: the days the banks that make distributions
 * are closed. Checked against the 2002 distribution dates of the 10-K (May 28: Memorial Day
 * follows a weekend; Dec 26: Christmas).
 */
export function usFederalHolidays(year: number): Set<PlainDate> {
  const holidays = [
    observed(fromParts(year, 1, 1)),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(fromParts(year, 7, 4)),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(fromParts(year, 11, 11)), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    observed(fromParts(year, 12, 25)),
  ];
  if (year >= 2021) holidays.push(observed(fromParts(year, 6, 19))); // Juneteenth
  return new Set(holidays);
}

const usHolidayCache = new Map<number, Set<PlainDate>>();

export const usBankingCalendar: BusinessCalendar = {
  name: 'US',
  isBusinessDay(date: PlainDate): boolean {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return false;
    const { year } = parts(date);
    let holidays = usHolidayCache.get(year);
    if (!holidays) {
      holidays = usFederalHolidays(year);
      // New Year's Day of next year observed on Dec 31 of this one.
      for (const h of usFederalHolidays(year + 1)) if (h.startsWith(String(year))) holidays.add(h);
      usHolidayCache.set(year, holidays);
    }
    return !holidays.has(date);
  },
};

/** A calendar whose holidays are listed (e.g. London days with no LIBOR fixing). */
export function listedHolidayCalendar(
  name: string,
  holidays: Iterable<PlainDate>,
): BusinessCalendar {
  const set = new Set(holidays);
  return {
    name,
    isBusinessDay(date: PlainDate): boolean {
      const weekday = dayOfWeek(date);
      return weekday !== 0 && weekday !== 6 && !set.has(date);
    },
  };
}

/** The date itself if a business day, else the next business day ("following"). */
export function nextBusinessDay(date: PlainDate, calendar: BusinessCalendar): PlainDate {
  let current = date;
  while (!calendar.isBusinessDay(current)) current = addDays(current, 1);
  return current;
}

/** The n-th business day before `date` (n >= 1). */
export function businessDaysBefore(
  date: PlainDate,
  n: number,
  calendar: BusinessCalendar,
): PlainDate {
  let current = date;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, -1);
    if (calendar.isBusinessDay(current)) counted += 1;
  }
  return current;
}
