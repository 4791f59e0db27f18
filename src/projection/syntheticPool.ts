import { levelPayment, type LoanRecord } from './loanArrays.ts';

/** Mulberry32: a small seeded generator, so a synthetic pool is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticPoolOptions {
  readonly loans: number;
  readonly seed?: number;
  /** Share of 2/28 ARMs (the rest fixed-rate), default 0.7. */
  readonly armShare?: number;
  /** Scale the balances to this total (cents); default: as drawn (about $340,000 a loan). */
  readonly totalBalance?: number;
}

/**
 * A synthetic subprime pool in the shape of a 2002 home-equity deal (for tests and the
 * benchmark, not a real tape): fixed-rate 15- and 30-year loans and 2/28 ARMs on 6-month LIBOR
 * (first change after 24 payments, then every 6, index + margin rounded to 1/8%; 1.5% first
 * and 1% periodic caps, 7% lifetime cap over the start rate, floor at the start rate), 1 to 6
 * months old, with prepayment charges for 2 (ARM) or 3 (fixed) years.
 */
export function syntheticPool(o: SyntheticPoolOptions): LoanRecord[] {
  const random = seededRandom(o.seed ?? 2002);
  const armShare = o.armShare ?? 0.7;
  const records: LoanRecord[] = [];
  for (let i = 0; i < o.loans; i++) {
    const isArm = random() < armShare;
    const age = 1 + Math.floor(random() * 6);
    const original = Math.round(60_000 + 560_000 * random() ** 1.5) * 100;
    const term = !isArm && random() < 0.2 ? 180 : 360;
    const rate = Math.round(((isArm ? 0.078 : 0.082) + random() * 0.025) * 8000) / 8000;
    // The balance after `age` payments of the level schedule.
    const payment = levelPayment(original, rate, term);
    let balance = original;
    for (let k = 0; k < age; k++) balance -= payment - (balance * rate) / 12;
    const base = { balance, rate, remainingTerm: term - age, age, payment };
    records.push(
      isArm
        ? {
            ...base,
            arm: {
              margin: Math.round((0.055 + random() * 0.015) * 8000) / 8000,
              initialCap: 0.015,
              periodicCap: 0.01,
              maxRate: rate + 0.07,
              minRate: rate,
              monthsToReset: 25 - age,
              resetPeriod: 6,
              rounding: 0.00125,
            },
            penalty: { months: Math.max(0, 24 - age), rate: 0.03 },
          }
        : { ...base, penalty: { months: Math.max(0, 36 - age), rate: 0.03 } },
    );
  }
  if (o.totalBalance === undefined) return records;
  const total = records.reduce((s, r) => s + r.balance, 0);
  const k = o.totalBalance / total;
  return records.map((r) => ({ ...r, balance: r.balance * k, payment: (r.payment ?? 0) * k }));
}
