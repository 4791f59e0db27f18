/**
 * The collateral loop's month of one kind of loan, in WebAssembly (AssemblyScript, compiled by
 * `npm run build:kernel` to collateralKernel.wasm; collateralKernel.ts loads it). Two loans at a
 * time in 128-bit SIMD lanes; the arithmetic is collateralLoop.ts's, operation for operation, and
 * the month's sums are added loan by loan in the loans' order (lane 0, then lane 1), so every
 * figure is the same double as the one-loan-at-a-time loop's.
 *
 * Per loan: defaults (MDR on the beginning balance), scheduled principal on the rest, and
 * prepayment (SMM on the balance after scheduled principal), on the expected (fractional) loan.
 * The month's ARM rate changes come first, in changeRates (their rates and payments from the
 * rate-change schedule, armSchedule.ts, in the order of the reset calendar).
 *
 * Memory is laid out by the caller (kernelMemory.ts): arrays of f64, one slot per loan row, each
 * with one spare slot after its last row (a pair that starts at the last row reads it, masked).
 */

// Where the caller put each array (byte offsets), set by `layout`.
let BALANCE: usize = 0;
let PAYMENT: usize = 0;
let RATE: usize = 0;
let NEXT_RESET: usize = 0;
let RESET_POINTER: usize = 0;
let LOANS: usize = 0;
let REMAINING_TERM: usize = 0;
let AGE: usize = 0;
let RESET_PERIOD: usize = 0;
let PENALTY_MONTHS: usize = 0;
let PENALTY_RATE: usize = 0;
let PENALTY_EXEMPT: usize = 0;
let CHANGE_ROWS: usize = 0;
let CHANGE_RATES: usize = 0;
let CHANGE_FACTORS: usize = 0;

export function layout(
  balance: usize,
  payment: usize,
  rate: usize,
  nextReset: usize,
  resetPointer: usize,
  loans: usize,
  remainingTerm: usize,
  age: usize,
  resetPeriod: usize,
  penaltyMonths: usize,
  penaltyRate: usize,
  penaltyExempt: usize,
  changeRows: usize,
  changeRates: usize,
  changeFactors: usize,
): void {
  BALANCE = balance;
  PAYMENT = payment;
  RATE = rate;
  NEXT_RESET = nextReset;
  RESET_POINTER = resetPointer;
  LOANS = loans;
  REMAINING_TERM = remainingTerm;
  AGE = age;
  RESET_PERIOD = resetPeriod;
  PENALTY_MONTHS = penaltyMonths;
  PENALTY_RATE = penaltyRate;
  PENALTY_EXEMPT = penaltyExempt;
  CHANGE_ROWS = changeRows;
  CHANGE_RATES = changeRates;
  CHANGE_FACTORS = changeFactors;
}

// Accumulator slots of one kind's month (acc[slot + k]), as in collateralLoop.ts.
const BEGIN = 0;
const DEFAULTS = 2;
const DEFAULT_INTEREST = 3;
const DEFAULT_LOANS = 4;
const INTEREST = 5;
const SCHEDULED = 6;
const PREPAID = 7;
const TERM_WEIGHTED = 9;
const LOAN_COUNT = 10;
const CHARGES = 11;
const PAID_OFF = 12;
const LOANS_BEGIN = 13;
const MONTH: f64 = 1.0 / 12.0;
// The loop's constant pairs, read from static memory: V8 builds a SIMD constant anew at each
// use (four instructions), where a value it keeps or reloads costs one at most.
const ONES = memory.data<f64>([1.0, 1.0]);
const TWELFTHS = memory.data<f64>([MONTH, MONTH]);

/** Slot k of a kind's accumulators (at `sums`). */
function sum(sums: usize, k: i32): f64 {
  return load<f64>(sums + ((<usize>k) << 3));
}
/** Sets slot k of a kind's accumulators. */
function setSum(sums: usize, k: i32, value: f64): void {
  store<f64>(sums + ((<usize>k) << 3), value);
}

/** Lane k of a mask (all ones) as a boolean. */
function lane0(mask: v128): bool {
  return i64x2.extract_lane(mask, 0) != 0;
}
function lane1(mask: v128): bool {
  return i64x2.extract_lane(mask, 1) != 0;
}

