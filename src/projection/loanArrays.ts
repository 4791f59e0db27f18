/**
 * The loan tape as typed arrays, one Float64Array per field, all in one SharedArrayBuffer so
 * worker threads read the same memory without copying. Fixed-rate loans come first
 * (`[0, fixedCount)`), adjustable-rate loans after, so the projection loop runs each kind
 * without a per-loan branch. Balances and payments are in cents (as floats).
 */
export const LOAN_FIELDS = [
  /** Current principal balance, cents. */
  'balance',
  /** Current note rate, annual decimal. */
  'rate',
  /** Scheduled monthly principal and interest, cents. */
  'payment',
  /** Scheduled payments left, including the next. */
  'remainingTerm',
  /** Payments made since origination (the loan's age in months). */
  'age',
  /** Number of loans the row stands for (1 at loan level; more on a representative line). */
  'loans',
  /** ARM: margin over the loans' index, decimal. */
  'margin',
  /** ARM: cap on the first rate change, then on each later change, decimal. */
  'initialCap',
  'periodicCap',
  /** ARM: lifetime ceiling and floor of the note rate. */
  'maxRate',
  'minRate',
  /** ARM: months until the next rate change (1 = the next payment is at the new rate). */
  'monthsToReset',
  /** ARM: months between rate changes after the first (6 for a 2/28 on 6-month LIBOR). */
  'resetPeriod',
  /** ARM: index + margin is rounded to the nearest multiple of this (0.00125 = 1/8%); 0: none. */
  'rounding',
  /** Balloon: amortization months beyond maturity (a 30/15 balloon: 180); 0 for full amortizers. */
  'amortizationExtra',
  /**
   * Months of prepayment-charge term left; the charge as a fraction of the amount prepaid; the
   * amount of each loan's balance that may be prepaid free (cents; 20% of the original balance
   * for the six-months-interest form).
   */
  'penaltyMonths',
  'penaltyRate',
  'penaltyExempt',
  /**
   * 1: the loan is in foreclosure or REO at the start. Unless the scenario says they perform
   * (`foreclosures: "perform"`), such loans are liquidated `foreclosureLag` months in and
   * neither pay nor prepay before.
   */
  'inForeclosure',
  /**
   * 1: the loan is 60 or more days delinquent or in bankruptcy at the start (not in
   * foreclosure). The scenario's `rollToDefault` share of it defaults at the start.
   */
  'seriouslyDelinquent',
  /**
   * The loan's group in a deal with loan groups: its index in the deal's `groups` (0 for a
   * pool of one group). The loop never reads it: a grouped projection runs each group's rows.
   */
  'group',
] as const;
export type LoanField = (typeof LOAN_FIELDS)[number];

export type LoanArrays = { readonly count: number; readonly fixedCount: number } & {
  readonly [F in LoanField]: Float64Array;
};

/** One loan (or representative line) as the projection needs it: the converter's target. */
export interface LoanRecord {
  readonly balance: number;
  readonly rate: number;
  readonly remainingTerm: number;
  readonly age: number;
  /** Scheduled P&I; computed as the level payment when omitted. */
  readonly payment?: number;
  readonly loans?: number;
  readonly arm?: {
    readonly margin: number;
    readonly initialCap: number;
    readonly periodicCap: number;
    readonly maxRate: number;
    readonly minRate: number;
    readonly monthsToReset: number;
    readonly resetPeriod: number;
    readonly rounding?: number;
  };
  readonly amortizationExtra?: number;
  readonly penalty?: { readonly months: number; readonly rate: number; readonly exempt?: number };
  /** In foreclosure or REO at the start (see the `inForeclosure` field). */
  readonly inForeclosure?: boolean;
  /** 60+ days delinquent or in bankruptcy at the start (see `seriouslyDelinquent`). */
  readonly seriouslyDelinquent?: boolean;
  /** The index of the loan's group in the deal's groups (deals with groups). */
  readonly group?: number;
}

/** Turns a tape's loan type into the projection's record (see fromCollateral.ts). */
export type LoanConverter<T> = (loan: T, row: number) => LoanRecord;

/** Level monthly payment that amortizes `balance` over `n` payments at annual `rate`. */
export function levelPayment(balance: number, rate: number, n: number): number {
  if (n <= 0) return balance;
  const r = rate / 12;
  if (r === 0) return balance / n;
  return (balance * r) / (1 - Math.pow(1 + r, -n));
}

/** Empty arrays for `count` rows in one SharedArrayBuffer. */
export function allocateLoanArrays(count: number, fixedCount: number): LoanArrays {
  return loanArraysOnBuffer(
    new SharedArrayBuffer(LOAN_FIELDS.length * count * 8),
    count,
    fixedCount,
  );
}

