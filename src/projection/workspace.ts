import type { ArmSchedule, ResetCalendar, ScheduleByMonth } from './armSchedule.ts';
import { KernelMemory } from './kernel/kernelMemory.ts';
import type { LoanArrays } from './loanArrays.ts';

/** The pool-level totals of each projected month (index t = 1..months; cents as floats). */
export const POOL_FIELDS = [
  'beginBalance',
  'scheduledPrincipal',
  'prepayments',
  'defaults',
  /** Balance liquidated this month, and how it splits into proceeds and loss. */
  'liquidated',
  'liquidationProceeds',
  'realizedLosses',
  'interestCollected',
  'advances',
  /** Sum of balance x annual note rate at the month's start (WAC = this / beginBalance). */
  'rateWeighted',
  /** Sum of ending performing balance x remaining term. */
  'termWeighted',
  'endPerforming',
  'endBalance',
  /** Performing balance 60+ days delinquent, and the defaulted balance awaiting liquidation. */
  'delinquent',
  'pipeline',
  'loansEnd',
  'pipelineLoans',
  'prepaymentCharges',
] as const;
export type PoolField = (typeof POOL_FIELDS)[number];

export type PoolTotals = { months: number; loanMonths: number } & {
  readonly [F in PoolField]: Float64Array;
};

/**
 * Everything one projection writes, allocated once and reused scenario after scenario (the
 * memory of a grid run stays flat): working copies of the loans' changing fields, the default
 * pipeline by month of default, and the pool totals.
 */
export interface Workspace {
  readonly capacity: number;
  readonly monthsCapacity: number;
  /**
   * The collateral loop's kernel and its memory, where the per-loan arrays below and the
   * month's accumulators live (views on it: `useKernelViews` after the memory grows).
   */
  readonly kernel: KernelMemory;
  balance: Float64Array;
  payment: Float64Array;
  rate: Float64Array;
  /** ARMs: the month of the next rate change, and its place in the rate-change schedule. */
  nextReset: Float64Array;
  resetPointer: Float64Array;
  loans: Float64Array;
  /** The rate-change schedule of the last index path (reused while the path is the same). */
  armSchedule: ArmSchedule | undefined;
  /** The months of the ARM rows' rate changes (reused while the loans are the same). */
  resetCalendar: ResetCalendar | undefined;
  /** The schedule's rates and factors in the calendar's order (for the schedule above). */
  scheduleByMonth: ScheduleByMonth | undefined;
  /** Per kind (0 fixed, 1 ARM), per month of default: balance, balance x monthly rate, loans. */
  readonly pipeBalance: [Float64Array, Float64Array];
  readonly pipeInterest: [Float64Array, Float64Array];
  readonly pipeLoans: [Float64Array, Float64Array];
  /** Per kind (0 fixed, 1 ARM): loans with a balance (loan-months are counted from it). */
  readonly active: Float64Array;
  /**
   * Loans in default at the start, awaiting liquidation, at ((group * 2) + kind) * 3: their
   * balance, one month's interest at their note rates, and their number. Group 0: the loans in
   * foreclosure or REO; group 1: the share of the seriously delinquent ones that rolls to
   * default (settleKind in collateralLoop.ts liquidates them).
   */
  readonly startDefaults: Float64Array;
  /** Per-kind accumulators of one month (see collateralLoop.ts). */
  acc: Float64Array;
  /** A large pool projected block by block: each month's per-kind sums, and one block's. */
  readonly monthAcc: Float64Array;
  blockAcc: Float64Array;
  /** A block-by-block run: each month's next entry in the reset calendar (collateralLoop.ts). */
  readonly blockChanges: Int32Array;
  readonly totals: PoolTotals;
}