/** Slot k of a kind's accumulators with the pair's two loans added, as inOrder. */
function addInOrder(sums: usize, k: i32, pair: v128): void {
  setSum(sums, k, inOrder(sum(sums, k), pair));
}

/** A sum with the pair's two loans added, lane 0 then lane 1: the loans' order, as one at a time. */
function inOrder(sum: f64, pair: v128): f64 {
  return sum + f64x2.extract_lane(pair, 0) + f64x2.extract_lane(pair, 1);
}

/**
 * A curve's value for the pair's two loans at month t: the month's (`now`, splatted) when the
 * curve is by month (`curve` 0), else the curve at each loan's age plus t.
 */
function curvePair(curve: usize, now: v128, t: i32, age: usize): v128 {
  if (curve == 0) return now;
  const a0 = <usize>(t + <i32>load<f64>(age));
  const a1 = <usize>(t + <i32>load<f64>(age, 8));
  return f64x2.replace_lane(
    f64x2.splat(load<f64>(curve + (a0 << 3))),
    1,
    load<f64>(curve + (a1 << 3)),
  );
}

/**
 * The kinds of run (see projectRun), as type arguments: the compiler makes one copy of the
 * run for each, so the all-live runs' code has no masking in it at all, and the one for the
 * months past every prepayment-charge period (most) none of the charges' work either.
 */
class EveryLoanLive {}
class EveryLoanLiveCharging {}
class SomeLoanDone {}

/** Whether a run masks its pairs' lanes (known when compiled). */
function masked<Run>(): bool {
  return idof<Run>() == idof<SomeLoanDone>();
}

/** Whether a run may work out prepayment charges (known when compiled). */
function mayCharge<Run>(): bool {
  return idof<Run>() != idof<EveryLoanLive>();
}

/** x in the lanes of the loans with a balance, +0 in the others (in a masked run). */
function only<Run>(x: v128, live: v128): v128 {
  return masked<Run>() ? v128.and(x, live) : x;
}

/** The new value in the lanes of the loans with a balance, the old one in the others. */
function kept<Run>(next: v128, old: v128, live: v128): v128 {
  return masked<Run>() ? v128.bitselect(next, old, live) : next;
}

/**
 * The pairs from row `i` on, up to `end`, in one of two runs: EveryLoanLive (or
 * EveryLoanLiveCharging) goes on while both loans of each pair have a balance (no lane to leave
 * as it is, so no masking work; a pair with neither is skipped), SomeLoanDone while one of them
 * has none (that lane left as it is, adding +0 to the sums). Most pairs are live: loans pay
 * off at their last installment. Returns the row where the run stopped, for the other run to
 * go on from. The month's sums are carried from run to run in `sums` (the kind's accumulator
 * slots): each sum is still added loan by loan in the loans' order.
 */
