/**
 * The collateral loop's month of one kind of loan, in WebAssembly (AssemblyScript, compiled by
 * `npm run build:kernel` to collateralKernel.wasm; collateralKernel.ts loads it). Two loans at a
 * time in 128-bit SIMD lanes; the arithmetic is collateralLoop.ts's, operation for operation, and
 * the month's sums are added loan by loan in the loans' order (lane 0, then lane 1), so every
 * figure is the same double as the one-loan-at-a-time loop's.
 *
 * Per loan: the ARM rate change when due (its rate and payment from the rate-change schedule:
 * armSchedule.ts), defaults (MDR on the beginning balance), scheduled principal on the rest, and
 * prepayment (SMM on the balance after scheduled principal), on the expected (fractional) loan.
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
let NEW_RATES: usize = 0;
let FACTORS: usize = 0;

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
  newRates: usize,
  factors: usize,
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
  NEW_RATES = newRates;
  FACTORS = factors;
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

function at(base: usize, offset: usize, slot: i32): f64 {
  return load<f64>(base + offset + ((<usize>slot) << 3));
}

/** Lane k of a mask (all ones) as a boolean. */
function lane0(mask: v128): bool {
  return i64x2.extract_lane(mask, 0) != 0;
}
function lane1(mask: v128): bool {
  return i64x2.extract_lane(mask, 1) != 0;
}

/** A sum with the pair's two loans added, lane 0 then lane 1: the loans' order, as one at a time. */
function inOrder(sum: f64, pair: v128): f64 {
  return sum + f64x2.extract_lane(pair, 0) + f64x2.extract_lane(pair, 1);
}

/** The ARM rate change of row o's loan this month: its new rate and level payment. */
function resetRate(o: usize, t: f64): void {
  const k = load<f64>(RESET_POINTER + o);
  const ko = (<usize>k) << 3;
  store<f64>(RATE + o, load<f64>(NEW_RATES + ko));
  store<f64>(PAYMENT + o, load<f64>(BALANCE + o) * load<f64>(FACTORS + ko));
  store<f64>(RESET_POINTER + o, k + 1);
  store<f64>(NEXT_RESET + o, t + load<f64>(RESET_PERIOD + o));
}

/**
 * A curve's value for the pair's two loans at month t: the month's (`now`) when the curve is by
 * month (`curve` 0), else the curve at each loan's age plus t.
 */
function curvePair(curve: usize, now: f64, t: i32, o: usize): v128 {
  if (curve == 0) return f64x2.splat(now);
  const a0 = <usize>(t + <i32>load<f64>(AGE + o));
  const a1 = <usize>(t + <i32>load<f64>(AGE + o + 8));
  return f64x2.replace_lane(
    f64x2.splat(load<f64>(curve + (a0 << 3))),
    1,
    load<f64>(curve + (a1 << 3)),
  );
}

