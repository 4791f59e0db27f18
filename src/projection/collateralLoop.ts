import type { CompiledScenario, GroupTables } from './compileScenario.ts';
import { armScheduleFor } from './armSchedule.ts';
import type { LoanArrays } from './loanArrays.ts';
import { resetWorkspace, type Workspace } from './workspace.ts';

// Accumulator slots of one kind's month (acc[kind * 16 + slot]).
const BEGIN = 0;
const DEFAULTS = 2;
const DEFAULT_INTEREST = 3;
const DEFAULT_LOANS = 4;
const INTEREST = 5;
const SCHEDULED = 6;
const PREPAID = 7;
const TERM_WEIGHTED = 9;
const LOANS = 10;
const CHARGES = 11;
const ACTIVE = 12;
const LOANS_BEGIN = 13;
const MONTH = 1 / 12;

/**
 * The hot loop: one month of one kind of loan (rows from..to). Per loan: the ARM rate change
 * when due (the new rate and the payment re-amortizing the balance over the months left, from
 * the rate-change schedule of the index path: armSchedule.ts), then
 * defaults (MDR on the beginning balance), scheduled principal on the rest, and prepayment
 * (SMM on the balance after scheduled principal), all on the expected (fractional) loan.
 * Reads and writes typed arrays only; allocates nothing. The month's sums go to `acc` (the
 * kind's slots from `slot`), whose BEGIN and LOANS_BEGIN hold the rows' performing balance and
 * loans at the month's start.
 */
function projectKind(
  ws: Workspace,
  acc: Float64Array,
  a: LoanArrays,
  from: number,
  to: number,
  t: number,
  g: GroupTables,
  slot: number,
  charging: boolean,
): void {
  const bal = ws.balance;
  const pmt = ws.payment;
  const rate = ws.rate;
  const nextReset = ws.nextReset;
  const pointer = ws.resetPointer;
  const cnt = ws.loans;
  const schedule = ws.armSchedule!;
  const newRates = schedule.rates;
  const factors = schedule.factors;
  const term = a.remainingTerm;
  const age = a.age;
  const resetPeriod = a.resetPeriod;
  const penaltyMonths = a.penaltyMonths;
  const penaltyRate = a.penaltyRate;
  const penaltyExempt = a.penaltyExempt;
  const smm = g.smm;
  const mdr = g.mdr;
  // By-month curves: one SMM and MDR for every loan this month; by-age: per loan.
  const smmByAge = g.smmByAge === 1;
  const mdrByAge = g.mdrByAge === 1;
  const smmNow = smm[t]!;
  const mdrNow = mdr[t]!;
  // Hoisted tests: only ARMs change rate; `charging` is false after the longest charge term.
  const arms = from >= a.fixedCount;
  // With a by-month MDR every loan defaults at the same rate: the default sums follow from
  // the kind's balance, interest and loan count, and the loop need not add them up.
  let defaults = 0;
  let defaultInterest = 0;
  let defaultLoans = 0;
  let interestDue = 0;
  let scheduled = 0;
  let prepaid = 0;
  let termWeighted = 0;
  let loans = 0;
  let charges = 0;
  let paidOff = 0;
  for (let i = from; i < to; i++) {
    const b = bal[i]!;
    if (b <= 0) continue;
    let r = rate[i]!;
    let p = pmt[i]!;
    // Installments left, this month's included.
    const n = term[i]! - t + 1;
    if (arms && nextReset[i] === t) {
      // The rate change of this month, from the schedule of the index path (armSchedule.ts).
      const k = pointer[i]!;
      r = newRates[k]!;
      p = b * factors[k]!;
      rate[i] = r;
      pointer[i] = k + 1;
      nextReset[i] = t + resetPeriod[i]!;
    }
    const md = mdrByAge ? mdr[t + age[i]!]! : mdrNow;
    const sm = smmByAge ? smm[t + age[i]!]! : smmNow;
    const monthly = r * MONTH;
    const d = b * md;
    const performing = b - d;
    const due = p * (1 - md);
    const owed = b * monthly;
    let sp = n <= 1 ? performing : due - performing * monthly;
    if (sp > performing) sp = performing;
    else if (sp < 0) sp = 0;
    const after = performing - sp;
    const pp = after * sm;
    const nb = after - pp;
    const c0 = cnt[i]!;
    let survivors = c0 * (1 - md) * (1 - sm);
    if (nb <= 0) {
      survivors = 0;
      paidOff += 1;
    }
    bal[i] = nb;
    pmt[i] = due * (1 - sm);
    cnt[i] = survivors;
    interestDue += owed;
    if (mdrByAge) {
      defaults += d;
      defaultInterest += d * monthly;
      defaultLoans += c0 * md;
    }
    scheduled += sp;
    prepaid += pp;
    termWeighted += nb * (n - 1);
    loans += survivors;
    if (charging && t <= penaltyMonths[i]!) {
      // Each prepaying loan pays the charge on its balance above the free amount.
      const chargeable = pp - sm * c0 * (1 - md) * penaltyExempt[i]!;
      if (chargeable > 0) charges += chargeable * penaltyRate[i]!;
    }
  }
  if (!mdrByAge) {
    defaults = mdrNow * acc[slot + BEGIN]!;
    defaultInterest = mdrNow * interestDue;
    defaultLoans = mdrNow * acc[slot + LOANS_BEGIN]!;
  }
  acc[slot + DEFAULTS] = defaults;
  acc[slot + DEFAULT_INTEREST] = defaultInterest;
  acc[slot + DEFAULT_LOANS] = defaultLoans;
  acc[slot + INTEREST] = interestDue - defaultInterest;
  acc[slot + LOANS_BEGIN] = loans;
  acc[slot + SCHEDULED] = scheduled;
  acc[slot + PREPAID] = prepaid;
  acc[slot + TERM_WEIGHTED] = termWeighted;
  acc[slot + LOANS] = loans;
  acc[slot + CHARGES] = charges;
  acc[slot + ACTIVE] = paidOff;
}