function projectRun<Run>(
  sums: usize,
  i: i32,
  end: i32,
  t: i32,
  smmNow: f64,
  mdrNow: f64,
  smmCurve: usize,
  mdrCurve: usize,
  charging: bool,
): i32 {
  // The arrays' places in locals: read once a run, not once a pair.
  const balanceAt = BALANCE;
  const paymentAt = PAYMENT;
  const rateAt = RATE;
  const loansAt = LOANS;
  const termAt = REMAINING_TERM;
  const ageAt = AGE;
  const tf = <f64>t;
  const zero = f64x2.splat(0);
  const one = v128.load(ONES);
  const month = v128.load(TWELFTHS);
  const now = f64x2.splat(tf);
  const smmByMonth = f64x2.splat(smmNow);
  const mdrByMonth = f64x2.splat(mdrNow);
  // Installments left, this month's included: term - t + 1 (integers: exact either way).
  const beforeNow = f64x2.splat(tf - 1);
  const byAge = mdrCurve != 0;
  let interestDue = sum(sums, INTEREST);
  let scheduled = sum(sums, SCHEDULED);
  let prepaid = sum(sums, PREPAID);
  let termWeighted = sum(sums, TERM_WEIGHTED);
  let loans = sum(sums, LOAN_COUNT);
  let charges = sum(sums, CHARGES);
  for (; i < end; i += 2) {
    const o = (<usize>i) << 3;
    const b = v128.load(balanceAt + o);
    let live = f64x2.gt(b, zero);
    // Bit k: lane k's loan has a balance (and is in the range).
    let lanes = i64x2.bitmask(live);
    if (masked<Run>()) {
      // The row after `end` (an odd range's last pair) is left as it is too.
      if (i + 1 == end) {
        live = i64x2.replace_lane(live, 1, 0);
        lanes &= 1;
      }
      if (lanes == 3) break;
      if (lanes == 0) continue;
    } else if (lanes != 3) {
      if (lanes == 0) continue;
      break;
    }
    const r = v128.load(rateAt + o);
    const p = v128.load(paymentAt + o);
    const n = f64x2.sub(v128.load(termAt + o), beforeNow);
    const md = curvePair(mdrCurve, mdrByMonth, t, ageAt + o);
    const sm = curvePair(smmCurve, smmByMonth, t, ageAt + o);
    const keepMd = f64x2.sub(one, md);
    const keepSm = f64x2.sub(one, sm);
    const monthly = f64x2.mul(r, month);
    const d = f64x2.mul(b, md);
    const performing = f64x2.sub(b, d);
    const due = f64x2.mul(p, keepMd);
    const owed = only<Run>(f64x2.mul(b, monthly), live);
    // The last installment takes what performs; else the installment's principal, within 0..performing.
    let sp = v128.bitselect(
      performing,
      f64x2.sub(due, f64x2.mul(performing, monthly)),
      f64x2.le(n, one),
    );
    sp = v128.bitselect(performing, sp, f64x2.gt(sp, performing));
    sp = v128.bitselect(zero, sp, f64x2.lt(sp, zero));
    const after = f64x2.sub(performing, sp);
    const pp = f64x2.mul(after, sm);
    const nb = f64x2.sub(after, pp);
    const c0 = v128.load(loansAt + o);
    const gone = only<Run>(f64x2.le(nb, zero), live);
    const survivors = only<Run>(
      v128.bitselect(zero, f64x2.mul(f64x2.mul(c0, keepMd), keepSm), gone),
      live,
    );
    v128.store(balanceAt + o, kept<Run>(nb, b, live));
    v128.store(paymentAt + o, kept<Run>(f64x2.mul(due, keepSm), p, live));
    v128.store(loansAt + o, kept<Run>(survivors, c0, live));
    // The sums, loan by loan in order: a lane left as it is adds +0 (masked), changing nothing.
    interestDue = inOrder(interestDue, owed);
    if (byAge) {
      addInOrder(sums, DEFAULTS, only<Run>(d, live));
      addInOrder(sums, DEFAULT_INTEREST, only<Run>(f64x2.mul(d, monthly), live));
      addInOrder(sums, DEFAULT_LOANS, only<Run>(f64x2.mul(c0, md), live));
    }
    scheduled = inOrder(scheduled, only<Run>(sp, live));
    prepaid = inOrder(prepaid, only<Run>(pp, live));
    termWeighted = inOrder(termWeighted, only<Run>(f64x2.mul(nb, f64x2.sub(n, one)), live));
    loans = inOrder(loans, survivors);
    if (v128.any_true(gone)) {
      if (lane0(gone)) setSum(sums, PAID_OFF, sum(sums, PAID_OFF) + 1);
      if (lane1(gone)) setSum(sums, PAID_OFF, sum(sums, PAID_OFF) + 1);
    }
    if (mayCharge<Run>() && charging) {
      // Each prepaying loan pays the charge on its balance above the free amount.
      const chargeable = f64x2.sub(
        pp,
        f64x2.mul(f64x2.mul(f64x2.mul(sm, c0), keepMd), v128.load(PENALTY_EXEMPT + o)),
      );
      const owes = only<Run>(
        v128.and(f64x2.le(now, v128.load(PENALTY_MONTHS + o)), f64x2.gt(chargeable, zero)),
        live,
      );
      if (v128.any_true(owes)) {
        const charge = f64x2.mul(chargeable, v128.load(PENALTY_RATE + o));
        if (lane0(owes)) charges += f64x2.extract_lane(charge, 0);
        if (lane1(owes)) charges += f64x2.extract_lane(charge, 1);
      }
    }
  }
  setSum(sums, INTEREST, interestDue);
  setSum(sums, SCHEDULED, scheduled);
  setSum(sums, PREPAID, prepaid);
  setSum(sums, TERM_WEIGHTED, termWeighted);
  setSum(sums, LOAN_COUNT, loans);
  setSum(sums, CHARGES, charges);
  return i;
}