/**
 * One month (t) of rows from..to-1 of one kind, its sums into `acc` from `slot` (whose BEGIN
 * and LOANS_BEGIN hold the rows' performing balance and loans at the month's start).
 * `smmNow`/`mdrNow`: the month's rates of by-month curves; `smmCurve`/`mdrCurve`: the address
 * of a by-age curve, or 0. `arms`: the rows are ARMs (their rates change); `charging`: some
 * loan may still owe a prepayment charge.
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
  arms: bool,
  charging: bool,
): void {
  const tf = <f64>t;
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const month = f64x2.splat(MONTH);
  const now = f64x2.splat(tf);
  // Installments left, this month's included: term - t + 1 (integers: exact either way).
  const beforeNow = f64x2.splat(tf - 1);
  let defaults: f64 = 0;
  let defaultInterest: f64 = 0;
  let defaultLoans: f64 = 0;
  let interestDue: f64 = 0;
  let scheduled: f64 = 0;
  let prepaid: f64 = 0;
  let termWeighted: f64 = 0;
  let loans: f64 = 0;
  let charges: f64 = 0;
  let paidOff: f64 = 0;
  const byAge = mdrCurve != 0;
  for (let i = from; i < to; i += 2) {
    const o = (<usize>i) << 3;
    const b0 = v128.load(BALANCE + o);
    // A loan with no balance is left as it is; so is the row after `to` (an odd range's end).
    let live = f64x2.gt(b0, zero);
    if (i + 1 == to) live = i64x2.replace_lane(live, 1, 0);
    if (!v128.any_true(live)) continue;
    if (arms) {
      const due = v128.and(f64x2.eq(v128.load(NEXT_RESET + o), now), live);
      if (v128.any_true(due)) {
        if (lane0(due)) resetRate(o, tf);
        if (lane1(due)) resetRate(o + 8, tf);
      }
    }
    const b = b0;
    const r = v128.load(RATE + o);
    const p = v128.load(PAYMENT + o);
    const n = f64x2.sub(v128.load(REMAINING_TERM + o), beforeNow);
    const md = curvePair(mdrCurve, mdrNow, t, o);
    const sm = curvePair(smmCurve, smmNow, t, o);
    const keepMd = f64x2.sub(one, md);
    const keepSm = f64x2.sub(one, sm);
    const monthly = f64x2.mul(r, month);
    const d = f64x2.mul(b, md);
    const performing = f64x2.sub(b, d);
    const due = f64x2.mul(p, keepMd);
    const owed = v128.and(f64x2.mul(b, monthly), live);
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
    const c0 = v128.load(LOANS + o);
    const gone = v128.and(f64x2.le(nb, zero), live);
    const survivors = v128.and(
      v128.bitselect(zero, f64x2.mul(f64x2.mul(c0, keepMd), keepSm), gone),
      live,
    );
    v128.store(BALANCE + o, v128.bitselect(nb, b, live));
    v128.store(PAYMENT + o, v128.bitselect(f64x2.mul(due, keepSm), p, live));
    v128.store(LOANS + o, v128.bitselect(survivors, c0, live));
    // The sums, loan by loan in order: a row left as it is adds +0 (masked), changing nothing.
    interestDue = inOrder(interestDue, owed);
    if (byAge) {
      defaults = inOrder(defaults, v128.and(d, live));
      defaultInterest = inOrder(defaultInterest, v128.and(f64x2.mul(d, monthly), live));
      defaultLoans = inOrder(defaultLoans, v128.and(f64x2.mul(c0, md), live));
    }
    scheduled = inOrder(scheduled, v128.and(sp, live));
    prepaid = inOrder(prepaid, v128.and(pp, live));
    termWeighted = inOrder(termWeighted, v128.and(f64x2.mul(nb, f64x2.sub(n, one)), live));
    loans = inOrder(loans, survivors);
    if (v128.any_true(gone)) {
      if (lane0(gone)) paidOff += 1;
      if (lane1(gone)) paidOff += 1;
    }
    if (charging) {
      // Each prepaying loan pays the charge on its balance above the free amount.
      const chargeable = f64x2.sub(
        pp,
        f64x2.mul(f64x2.mul(f64x2.mul(sm, c0), keepMd), v128.load(PENALTY_EXEMPT + o)),
      );
      const owes = v128.and(
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
  if (!byAge) {
    // With a by-month MDR every loan defaults at the same rate: the sums follow from the kind's.
    defaults = mdrNow * at(acc, 0, slot + BEGIN);
    defaultInterest = mdrNow * interestDue;
    defaultLoans = mdrNow * at(acc, 0, slot + LOANS_BEGIN);
  }
  const base = acc + ((<usize>slot) << 3);
  store<f64>(base + (DEFAULTS << 3), defaults);
  store<f64>(base + (DEFAULT_INTEREST << 3), defaultInterest);
  store<f64>(base + (DEFAULT_LOANS << 3), defaultLoans);
  store<f64>(base + (INTEREST << 3), interestDue - defaultInterest);
  store<f64>(base + (LOANS_BEGIN << 3), loans);
  store<f64>(base + (SCHEDULED << 3), scheduled);
  store<f64>(base + (PREPAID << 3), prepaid);
  store<f64>(base + (TERM_WEIGHTED << 3), termWeighted);
  store<f64>(base + (LOAN_COUNT << 3), loans);
  store<f64>(base + (CHARGES << 3), charges);
  store<f64>(base + (PAID_OFF << 3), paidOff);
}
