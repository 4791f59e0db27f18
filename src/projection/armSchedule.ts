import { resetRate } from '../collateral/armReset.ts';
import type { ArmTerms } from '../collateral/loan.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { LoanArrays } from './loanArrays.ts';

/**
 * The adjustable-rate loans' rate changes under one path of the loans' index: for each change,
 * the new note rate and the annuity factor that turns the balance into the new level payment.
 * A loan's rates do not depend on prepayments or defaults, only on its terms and the index, so
 * every scenario with the same index path (most of a grid) reuses one schedule, and the hot
 * loop's rate change is two loads instead of a rounding, four caps and a power.
 */
export interface ArmSchedule {
  readonly loans: LoanArrays;
  /** The index path the schedule was made for (a copy). */
  readonly path: Float64Array;
  /** Index of each loan's first change in `rates`/`factors` (ARM rows only). */
  readonly start: Float64Array;
  readonly rates: Float64Array;
  readonly factors: Float64Array;
}

/** Payment per unit of balance that repays it over `months` at the annual `rate`. */
export function annuityFactor(rate: number, months: number): number {
  const m = rate / 12;
  if (months <= 0) return 1;
  return m === 0 ? 1 / months : m / (1 - Math.pow(1 + m, -months));
}

/** A row's adjustable-rate terms in the collateral layer's form (caps as they stand now). */
function armTerms(a: LoanArrays, i: number): ArmTerms {
  return {
    index: 'loans index',
    margin: a.margin[i]!,
    firstCap: a.initialCap[i]!,
    periodicCap: a.periodicCap[i]!,
    lifeCap: a.maxRate[i]!,
    lifeFloor: a.minRate[i]!,
    firstResetDate: '' as PlainDate,
    nextResetDate: '' as PlainDate,
    resetFrequency: a.resetPeriod[i]!,
    rounding: a.rounding[i]!,
  };
}

function samePath(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let t = 0; t < a.length; t++) if (a[t] !== b[t]) return false;
  return true;
}

/** Where a schedule's rates and factors go: new arrays of `size`, or the loop kernel's. */
export type ScheduleArrays = (size: number) => { rates: Float64Array; factors: Float64Array };

const newArrays: ScheduleArrays = (size) => ({
  rates: new Float64Array(size),
  factors: new Float64Array(size),
});

/**
 * The schedule for these loans and index path: `cached` if it is the one, else a new one,
 * written into `cached`'s arrays when they are large enough, else into `arrays(size)`.
 */
export function armScheduleFor(
  a: LoanArrays,
  loanIndex: Float64Array,
  cached: ArmSchedule | undefined,
  arrays: ScheduleArrays = newArrays,
): ArmSchedule {
  if (cached && cached.loans === a && samePath(cached.path, loanIndex)) return cached;
  let size = 0;
  for (let i = a.fixedCount; i < a.count; i++) {
    const first = a.monthsToReset[i]!;
    const period = a.resetPeriod[i]!;
    const last = a.remainingTerm[i]!;
    if (first >= 1 && first <= last && period > 0) size += Math.floor((last - first) / period) + 1;
  }
  const start = cached && cached.start.length >= a.count ? cached.start : new Float64Array(a.count);
  const { rates, factors } = cached && cached.rates.length >= size ? cached : arrays(size);
  let k = 0;
  for (let i = a.fixedCount; i < a.count; i++) {
    start[i] = k;
    const period = a.resetPeriod[i]!;
    const last = a.remainingTerm[i]!;
    let rate = a.rate[i]!;
    // The collateral layer's rule (collateral/armReset.ts): index + margin rounded, within the
    // first or periodic cap, the lifetime floor and ceiling.
    const terms = armTerms(a, i);
    let first = true;
    for (let t = a.monthsToReset[i]!; t >= 1 && t <= last && period > 0; t += period) {
      const index = loanIndex[Math.min(t, loanIndex.length - 1)]!;
      rate = resetRate(terms, rate, index, first);
      first = false;
      rates[k] = rate;
      // Months left at the change: the installments from t to maturity, plus a balloon's.
      factors[k] = annuityFactor(rate, last - t + 1 + a.amortizationExtra[i]!);
      k += 1;
    }
  }
  return { loans: a, path: Float64Array.from(loanIndex), start, rates, factors };
}