/** The arrays over an existing buffer (how a worker thread sees the main thread's loans). */
export function loanArraysOnBuffer(
  buffer: SharedArrayBuffer,
  count: number,
  fixedCount: number,
): LoanArrays {
  const fields = Object.fromEntries(
    LOAN_FIELDS.map((name, i) => [name, new Float64Array(buffer, i * count * 8, count)]),
  ) as { [F in LoanField]: Float64Array };
  return { count, fixedCount, ...fields };
}

/** The one buffer all of the arrays' fields live in. */
export function loanBuffer(a: LoanArrays): SharedArrayBuffer {
  return a.balance.buffer as SharedArrayBuffer;
}

/** Builds the arrays from records, fixed-rate loans first (each kind in tape order). */
export function loanArraysFrom(records: readonly LoanRecord[]): LoanArrays {
  const ordered = [...records.filter((r) => !r.arm), ...records.filter((r) => r.arm)];
  const fixedCount = records.length - records.filter((r) => r.arm).length;
  const a = allocateLoanArrays(ordered.length, fixedCount);
  ordered.forEach((r, i) => {
    a.balance[i] = r.balance;
    a.rate[i] = r.rate;
    a.remainingTerm[i] = r.remainingTerm;
    a.age[i] = r.age;
    a.amortizationExtra[i] = r.amortizationExtra ?? 0;
    a.payment[i] =
      r.payment ?? levelPayment(r.balance, r.rate, r.remainingTerm + (r.amortizationExtra ?? 0));
    a.loans[i] = r.loans ?? 1;
    a.penaltyMonths[i] = r.penalty?.months ?? 0;
    a.penaltyRate[i] = r.penalty?.rate ?? 0;
    a.penaltyExempt[i] = r.penalty?.exempt ?? 0;
    a.inForeclosure[i] = r.inForeclosure ? 1 : 0;
    a.seriouslyDelinquent[i] = r.seriouslyDelinquent ? 1 : 0;
    a.group[i] = r.group ?? 0;
    if (r.arm) {
      a.margin[i] = r.arm.margin;
      a.initialCap[i] = r.arm.initialCap;
      a.periodicCap[i] = r.arm.periodicCap;
      a.maxRate[i] = r.arm.maxRate;
      a.minRate[i] = r.arm.minRate;
      a.monthsToReset[i] = r.arm.monthsToReset;
      a.resetPeriod[i] = r.arm.resetPeriod;
      a.rounding[i] = r.arm.rounding ?? 0;
    }
  });
  return a;
}

/** Row i back as a record (for tests, representative lines and display). */
export function loanRecordAt(a: LoanArrays, i: number): LoanRecord {
  const base = {
    balance: a.balance[i]!,
    rate: a.rate[i]!,
    remainingTerm: a.remainingTerm[i]!,
    age: a.age[i]!,
    payment: a.payment[i]!,
    loans: a.loans[i]!,
    amortizationExtra: a.amortizationExtra[i]!,
    penalty: { months: a.penaltyMonths[i]!, rate: a.penaltyRate[i]!, exempt: a.penaltyExempt[i]! },
    ...(a.inForeclosure[i] === 1 ? { inForeclosure: true } : {}),
    ...(a.seriouslyDelinquent[i] === 1 ? { seriouslyDelinquent: true } : {}),
    ...(a.group[i] !== 0 ? { group: a.group[i]! } : {}),
  };
  if (i < a.fixedCount) return base;
  return {
    ...base,
    arm: {
      margin: a.margin[i]!,
      initialCap: a.initialCap[i]!,
      periodicCap: a.periodicCap[i]!,
      maxRate: a.maxRate[i]!,
      minRate: a.minRate[i]!,
      monthsToReset: a.monthsToReset[i]!,
      resetPeriod: a.resetPeriod[i]!,
      rounding: a.rounding[i]!,
    },
  };
}

/** Sum of the balances (cents, float). */
export function totalBalance(a: LoanArrays): number {
  let total = 0;
  for (let i = 0; i < a.count; i++) total += a.balance[i]!;
  return total;
}

/** The rows of one group (`group` = its index), as arrays of their own, fixed-rate rows first. */
export function groupRows(a: LoanArrays, group: number): LoanArrays {
  const keep: number[] = [];
  for (let i = 0; i < a.count; i++) if (a.group[i] === group) keep.push(i);
  const fixedCount = keep.filter((i) => i < a.fixedCount).length;
  const out = allocateLoanArrays(keep.length, fixedCount);
  keep.forEach((i, j) => {
    for (const f of LOAN_FIELDS) out[f][j] = a[f][i]!;
  });
  return out;
}
