import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TrusteeError } from '../errors/catalogue.ts';
import {
  businessDaysBefore,
  listedHolidayCalendar,
  type BusinessCalendar,
} from '../money/calendar.ts';
import { compare, isPlainDate, plainDate, type PlainDate } from '../money/plainDate.ts';

/**
 * A table of daily index fixings (1-month LIBOR, or a SOFR-style term rate): the rate fixed on
 * each business day of the index's own calendar. Days listed with "." (FRED's mark for no
 * fixing) are that calendar's holidays; weekends are never business days.
 */
export interface IndexRateTable {
  readonly name: string;
  readonly calendar: BusinessCalendar;
  readonly first: PlainDate;
  readonly last: PlainDate;
  /** The fixing on a date (a decimal rate), or undefined if none. */
  fixing(date: PlainDate): number | undefined;
  /** The fixings and holidays the table was made of, as plain data (they travel to workers). */
  readonly data: IndexFixings;
}

/** An index table as plain data: `indexRateTable(d.name, new Map(d.fixings), d.holidays)`. */
export interface IndexFixings {
  readonly name: string;
  readonly fixings: readonly (readonly [PlainDate, number])[];
  readonly holidays: readonly PlainDate[];
}

export function indexRateTable(
  name: string,
  fixings: ReadonlyMap<PlainDate, number>,
  holidays: Iterable<PlainDate>,
): IndexRateTable {
  const dates = [...fixings.keys()].sort(compare);
  if (dates.length === 0)
    throw new TrusteeError('NO_INDEX_RATE', `${name}: the table has no fixings`);
  const listed = [...holidays];
  return {
    name,
    calendar: listedHolidayCalendar(name, listed),
    first: dates[0]!,
    last: dates[dates.length - 1]!,
    fixing: (date) => fixings.get(date),
    data: { name, fixings: dates.map((d) => [d, fixings.get(d)!] as const), holidays: listed },
  };
}

/** The table again from its plain data (a queue's worker, from the grid's context). */
export function indexTableFromData(data: IndexFixings): IndexRateTable {
  return indexRateTable(data.name, new Map(data.fixings), data.holidays);
}

/**
 * Reads a FRED-style CSV (DATE,VALUE in percent; "." for no fixing). Errors name the row.
 */
export function readIndexRateCsv(path: string, name = path): IndexRateTable {
  const text = readFileSync(path, 'utf8');
  const rows = parse(text, { skip_empty_lines: true }) as string[][];
  const fixings = new Map<PlainDate, number>();
  const holidays: PlainDate[] = [];
  rows.slice(1).forEach((row, i) => {
    const [dateText = '', valueText = ''] = row;
    const where = { file: path, row: i + 2 };
    if (!isPlainDate(dateText)) {
      throw new TrusteeError('INVALID_INPUT', `${path}: bad date`, [
        { ...where, field: 'DATE', message: 'not a date', expected: 'YYYY-MM-DD', got: dateText },
      ]);
    }
    const date = plainDate(dateText);
    if (valueText.trim() === '.') {
      holidays.push(date);
      return;
    }
    const percent = Number(valueText);
    if (valueText.trim() === '' || !Number.isFinite(percent) || percent < -5 || percent > 50) {
      throw new TrusteeError('INVALID_INPUT', `${path}: bad fixing`, [
        {
          ...where,
          field: 'VALUE',
          message: 'not a rate',
          expected: 'a rate in percent or "."',
          got: valueText,
        },
      ]);
    }
    // Percent with up to 5 decimals -> decimal rate, kept exact by rounding to 1e-10.
    fixings.set(date, Math.round(percent * 1e8) / 1e10);
  });
  return indexRateTable(name, fixings, holidays);
}

/**
 * The determination rule: the index is fixed `businessDaysBefore` business days (of the index's
 * calendar) before the accrual period starts. For 2002-1, 1-month LIBOR two London business days
 * before: 2002-03-21 (1.90%) for the April 2002 period starting 2002-03-25.
 */
export function determineIndexRate(
  table: IndexRateTable,
  periodStart: PlainDate,
  businessDays: number,
): { rate: number; determinationDate: PlainDate } {
  const determinationDate =
    businessDays === 0
      ? periodStart
      : businessDaysBefore(periodStart, businessDays, table.calendar);
  const rate = table.fixing(determinationDate);
  if (rate === undefined) {
    const inRange =
      compare(determinationDate, table.first) >= 0 && compare(determinationDate, table.last) <= 0;
    throw new TrusteeError('NO_INDEX_RATE', `${table.name}: no fixing for ${determinationDate}`, [
      {
        field: 'determinationDate',
        message: inRange
          ? `no fixing on ${determinationDate}, a business day of the index calendar`
          : `the table covers ${table.first} to ${table.last}`,
        expected: `a fixing for the period starting ${periodStart}`,
        got: determinationDate,
      },
    ]);
  }
  return { rate, determinationDate };
}