export function createWorkspace(loanCapacity: number, monthsCapacity: number): Workspace {
  const perMonth = (): Float64Array => new Float64Array(monthsCapacity + 1);
  const totals = Object.fromEntries(POOL_FIELDS.map((f) => [f, perMonth()])) as {
    [F in PoolField]: Float64Array;
  };
  const kernel = new KernelMemory(loanCapacity);
  const v = kernel.views;
  return {
    capacity: loanCapacity,
    monthsCapacity,
    kernel,
    balance: v.balance,
    payment: v.payment,
    rate: v.rate,
    nextReset: v.nextReset,
    resetPointer: v.resetPointer,
    loans: v.loans,
    armSchedule: undefined,
    resetCalendar: undefined,
    scheduleByMonth: undefined,
    pipeBalance: [perMonth(), perMonth()],
    pipeInterest: [perMonth(), perMonth()],
    pipeLoans: [perMonth(), perMonth()],
    active: new Float64Array(2),
    startDefaults: new Float64Array(12),
    acc: v.acc,
    monthAcc: new Float64Array((monthsCapacity + 1) * 32),
    blockAcc: v.blockAcc,
    blockChanges: new Int32Array(monthsCapacity + 2),
    totals: { months: 0, loanMonths: 0, ...totals },
  };
}

/** The workspace's arrays from its kernel's memory again (after `KernelMemory.fit`). */
export function useKernelViews(ws: Workspace): void {
  const v = ws.kernel.views;
  ws.balance = v.balance;
  ws.payment = v.payment;
  ws.rate = v.rate;
  ws.nextReset = v.nextReset;
  ws.resetPointer = v.resetPointer;
  ws.loans = v.loans;
  ws.acc = v.acc;
  ws.blockAcc = v.blockAcc;
}

/** A workspace big enough for these loans and months: the given one, or a new one. */
export function workspaceFor(
  existing: Workspace | undefined,
  loans: number,
  months: number,
): Workspace {
  if (existing && existing.capacity >= loans && existing.monthsCapacity >= months) return existing;
  return createWorkspace(loans, months);
}

/** How the loans behind at the start begin: see CompiledScenario. */
export interface StartTreatment {
  readonly liquidateForeclosures: boolean;
  /** Per kind (fixed, ARM): the share of the seriously delinquent loans that rolls to default. */
  readonly rollToDefault: readonly [number, number];
}

/** Adds `share` of row i to a group of the loans in default at the start. */
function addStartDefault(ws: Workspace, a: LoanArrays, i: number, group: number, share: number) {
  const at = (group * 2 + (i < a.fixedCount ? 0 : 1)) * 3;
  ws.startDefaults[at]! += a.balance[i]! * share;
  ws.startDefaults[at + 1]! += (a.balance[i]! * share * a.rate[i]!) / 12;
  ws.startDefaults[at + 2]! += a.loans[i]! * share;
}

/**
 * Copies the loans' starting values into the workspace and clears the month arrays. The loans
 * in foreclosure or REO (when liquidated), and the rolling share of the seriously delinquent
 * ones, leave the performing rows for `ws.startDefaults`.
 */
export function resetWorkspace(
  ws: Workspace,
  a: LoanArrays,
  schedule: ArmSchedule,
  start: StartTreatment,
): void {
  ws.balance.set(a.balance);
  ws.payment.set(a.payment);
  ws.rate.set(a.rate);
  ws.nextReset.set(a.monthsToReset);
  ws.resetPointer.set(schedule.start.subarray(0, a.count));
  ws.loans.set(a.loans);
  ws.active.fill(0);
  ws.startDefaults.fill(0);
  for (let i = 0; i < a.count; i++) {
    const k = i < a.fixedCount ? 0 : 1;
    if (a.balance[i]! <= 0) continue;
    let keep = 1;
    if (start.liquidateForeclosures && a.inForeclosure[i] === 1) {
      addStartDefault(ws, a, i, 0, 1);
      keep = 0;
    } else if (a.seriouslyDelinquent[i] === 1 && start.rollToDefault[k]! > 0) {
      addStartDefault(ws, a, i, 1, start.rollToDefault[k]!);
      keep = 1 - start.rollToDefault[k]!;
    }
    if (keep < 1) {
      ws.balance[i] = a.balance[i]! * keep;
      ws.payment[i] = a.payment[i]! * keep;
      ws.loans[i] = a.loans[i]! * keep;
    }
    if (keep > 0) ws.active[k]! += 1;
  }
  for (const arrays of [ws.pipeBalance, ws.pipeInterest, ws.pipeLoans]) {
    arrays[0].fill(0);
    arrays[1].fill(0);
  }
  for (const f of POOL_FIELDS) ws.totals[f].fill(0);
  ws.totals.months = 0;
  ws.totals.loanMonths = 0;
}
