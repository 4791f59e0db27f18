import { epochDay, parts, type PlainDate } from './plainDate.ts';

/**
 * Day-count conventions: floating certificates and swap floating legs accrue actual/360; fixed
 * and interest-only classes, fees and fixed swap legs 30/360; some loans and non-US deals
 * actual/365 fixed.
 */
export type DayCount = 'ACT/360' | '30/360' | 'ACT/365F';

/** Actual days from `start` (inclusive) to `end` (exclusive). */
export function actualDays(start: PlainDate, end: PlainDate): number {
  return epochDay(end) - epochDay(start);
}

/** 30/360 (US bond basis) days from start to end. */
export function days30360(start: PlainDate, end: PlainDate): number {
  const s = parts(start);
  const e = parts(end);
  const d1 = Math.min(s.day, 30);
  const d2 = e.day === 31 && d1 === 30 ? 30 : e.day;
  return (e.year - s.year) * 360 + (e.month - s.month) * 30 + (d2 - d1);
}

/** The accrual fraction's numerator and denominator under a convention. */
export function accrualDays(
  convention: DayCount,
  start: PlainDate,
  end: PlainDate,
): { days: number; basis: number } {
  switch (convention) {
    case 'ACT/360':
      return { days: actualDays(start, end), basis: 360 };
    case '30/360':
      return { days: days30360(start, end), basis: 360 };
    case 'ACT/365F':
      return { days: actualDays(start, end), basis: 365 };
  }
}

/**
 * One distribution period's accrual under a convention, the period being a month: 30/360 counts
 * 30 days of 360, actual/360 and actual/365 fixed the accrual period's actual days.
 */
export function periodAccrual(
  convention: DayCount,
  actualDaysInPeriod: number,
): { days: number; basis: number } {
  switch (convention) {
    case '30/360':
      return { days: 30, basis: 360 };
    case 'ACT/360':
      return { days: actualDaysInPeriod, basis: 360 };
    case 'ACT/365F':
      return { days: actualDaysInPeriod, basis: 365 };
  }
}
