import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, plainDate } from './plainDate.ts';

describe('daysInMonth', () => {
  it('counts February by the Gregorian leap years, other months by the calendar', () => {
    expect([2001, 2004, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect([1, 4, 12].map((m) => daysInMonth(2002, m))).toEqual([31, 30, 31]);
    expect(daysInMonth(2002, 13)).toBe(0);
  });
  it('clamps a month end when adding months', () => {
    expect(addMonths(plainDate('2004-01-31'), 1)).toBe('2004-02-29');
    expect(addMonths(plainDate('2002-01-31'), 13)).toBe('2003-02-28');
  });
});