/** Defaults of month t join the kind's pipeline; those of month t - lag are liquidated. */
function settleKind(ws: Workspace, k: 0 | 1, g: GroupTables, t: number, groupStart: number): void {
  const acc = ws.acc;
  const slot = k * 16;
  const T = ws.totals;
  const pipe = ws.pipeBalance[k];
  const pipeInterest = ws.pipeInterest[k];
  const pipeLoans = ws.pipeLoans[k];
  // Pipeline at the month's start: defaults of months t - lag .. t - 1.
  let pipelineBegin = 0;
  let pipelineRate = 0;
  for (let s = Math.max(1, t - g.recoveryLag); s < t; s++) {
    pipelineBegin += pipe[s]!;
    pipelineRate += pipeInterest[s]!;
  }
  pipe[t] = acc[slot + DEFAULTS]!;
  pipeInterest[t] = acc[slot + DEFAULT_INTEREST]!;
  pipeLoans[t] = acc[slot + DEFAULT_LOANS]!;
  const s = t - g.recoveryLag;
  let liquidated = s >= 1 ? pipe[s]! : 0;
  const severity = g.severity[Math.min(t, g.severity.length - 1)]!;
  let pipelineEnd = 0;
  let advancedInterest = 0;
  let pipelineLoans = 0;
  for (let m = Math.max(1, s + 1); m <= t; m++) {
    pipelineEnd += pipe[m]!;
    advancedInterest += pipeInterest[m]!;
    pipelineLoans += pipeLoans[m]!;
  }
  // The loans in default at the start: in the pipeline until their month, then liquidated.
  for (let group = 0; group < 2; group++) {
    const at = (group * 2 + k) * 3;
    const held = ws.startDefaults[at]!;
    const month = group === 0 ? g.foreclosureMonth : g.rolledDefaultMonth;
    if (held <= 0 || t > month) continue;
    pipelineBegin += held;
    pipelineRate += ws.startDefaults[at + 1]!;
    if (t === month) liquidated += held;
    else {
      pipelineEnd += held;
      advancedInterest += ws.startDefaults[at + 1]!;
      pipelineLoans += ws.startDefaults[at + 2]!;
    }
  }
  const delinquency = g.delinquency[Math.min(t, g.delinquency.length - 1)]!;
  const interest = acc[slot + INTEREST]!;
  const beginPerforming = acc[slot + BEGIN]!;
  // Performing balance: what it was, less defaults, scheduled principal and prepayments.
  const endPerforming = Math.max(
    0,
    beginPerforming - acc[slot + DEFAULTS]! - acc[slot + SCHEDULED]! - acc[slot + PREPAID]!,
  );
  acc[slot + BEGIN] = endPerforming;
  T.beginBalance[t]! += beginPerforming + pipelineBegin;
  // Sum of balance x rate: 12 x (interest of the performing part + of the defaulted part).
  T.rateWeighted[t]! +=
    12 * (acc[slot + INTEREST]! + acc[slot + DEFAULT_INTEREST]!) + 12 * pipelineRate;
  T.scheduledPrincipal[t]! += acc[slot + SCHEDULED]!;
  T.prepayments[t]! += acc[slot + PREPAID]!;
  T.defaults[t]! += acc[slot + DEFAULTS]!;
  T.liquidated[t]! += liquidated;
  T.liquidationProceeds[t]! += liquidated * (1 - severity);
  T.realizedLosses[t]! += liquidated * severity;
  T.interestCollected[t]! +=
    interest * (g.advancing ? 1 : 1 - delinquency) + (g.advancing ? advancedInterest : 0);
  T.advances[t]! += g.advancing ? interest * delinquency + advancedInterest : 0;
  T.termWeighted[t]! += acc[slot + TERM_WEIGHTED]!;
  T.endPerforming[t]! += endPerforming;
  T.endBalance[t]! += endPerforming + pipelineEnd;
  T.delinquent[t]! += endPerforming * delinquency;
  T.pipeline[t]! += pipelineEnd;
  T.loansEnd[t]! += acc[slot + LOANS]! + pipelineLoans;
  T.pipelineLoans[t]! += pipelineLoans;
  T.prepaymentCharges[t]! += acc[slot + CHARGES]!;
  // Loan-months: the loans with a balance at the month's start; those paid off leave.
  T.loanMonths += ws.active[k]!;
  ws.active[k]! -= acc[slot + ACTIVE]!;
  // Cumulative defaults: next month's MDR is its share of the starting balance over what performs.
  const cumulative = g.cumulativeDefaults;
  if (cumulative && t + 1 < cumulative.length) {
    g.mdr[t + 1] =
      endPerforming > 0 ? Math.min(1, (cumulative[t + 1]! * groupStart) / endPerforming) : 0;
  }
}

