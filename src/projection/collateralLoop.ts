import type { CompiledScenario, GroupTables } from './compileScenario.ts';
import { armScheduleFor, resetCalendarFor, scheduleByMonthFor } from './armSchedule.ts';
import type { LoanArrays } from './loanArrays.ts';
import { resetWorkspace, useKernelViews, type Workspace } from './workspace.ts';

// Accumulator slots of one kind's month (acc[kind * 16 + slot]); the kernel writes the same.
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

/** Where a kind's by-age curves are in the kernel's memory (0: the curve is by month). */
interface KindCurves {
  readonly smm: number;
  readonly mdr: number;
}

/**
 * The hot loop: one month of one kind of loan (rows from..to), in the kernel
 * (kernel/collateralKernel.as.ts, WebAssembly SIMD, two loans at a time). Per loan: defaults
 * (MDR on the beginning balance), scheduled principal on the rest, and prepayment (SMM on the
 * balance after scheduled principal), all on the expected (fractional) loan. The month's ARM
 * rate changes are made before it, by the kernel's changeRates (the new rate and the payment
 * re-amortizing the balance over the months left, from the rate-change schedule of the index
 * path, armSchedule.ts, for the rows the reset calendar lists that month). It reads and writes
 * the workspace's arrays in the kernel's memory and allocates nothing. The month's sums go to
 * `acc` (the kind's slots from `slot`; ws.acc or ws.blockAcc), whose BEGIN and LOANS_BEGIN
 * hold the rows' performing balance and loans at the month's start.
 */
function projectKind(
  ws: Workspace,
  acc: Float64Array,
  from: number,
  to: number,
  t: number,
  g: GroupTables,
  curves: KindCurves,
  slot: number,
  charging: boolean,
): void {
  ws.kernel.kernel.projectKind(
    acc.byteOffset,
    slot,
    from,
    to,
    t,
    g.smm[t]!,
    g.mdr[t]!,
    curves.smm,
    curves.mdr,
    charging,
  );
}

/**
 * The kernel's memory ready for this scenario: the loans' fields and the rate-change schedule
 * (when new), and each by-age curve (by-month curves go to the kernel a month's rate at a time,
 * read as the month comes: a cumulative-default curve's MDR is set month by month).
 */
function readyKernel(ws: Workspace, a: LoanArrays, s: CompiledScenario): [KindCurves, KindCurves] {
  const g = [s.fixed, s.arm] as const;
  const longest = Math.max(
    ...g.flatMap((k) => [k.smmByAge ? k.smm.length : 0, k.mdrByAge ? k.mdr.length : 0]),
  );
  ws.kernel.fit(a, longest);
  useKernelViews(ws);
  return [0, 1].map((k) => ({
    smm: g[k]!.smmByAge === 1 ? ws.kernel.curve((2 * k) as 0 | 2, g[k]!.smm) : 0,
    mdr: g[k]!.mdrByAge === 1 ? ws.kernel.curve((2 * k + 1) as 1 | 3, g[k]!.mdr) : 0,
  })) as [KindCurves, KindCurves];
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
  // The schedule is written straight into the kernel's memory (one copy, read by the kernel).
  ws.armSchedule = armScheduleFor(a, loanIndex, ws.armSchedule, (size) =>
    ws.kernel.scheduleArrays(size),
  );
  // The months of the rate changes, and the schedule in their order, in the kernel's memory.
  ws.resetCalendar = resetCalendarFor(a, ws.monthsCapacity, ws.resetCalendar);
  ws.kernel.fitChanges(ws.resetCalendar.rows.length);
  const curves = readyKernel(ws, a, s);
  const v = ws.kernel.views;
  ws.scheduleByMonth = scheduleByMonthFor(
    ws.armSchedule,
    ws.resetCalendar,
    { rates: v.newRates, factors: v.factors },
    { rows: v.changeRows, rates: v.changeRates, factors: v.changeFactors },
    ws.scheduleByMonth,
  );
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
    projectBlocks(ws, a, s, curves, horizon, chargeMonths);
    settleMonths(ws, s, horizon, fixedStart, armStart);
    return;
  }
  const T = ws.totals;
  const changes = ws.resetCalendar.first;
  for (let t = 1; t <= horizon; t++) {
    const charging = t <= chargeMonths;
    // The month's ARM rate changes first (kernel/collateralKernel.as.ts changeRates).
    if (changes[t + 1]! > changes[t]!)
      ws.kernel.kernel.changeRates(t, changes[t]!, changes[t + 1]!);
    projectKind(ws, ws.acc, 0, a.fixedCount, t, s.fixed, curves[0], 0, charging);
    projectKind(ws, ws.acc, a.fixedCount, a.count, t, s.arm, curves[1], 16, charging);
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
  curves: readonly [KindCurves, KindCurves],
  horizon: number,
  chargeMonths: number,
): void {
  ws.monthAcc.fill(0, 0, (horizon + 1) * 32);
  ws.blockChanges.set(ws.resetCalendar!.first.subarray(0, horizon + 2));
  for (let lo = 0; lo < a.count; lo += BLOCK) {
    const hi = Math.min(a.count, lo + BLOCK);
    const fixedTo = Math.min(hi, a.fixedCount);
    projectBlockKind(ws, a, lo, fixedTo, s.fixed, curves[0], 0, horizon, chargeMonths);
    const armFrom = Math.max(lo, a.fixedCount);
    projectBlockKind(ws, a, armFrom, hi, s.arm, curves[1], 16, horizon, chargeMonths);
  }
}

/** One kind's rows of a block through every month, until none of them has a balance. */
function projectBlockKind(
  ws: Workspace,
  a: LoanArrays,
  from: number,
  to: number,
  g: GroupTables,
  curves: KindCurves,
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
    changeBlockRates(ws, to, t);
    projectKind(ws, block, from, to, t, g, curves, slot, t <= chargeMonths);
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

/**
 * Month t's ARM rate changes of a block's rows (those before `to`): a month's rows in the reset
 * calendar are in row order, as the blocks are, so the block's changes start at the month's
 * next entry (ws.blockChanges[t]). Rows of a block before it that left the month unvisited (all
 * paid off) are among them, and change nothing: they have no balance.
 */
function changeBlockRates(ws: Workspace, to: number, t: number): void {
  const { rows, first } = ws.resetCalendar!;
  const from = ws.blockChanges[t]!;
  let end = from;
  while (end < first[t + 1]! && rows[end]! < to) end++;
  if (end > from) ws.kernel.kernel.changeRates(t, from, end);
  ws.blockChanges[t] = end;
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
