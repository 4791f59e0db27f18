import { describe, expect, it } from 'vitest';
import {
  businessDaysBefore,
  nextBusinessDay,
  usBankingCalendar,
  usFederalHolidays,
} from './calendar.ts';
import { actualDays, days30360 } from './dayCount.ts';
import { addMonths, dayOfWeek, formatDdMonYy, formatMmDdYy, plainDate } from './plainDate.ts';

const d = plainDate;

describe('plain dates', () => {
  it('rejects non-dates', () => {
    expect(() => d('2002-02-30')).toThrow(/not a calendar date/);
    expect(() => d('2002-2-3')).toThrow(/YYYY-MM-DD/);
    expect(d('2004-02-29')).toBe('2004-02-29');
  });
  it('adds months clamping to month end, across leap years', () => {
    expect(addMonths(d('2002-01-31'), 1)).toBe('2002-02-28');
    expect(addMonths(d('2004-01-31'), 1)).toBe('2004-02-29');
    expect(addMonths(d('2002-12-25'), 1)).toBe('2003-01-25');
  });
  it('knows weekdays and formats as the filings do', () => {
    expect(dayOfWeek(d('2002-05-25'))).toBe(6);
    expect(formatMmDdYy(d('2002-04-25'))).toBe('04/25/02');
    expect(formatDdMonYy(d('2002-04-25'))).toBe('25-Apr-02');
  });
});

describe('day counts', () => {
  it('counts actual days of the 2002 accrual periods', () => {
    expect(actualDays(d('2002-02-26'), d('2002-03-25'))).toBe(27);
    expect(actualDays(d('2002-03-25'), d('2002-04-25'))).toBe(31);
    expect(actualDays(d('2002-04-25'), d('2002-05-28'))).toBe(33);
    expect(actualDays(d('2004-02-25'), d('2004-03-25'))).toBe(29);
  });
  it('counts 30/360', () => {
    expect(days30360(d('2002-01-31'), d('2002-02-28'))).toBe(28);
    expect(days30360(d('2002-01-30'), d('2002-03-31'))).toBe(60);
    expect(days30360(d('2002-03-25'), d('2002-04-25'))).toBe(30);
  });
});

describe('US banking calendar', () => {
  it('lists the 2002 federal holidays', () => {
    const h = usFederalHolidays(2002);
    for (const day of [
      '2002-01-01',
      '2002-01-21',
      '2002-02-18',
      '2002-05-27',
      '2002-07-04',
      '2002-09-02',
      '2002-10-14',
      '2002-11-11',
      '2002-11-28',
      '2002-12-25',
    ]) {
      expect(h.has(d(day))).toBe(true);
    }
  });
  it('observes weekend holidays on the nearest weekday', () => {
    expect(usFederalHolidays(2004).has(d('2004-12-24'))).toBe(true); // Christmas on Saturday
    expect(usBankingCalendar.isBusinessDay(d('2004-12-31'))).toBe(false); // New Year 2005 on Saturday
    expect(usFederalHolidays(2005).has(d('2005-07-04'))).toBe(true);
  });
  it('rolls to the next business day', () => {
    expect(nextBusinessDay(d('2002-05-25'), usBankingCalendar)).toBe('2002-05-28');
    expect(nextBusinessDay(d('2002-12-25'), usBankingCalendar)).toBe('2002-12-26');
    expect(nextBusinessDay(d('2002-04-25'), usBankingCalendar)).toBe('2002-04-25');
  });
  it('counts business days back', () => {
    expect(businessDaysBefore(d('2002-03-25'), 2, usBankingCalendar)).toBe('2002-03-21');
  });
});