/**
 * Projects the loans month by month under a compiled scenario, writing the pool totals into
 * the workspace (ws.totals, months 1..ws.totals.months). `loanIndex[t]` is the loans' index for
 * month t. Stops at the horizon, when the pool is paid off, or after the first month whose
 * beginning balance is at or below `stopAtOrBelow` (cents; the clean-up call).
 */
export function projectCollateral(
  ws: Workspace,
  a: LoanArrays,
  s: CompiledScenario,
  loanIndex: Float64Array,
  stopAtOrBelow = -1,
): void {
  ws.armSchedule = armScheduleFor(a, loanIndex, ws.armSchedule);
  resetWorkspace(ws, a, ws.armSchedule, {
    liquidateForeclosures: s.liquidateForeclosures,
    rollToDefault: [s.fixed.rollToDefault, s.arm.rollToDefault],
  });
  // The performing rows (loans in foreclosure or REO at the start are not, when liquidated).
  const fixedStart = sumRange(ws.balance, 0, a.fixedCount);
  const armStart = sumRange(ws.balance, a.fixedCount, a.count);
  ws.acc[BEGIN] = fixedStart;
  ws.acc[16 + BEGIN] = armStart;
  ws.acc[LOANS_BEGIN] = sumRange(ws.loans, 0, a.fixedCount);
  ws.acc[16 + LOANS_BEGIN] = sumRange(ws.loans, a.fixedCount, a.count);
  for (const [g, start] of [
    [s.fixed, fixedStart],
    [s.arm, armStart],
  ] as const) {
    if (g.cumulativeDefaults && start > 0) g.mdr[1] = Math.min(1, g.cumulativeDefaults[1]!);
  }
  const horizon = Math.min(s.horizon, ws.monthsCapacity);
  let chargeMonths = 0;
  for (let i = 0; i < a.count; i++) chargeMonths = Math.max(chargeMonths, a.penaltyMonths[i]!);
  const blocked =
    a.count > 2 * BLOCK &&
    stopAtOrBelow < 0 &&
    !s.fixed.cumulativeDefaults &&
    !s.arm.cumulativeDefaults;
  if (blocked) {
    projectBlocks(ws, a, s, horizon, chargeMonths);
    settleMonths(ws, s, horizon, fixedStart, armStart);
    return;
  }
  const T = ws.totals;
  for (let t = 1; t <= horizon; t++) {
    const charging = t <= chargeMonths;
    projectKind(ws, ws.acc, a, 0, a.fixedCount, t, s.fixed, 0, charging);
    projectKind(ws, ws.acc, a, a.fixedCount, a.count, t, s.arm, 16, charging);
    settleKind(ws, 0, s.fixed, t, fixedStart);
    settleKind(ws, 1, s.arm, t, armStart);
    T.months = t;
    if (T.endBalance[t]! < 0.5 || T.beginBalance[t]! <= stopAtOrBelow) break;
  }
}

