import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { accrue } from '../money/rate.ts';
import { indexTableFor, resolveDeal } from './builtIn.ts';
import { determineIndexRate } from './indexRates.ts';
import { accrualPeriod, distributionDate, distributionNumberOf } from './schedule.ts';
import type { FloatingClass } from './deal.ts';
import { DISTRIBUTION_DATES_2002 } from '../../test/support/dates2002.ts';

const deal = resolveDeal('nchet-2002-1');

describe('distribution schedule of 2002-1', () => {
  it('gives the dates of the 2002 8-K reports listed in the 10-K', () => {
    const dates = Array.from({ length: 10 }, (_, i) => distributionDate(deal, i + 1));
    expect(dates).toEqual([...DISTRIBUTION_DATES_2002]);
  });
  it('numbers dates and refuses dates that are not distribution dates', () => {
    expect(distributionNumberOf(deal, distributionDate(deal, 2))).toBe(2);
    expect(() => distributionNumberOf(deal, '2002-05-25' as never)).toThrow(
      /not a distribution date/,
    );
  });
  it('accrues from the closing date, then from each distribution date', () => {
    expect(accrualPeriod(deal, 1)).toEqual({ start: '2002-02-26', end: '2002-03-25', days: 27 });
    expect(accrualPeriod(deal, 2).days).toBe(31);
    expect(accrualPeriod(deal, 3).days).toBe(33);
    expect(accrualPeriod(deal, 6).days).toBe(32);
  });
});

describe('1-month LIBOR determination', () => {
  const table = indexTableFor(deal);
  it('fixes two London business days before the period starts', () => {
    expect(determineIndexRate(table, '2002-03-25' as never, 2)).toEqual({
      rate: 0.019,
      determinationDate: '2002-03-21',
    });
    expect(determineIndexRate(table, '2002-11-25' as never, 2)).toEqual({
      rate: 0.0138,
      determinationDate: '2002-11-21',
    });
    expect(determineIndexRate(table, '2002-12-26' as never, 2)).toEqual({
      rate: 0.0142,
      determinationDate: '2002-12-23',
    });
  });
  it('skips London holidays marked "." in the data', () => {
    // 2002-12-26 and 12-25 are London holidays: from 2002-12-27, two business days back is 12-23.
    expect(determineIndexRate(table, '2002-12-27' as never, 2).determinationDate).toBe(
      '2002-12-23',
    );
  });
  it('names the range when a fixing is outside the table', () => {
    expect(() => determineIndexRate(table, '2006-01-25' as never, 2)).toThrow(/no fixing/);
  });
  it('gives the 10-K 2002 interest of M-1..M-4 (balances constant all year)', () => {
    const expected: Record<string, number> = {
      'M-1': 27106865,
      'M-2': 30709551,
      'M-3': 30129694,
      'M-4': 1733526,
    };
    for (const c of deal.interestBearingClasses.filter((k): k is FloatingClass =>
      k.name.startsWith('M'),
    )) {
      let total = 0;
      for (let n = 1; n <= 10; n += 1) {
        const period = accrualPeriod(deal, n);
        const { rate } = determineIndexRate(table, period.start, 2);
        total += accrue(cents(c.originalBalance), rate + c.margin, period.days, 360);
      }
      expect(total).toBe(expected[c.name]);
    }
  });
});
