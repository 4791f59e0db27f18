import type { LoanArrays } from '../loanArrays.ts';
import { kernelInstance, type KernelExports } from './collateralKernel.ts';

/** The loan fields the kernel reads, copied from the loan arrays (once per set of loans). */
const LOAN_FIELDS = [
  'remainingTerm',
  'age',
  'resetPeriod',
  'penaltyMonths',
  'penaltyRate',
  'penaltyExempt',
] as const;

/** The arrays the loop works on, kept in the kernel's memory. */
const WORK_FIELDS = ['balance', 'payment', 'rate', 'nextReset', 'resetPointer', 'loans'] as const;

/** Our arrays start after the kernel's own first page (its static data: the loop's constants). */
const FIRST = 65_536;
const PAGE = 65_536;

type Views = Record<(typeof WORK_FIELDS)[number] | (typeof LOAN_FIELDS)[number], Float64Array> & {
  readonly acc: Float64Array;
  readonly blockAcc: Float64Array;
  readonly newRates: Float64Array;
  readonly factors: Float64Array;
  /** The reset calendar's rows, and the schedule's rates and factors in its order. */
  readonly changeRows: Int32Array;
  readonly changeRates: Float64Array;
  readonly changeFactors: Float64Array;
  /** By-age curves: fixed SMM, fixed MDR, ARM SMM, ARM MDR. */
  readonly curves: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
};

/**
 * The kernel's memory: per-loan arrays (each with a spare slot after its last row: a pair of
 * lanes that starts at the last row reads it, masked), the month's accumulators, the ARM
 * rate-change schedule (by row, and month by month in the reset calendar's order) and the
 * by-age curves. Its arrays are views on the memory; growing it
 * (a larger schedule or curve) makes new views, so `views` is read afresh after `fit`.
 */
export class KernelMemory {
  readonly kernel: KernelExports = kernelInstance();
  readonly capacity: number;
  views!: Views;
  private scheduleCapacity = 0;
  private curveCapacity = 0;
  private changeCapacity = 0;
  private copiedLoans: LoanArrays | undefined;

  constructor(loanCapacity: number) {
    this.capacity = loanCapacity;
    this.lay(0, 0, 0);
  }

  /** Lays the arrays out for a schedule and curves of these sizes, growing the memory if need be. */
  private lay(scheduleCapacity: number, curveCapacity: number, changeCapacity: number): void {
    const row = this.capacity + 1;
    const sizes = [
      ...Array<number>(WORK_FIELDS.length + LOAN_FIELDS.length).fill(row),
      32,
      32,
      scheduleCapacity,
      scheduleCapacity,
      changeCapacity,
      changeCapacity,
      changeCapacity,
      ...Array<number>(4).fill(curveCapacity),
    ];
    const bytes = FIRST + sizes.reduce((sum, n) => sum + n * 8, 0);
    const memory = this.kernel.memory;
    if (bytes > memory.buffer.byteLength) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    }
    let offset = FIRST;
    const next = (length: number): Float64Array => {
      const view = new Float64Array(memory.buffer, offset, length);
      offset += length * 8;
      return view;
    };
    // Row numbers as 32-bit integers (the kernel needs no conversion), in 8-byte slots as the rest.
    const nextRows = (length: number): Int32Array =>
      new Int32Array(memory.buffer, next(length).byteOffset, length);
    const named = Object.fromEntries(
      [...WORK_FIELDS, ...LOAN_FIELDS].map((field) => [field, next(row)]),
    ) as Record<(typeof WORK_FIELDS)[number] | (typeof LOAN_FIELDS)[number], Float64Array>;
    this.views = {
      ...named,
      acc: next(32),
      blockAcc: next(32),
      newRates: next(scheduleCapacity),
      factors: next(scheduleCapacity),
      changeRows: nextRows(changeCapacity),
      changeRates: next(changeCapacity),
      changeFactors: next(changeCapacity),
      curves: [next(curveCapacity), next(curveCapacity), next(curveCapacity), next(curveCapacity)],
    };
    const v = this.views;
    const addresses = [
      ...WORK_FIELDS,
      ...LOAN_FIELDS,
      'changeRows',
      'changeRates',
      'changeFactors',
    ] as const;
    this.kernel.layout(
      ...(addresses.map((field) => v[field].byteOffset) as Parameters<KernelExports['layout']>),
    );
    this.scheduleCapacity = scheduleCapacity;
    this.curveCapacity = curveCapacity;
    this.changeCapacity = changeCapacity;
  }

  /**
   * Ready for a projection of these loans with by-age curves this long: the loans' fields
   * copied in when they are new (a grid's scenarios share them). Afterwards `views` holds the
   * arrays (new ones if the memory grew, their contents and places kept).
   */
  fit(a: LoanArrays, curveLength: number): void {
    if (curveLength > this.curveCapacity)
      this.lay(this.scheduleCapacity, curveLength, this.changeCapacity);
    if (this.copiedLoans !== a) {
      for (const field of LOAN_FIELDS) this.views[field].set(a[field].subarray(0, a.count));
      this.copiedLoans = a;
    }
  }

  /**
   * Where the ARM rate-change schedule is written (armScheduleFor): the kernel reads it there,
   * so there is one copy of it. The schedule keeps its place when the memory grows for longer
   * curves (its content too); a larger schedule lays the memory out anew, and the arrays given
   * before are not to be used again (armScheduleFor takes these in their place).
   */
  scheduleArrays(size: number): { rates: Float64Array; factors: Float64Array } {
    if (size > this.scheduleCapacity) this.lay(size, this.curveCapacity, this.changeCapacity);
    return { rates: this.views.newRates, factors: this.views.factors };
  }

  /**
   * Room for a reset calendar of `size` changes: its rows and the schedule in its order
   * (views.changeRows, changeRates, changeFactors; scheduleByMonthFor writes them, the
   * kernel's changeRates reads them). More room lays the memory out anew: the schedule keeps
   * its place and content, the curves are to be written again (fit, then curve) and `views`
   * read afresh; new views also tell a copy made before from the one to make.
   */
  fitChanges(size: number): void {
    if (size > this.changeCapacity) this.lay(this.scheduleCapacity, this.curveCapacity, size);
  }

  /** A by-age curve in the kernel's memory (slot 0..3): its address for the kernel. */
  curve(slot: 0 | 1 | 2 | 3, values: Float64Array): number {
    const view = this.views.curves[slot];
    view.set(values);
    return view.byteOffset;
  }
}