/**
 * Loans a block holds when a large pool is projected block by block: the block's rows of the
 * loop's arrays (about 9 fields x 8 bytes a loan, 75 KB) stay in the core's cache for all its
 * months, where month by month a 100,000-loan pool streams 8 MB through it every month.
 */
const BLOCK = 1024;

/**
 * A large pool, block by block: each block of loans runs through every month, its monthly sums
 * added to the months' accumulators (ws.monthAcc). Only when no month depends on the pool's
 * totals before it: no cumulative-default curve (its MDR follows the pool's performing
 * balance) and no clean-up call (it stops at a pool balance).
 */
function projectBlocks(
  ws: Workspace,
  a: LoanArrays,
  s: CompiledScenario,
  horizon: number,
  chargeMonths: number,
): void {
  ws.monthAcc.fill(0, 0, (horizon + 1) * 32);
  for (let lo = 0; lo < a.count; lo += BLOCK) {
    const hi = Math.min(a.count, lo + BLOCK);
    projectBlockKind(ws, a, lo, Math.min(hi, a.fixedCount), s.fixed, 0, horizon, chargeMonths);
    projectBlockKind(ws, a, Math.max(lo, a.fixedCount), hi, s.arm, 16, horizon, chargeMonths);
  }
}

/** One kind's rows of a block through every month, until none of them has a balance. */
function projectBlockKind(
  ws: Workspace,
  a: LoanArrays,
  from: number,
  to: number,
  g: GroupTables,
  slot: number,
  horizon: number,
  chargeMonths: number,
): void {
  if (from >= to) return;
  const block = ws.blockAcc;
  const months = ws.monthAcc;
  block[slot + BEGIN] = sumRange(ws.balance, from, to);
  block[slot + LOANS_BEGIN] = sumRange(ws.loans, from, to);
  let active = 0;
  for (let i = from; i < to; i++) if (ws.balance[i]! > 0) active += 1;
  for (let t = 1; t <= horizon && active > 0; t++) {
    projectKind(ws, block, a, from, to, t, g, slot, t <= chargeMonths);
    // The block's performing balance at the next month's start, as settleKind keeps the pool's.
    block[slot + BEGIN] = Math.max(
      0,
      block[slot + BEGIN]! -
        block[slot + DEFAULTS]! -
        block[slot + SCHEDULED]! -
        block[slot + PREPAID]!,
    );
    active -= block[slot + ACTIVE]!;
    const m = t * 32 + slot;
    for (let k = DEFAULTS; k <= ACTIVE; k++) months[m + k]! += block[slot + k]!;
  }
}

/** The months' sums of a block-by-block run, settled month by month as the loop does. */
function settleMonths(
  ws: Workspace,
  s: CompiledScenario,
  horizon: number,
  fixedStart: number,
  armStart: number,
): void {
  const T = ws.totals;
  const acc = ws.acc;
  const months = ws.monthAcc;
  for (let t = 1; t <= horizon; t++) {
    for (let k = DEFAULTS; k <= ACTIVE; k++) {
      acc[k] = months[t * 32 + k]!;
      acc[16 + k] = months[t * 32 + 16 + k]!;
    }
    settleKind(ws, 0, s.fixed, t, fixedStart);
    settleKind(ws, 1, s.arm, t, armStart);
    T.months = t;
    if (T.endBalance[t]! < 0.5) break;
  }
}

function sumRange(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i]!;
  return total;
}