/**
 * One month (t) of rows from..to-1 of one kind, its sums into `acc` from `slot` (whose BEGIN
 * and LOANS_BEGIN hold the rows' performing balance and loans at the month's start).
 * `smmNow`/`mdrNow`: the month's rates of by-month curves; `smmCurve`/`mdrCurve`: the address
 * of a by-age curve, or 0. `charging`: some loan may still owe a prepayment charge.
 */
export function projectKind(
  acc: usize,
  slot: i32,
  from: i32,
  to: i32,
  t: i32,
  smmNow: f64,
  mdrNow: f64,
  smmCurve: usize,
  mdrCurve: usize,
  charging: bool,
): void {
  const sums = acc + ((<usize>slot) << 3);
  // The sums start at +0, as a loop's would; INTEREST and LOAN_COUNT carry interest due and
  // the surviving loans from run to run.
  setSum(sums, DEFAULTS, 0);
  setSum(sums, DEFAULT_INTEREST, 0);
  setSum(sums, DEFAULT_LOANS, 0);
  setSum(sums, INTEREST, 0);
  setSum(sums, SCHEDULED, 0);
  setSum(sums, PREPAID, 0);
  setSum(sums, TERM_WEIGHTED, 0);
  setSum(sums, LOAN_COUNT, 0);
  setSum(sums, CHARGES, 0);
  setSum(sums, PAID_OFF, 0);
  // Whole pairs: runs of pairs with every loan live, and of pairs with some loan not.
  const pairsEnd = from + ((to - from) & ~1);
  let i = from;
  while (i < pairsEnd) {
    // Months past every charge period run the copy without the charges' work.
    i = charging
      ? projectRun<EveryLoanLiveCharging>(
          sums,
          i,
          pairsEnd,
          t,
          smmNow,
          mdrNow,
          smmCurve,
          mdrCurve,
          true,
        )
      : projectRun<EveryLoanLive>(sums, i, pairsEnd, t, smmNow, mdrNow, smmCurve, mdrCurve, false);
    if (i < pairsEnd) {
      i = projectRun<SomeLoanDone>(
        sums,
        i,
        pairsEnd,
        t,
        smmNow,
        mdrNow,
        smmCurve,
        mdrCurve,
        charging,
      );
    }
  }
  // An odd range's last row, alone in its pair.
  if (i < to)
    projectRun<SomeLoanDone>(sums, i, to, t, smmNow, mdrNow, smmCurve, mdrCurve, charging);
  const interestDue = sum(sums, INTEREST);
  const loans = sum(sums, LOAN_COUNT);
  if (mdrCurve == 0) {
    // With a by-month MDR every loan defaults at the same rate: the sums follow from the kind's.
    setSum(sums, DEFAULTS, mdrNow * sum(sums, BEGIN));
    setSum(sums, DEFAULT_INTEREST, mdrNow * interestDue);
    setSum(sums, DEFAULT_LOANS, mdrNow * sum(sums, LOANS_BEGIN));
  }
  setSum(sums, INTEREST, interestDue - sum(sums, DEFAULT_INTEREST));
  setSum(sums, LOANS_BEGIN, loans);
}

/**
 * Month t's ARM rate changes, before its projectKind pass: entries first..end-1 of the reset
 * calendar (armSchedule.ts), each a row whose rate may change this month, with the schedule's
 * new rate and annuity factor for it. A row whose next change is this month and that has a
 * balance gets its new rate and the level payment re-amortizing its balance, and its next
 * change is resetPeriod months on.
 */
export function changeRates(t: i32, first: i32, end: i32): void {
  const tf = <f64>t;
  for (let j = first; j < end; j++) {
    const e = (<usize>j) << 3;
    const o = (<usize>load<i32>(CHANGE_ROWS + ((<usize>j) << 2))) << 3;
    const b = load<f64>(BALANCE + o);
    if (!(b > 0) || load<f64>(NEXT_RESET + o) != tf) continue;
    store<f64>(RATE + o, load<f64>(CHANGE_RATES + e));
    store<f64>(PAYMENT + o, b * load<f64>(CHANGE_FACTORS + e));
    store<f64>(RESET_POINTER + o, load<f64>(RESET_POINTER + o) + 1);
    store<f64>(NEXT_RESET + o, tf + load<f64>(RESET_PERIOD + o));
  }
}
