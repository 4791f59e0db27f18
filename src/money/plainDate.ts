/**
 * A calendar date with no time or zone, as an ISO string "YYYY-MM-DD" (branded). Distribution
 * dates, cut-off and accrual boundaries are calendar facts; JS `Date` with its zones and silent
 * `Invalid Date` never enters the domain. Internally dates convert to a count of days since
 * 1970-01-01 for arithmetic.
 */
export type PlainDate = string & { readonly __brand: 'PlainDate' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function plainDate(text: string): PlainDate {
  const match = ISO.exec(text);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${text}" is not a calendar date`);
  }
  return text as PlainDate;
}

export function isPlainDate(text: string): boolean {
  try {
    plainDate(text);
    return true;
  } catch {
    return false;
  }
}

export function parts(date: PlainDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function fromParts(year: number, month: number, day: number): PlainDate {
  return plainDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

// Dates already counted: a projection asks for the same few hundred dates again and again
// (each class's WAL counts its dates), and reading the text is most of the work.
const epochDays = new Map<PlainDate, number>();

/** Days since 1970-01-01 (proleptic Gregorian), for arithmetic only. */
export function epochDay(date: PlainDate): number {
  let days = epochDays.get(date);
  if (days === undefined) {
    const { year, month, day } = parts(date);
    days = Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
    if (epochDays.size < 100_000) epochDays.set(date, days);
  }
  return days;
}

export function fromEpochDay(days: number): PlainDate {
  const d = new Date(days * 86_400_000);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Adds whole months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

export function compare(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Formats as the filings do: "04/25/02". */
export function formatMmDdYy(date: PlainDate): string {
  const { year, month, day } = parts(date);
  return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "25-Apr-02", as the 8-K cover prints it. */
export function formatDdMonYy(date: PlainDate): string {
  const { year, month, day } = parts(date);
  return `${day}-${MONTHS[month - 1]}-${String(year % 100).padStart(2, '0')}`;
}

/** "4/25/02", as the statement's "BALANCES AS OF" prints it. */
export function formatShort(date: PlainDate): string {
  const { year, month, day } = parts(date);
  return `${month}/${day}/${String(year % 100).padStart(2, '0')}`;
}

/** "April 25, 2002". */
export function formatLong(date: PlainDate): string {
  const { year, month, day } = parts(date);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}
