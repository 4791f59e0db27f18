import { loanArraysFrom, loanRecordAt, type LoanArrays, type LoanRecord } from './loanArrays.ts';

/** How finely loans are grouped into representative lines. */
export interface RepLineOptions {
  /** Note-rate and margin buckets (decimal; default 0.0025 = 25 bp). */
  readonly rateStep?: number;
  /** Remaining-term buckets in months (default 12). */
  readonly termStep?: number;
}

/**
 * Groups loans into representative lines: one line for the loans of the same kind, note-rate
 * bucket, remaining-term bucket and prepayment-charge months left, and for ARMs the same months
 * to the next rate change, reset period and margin bucket. A line carries the group's total
 * balance, payment and loan count, and balance-weighted rate, term, age, margin, caps and
 * charge terms. Loans in foreclosure or REO, and loans seriously delinquent, at the start group apart. Projecting the lines approximates projecting every loan at a fraction of the
 * loan-months (docs/projections.md compares the two).
 */
export function representativeLines(a: LoanArrays, o: RepLineOptions = {}): LoanArrays {
  const rateStep = o.rateStep ?? 0.0025;
  const termStep = o.termStep ?? 12;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < a.count; i++) {
    if (a.balance[i]! <= 0) continue;
    const arm = i >= a.fixedCount;
    const key = [
      arm ? 'A' : 'F',
      Math.round(a.rate[i]! / rateStep),
      Math.round(a.remainingTerm[i]! / termStep),
      a.penaltyMonths[i],
      a.inForeclosure[i],
      a.seriouslyDelinquent[i],
      arm ? [a.monthsToReset[i], a.resetPeriod[i], Math.round(a.margin[i]! / rateStep)] : '',
    ].join('|');
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  }
  return loanArraysFrom([...groups.values()].map((members) => line(a, members)));
}

function line(a: LoanArrays, members: number[]): LoanRecord {
  const records = members.map((i) => loanRecordAt(a, i));
  const balance = records.reduce((s, r) => s + r.balance, 0);
  const loans = records.reduce((s, r) => s + (r.loans ?? 1), 0);
  const avg = (f: (r: LoanRecord) => number): number =>
    records.reduce((s, r) => s + f(r) * r.balance, 0) / balance;
  const first = records[0]!;
  const remainingTerm = Math.round(avg((r) => r.remainingTerm));
  const base = {
    balance,
    rate: avg((r) => r.rate),
    remainingTerm,
    age: Math.round(avg((r) => r.age)),
    payment: records.reduce((s, r) => s + (r.payment ?? 0), 0),
    loans,
    amortizationExtra: Math.round(avg((r) => r.amortizationExtra ?? 0)),
    penalty: {
      months: first.penalty?.months ?? 0,
      rate: avg((r) => r.penalty?.rate ?? 0),
      exempt: records.reduce((s, r) => s + (r.penalty?.exempt ?? 0) * (r.loans ?? 1), 0) / loans,
    },
    ...(first.inForeclosure ? { inForeclosure: true } : {}),
    ...(first.seriouslyDelinquent ? { seriouslyDelinquent: true } : {}),
  };
  if (!first.arm) return base;
  const arm = (f: (x: NonNullable<LoanRecord['arm']>) => number): number =>
    avg((r) => (r.arm ? f(r.arm) : 0));
  return {
    ...base,
    arm: {
      margin: arm((x) => x.margin),
      initialCap: arm((x) => x.initialCap),
      periodicCap: arm((x) => x.periodicCap),
      maxRate: arm((x) => x.maxRate),
      minRate: arm((x) => x.minRate),
      monthsToReset: first.arm.monthsToReset,
      resetPeriod: first.arm.resetPeriod,
      rounding: first.arm.rounding ?? 0,
    },
  };
}