/**
 * The months the adjustable-rate rows' rates change, month by month: month t's rows are
 * `rows[first[t]]` up to `rows[first[t + 1]]`, in row order. A row's next change is its
 * monthsToReset, then resetPeriod months after each change (the loop's rule, the kernel's
 * resetRate): a whole month from 1 to `months`. The loop changes these rows' rates before the
 * month's kernel pass, where looking at every ARM row every month cost a mispredicted branch
 * for each change. It depends on the loans only, so a grid's scenarios share it.
 */
export interface ResetCalendar {
  readonly loans: LoanArrays;
  readonly months: number;
  readonly first: Int32Array;
  readonly rows: Int32Array;
}

/** Calls `visit(t, i)` for each month t (1..months) in which ARM row i's rate changes. */
function eachChange(a: LoanArrays, months: number, visit: (t: number, i: number) => void): void {
  for (let i = a.fixedCount; i < a.count; i++) {
    let t = a.monthsToReset[i]!;
    while (Number.isInteger(t) && t >= 1 && t <= months) {
      visit(t, i);
      const next = t + a.resetPeriod[i]!;
      // A period that is not positive changes the rate once (the next change is never reached).
      if (!(next > t)) break;
      t = next;
    }
  }
}

/** The calendar of these loans' rate changes for months 1..months: `cached` if it is the one. */
export function resetCalendarFor(
  a: LoanArrays,
  months: number,
  cached: ResetCalendar | undefined,
): ResetCalendar {
  if (cached && cached.loans === a && cached.months >= months) return cached;
  const first = new Int32Array(months + 2);
  eachChange(a, months, (t) => (first[t + 1]! += 1));
  for (let t = 1; t <= months + 1; t++) first[t]! += first[t - 1]!;
  const rows = new Int32Array(first[months + 1]!);
  const filled = first.slice();
  eachChange(a, months, (t, i) => (rows[filled[t]!++] = i));
  return { loans: a, months, first, rows };
}

/**
 * A schedule's new rates and annuity factors in the calendar's order (month by month, row by
 * row), with the calendar's rows, so that a month's changes read them one after another: in
 * the schedule each row's changes follow each other, and a month's changes are far apart. A
 * row's m-th change in the calendar takes the schedule's entry start + m, where the kernel's
 * pointer would be.
 */
export interface ScheduleByMonth {
  readonly schedule: ArmSchedule;
  readonly calendar: ResetCalendar;
  readonly rows: Int32Array;
  readonly rates: Float64Array;
  readonly factors: Float64Array;
}

/** Arrays (the kernel's) to write a ScheduleByMonth into: at least the calendar's size. */
export interface ScheduleByMonthArrays {
  readonly rows: Int32Array;
  readonly rates: Float64Array;
  readonly factors: Float64Array;
}

/**
 * The schedule (its rates and factors as read now: `source`) in the calendar's order, written
 * into `into`: `cached` if it is the one, already there.
 */
export function scheduleByMonthFor(
  schedule: ArmSchedule,
  calendar: ResetCalendar,
  source: { readonly rates: Float64Array; readonly factors: Float64Array },
  into: ScheduleByMonthArrays,
  cached: ScheduleByMonth | undefined,
): ScheduleByMonth {
  if (
    cached &&
    cached.schedule === schedule &&
    cached.calendar === calendar &&
    cached.rates === into.rates
  ) {
    return cached;
  }
  const changes = new Int32Array(schedule.loans.count);
  for (let j = 0; j < calendar.rows.length; j++) {
    const i = calendar.rows[j]!;
    const k = schedule.start[i]! + changes[i]!++;
    into.rows[j] = i;
    into.rates[j] = source.rates[k]!;
    into.factors[j] = source.factors[k]!;
  }
  return { schedule, calendar, ...into };
}
