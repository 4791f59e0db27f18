import { prepaymentCharge } from '../collateral/prepaymentCharge.ts';
import { createPrng } from '../collateral/prng.ts';
import type { Deal } from '../deal/deal.ts';
import { cents } from '../money/cents.ts';
import { fromParts, parts } from '../money/plainDate.ts';
import { collectionMonth } from '../servicing/collectionMonth.ts';
import { servicingFeeRate } from '../servicing/reconcileRemittance.ts';
import type { Distribution } from '../waterfall/types.ts';
import { FIRST, LAST, type Design, type Path } from './derivedYearPlan.ts';

/**
 * The payoff search of the derived year: which loans pay off in which month, judged on the
 * loans' scheduled paths alone (fast), corrected each round by a full run (derivedYear.ts).
 */
/** The figures the payoff search matches, computed from the loans' scheduled paths alone. */
export interface Quick {
  paymentsInFull: number;
  prepaymentCharges: number;
  poolEnd: number;
  servicingFees: number;
  classAInterest: number;
  ceInterest: number;
  decemberWac: number;
  decemberCeInterest: number;
}

const QUICK_SCALE: Quick = {
  paymentsInFull: 1_000_00,
  prepaymentCharges: 50_00,
  poolEnd: 5_000_00,
  servicingFees: Infinity,
  classAInterest: 20_00,
  ceInterest: 300_00,
  decemberWac: 0.000001,
  decemberCeInterest: Infinity,
};

export interface QuickContext {
  readonly paths: readonly Path[];
  /** Liquidation month by loan index (those leave without a payoff). */
  readonly liquidation: ReadonlyMap<number, number>;
  /** Charge if loan i pays off in month n (its payoff day fixed). */
  readonly charge: (i: number, n: number) => number;
  /** Class A's interest per dollar of its balance, month by month (from a full run). */
  readonly aRate: ReadonlyMap<number, number>;
  /** What is not class A: the classes below it, the OC and P. */
  readonly belowA: number;
  readonly feeRate: number;
  readonly trusteeRate: number;
}

export function quick(c: QuickContext, payoff: readonly number[]): Quick {
  const q: Quick = {
    paymentsInFull: 0,
    prepaymentCharges: 0,
    poolEnd: 0,
    servicingFees: 0,
    classAInterest: 0,
    ceInterest: 0,
    decemberWac: 0,
    decemberCeInterest: 0,
  };
  let sched = 0;
  let start = 0;
  let decWeighted = 0;
  let decBalance = 0;
  for (let n = FIRST; n <= LAST; n += 1) {
    let b = 0;
    let interest = 0;
    c.paths.forEach((p, i) => {
      const exit = payoff[i]! > 0 ? payoff[i]! : (c.liquidation.get(i) ?? 99);
      if (n > exit) return;
      const bal = p.balance.get(n)!;
      b += bal;
      if (n === LAST) {
        decWeighted += bal * p.rate;
        decBalance += bal;
      }
      if (n === exit) {
        if (payoff[i]! > 0) {
          q.paymentsInFull += bal;
          q.prepaymentCharges += c.charge(i, n);
          interest += (bal * p.rate) / 12;
        }
        return;
      }
      interest += (bal * p.rate) / 12;
      sched += p.principal.get(n)!;
    });
    if (n === FIRST) start = b;
    const fee = b * c.feeRate;
    const a = (b - c.belowA) * c.aRate.get(n)!;
    q.servicingFees += fee;
    q.classAInterest += a;
    q.ceInterest += interest - fee - b * c.trusteeRate - a;
    if (n === LAST) q.decemberCeInterest = ((interest - fee - b * c.trusteeRate - a) * 12) / b;
  }
  q.poolEnd = start - sched - q.paymentsInFull;
  q.decemberWac = decWeighted / decBalance;
  return q;
}

function cost(q: Quick, target: Quick): number {
  let total = 0;
  for (const k of Object.keys(QUICK_SCALE) as (keyof Quick)[]) {
    if (QUICK_SCALE[k] !== Infinity) total += ((q[k] - target[k]) / QUICK_SCALE[k]) ** 2;
  }
  return total;
}

/**
 * Moves payoffs between months and swaps payers for loans that pay on, so that the year's
 * payoffs, charges, pool, fees, class A and CE interest and December's WAC come near their
 * targets (computed from the scheduled paths; `offset` is what the full run adds to them).
 */
export function searchPayoffs(
  c: QuickContext,
  payoff: number[],
  swappable: readonly number[],
  target: Quick,
  seed: number,
): number[] {
  const rng = createPrng(seed);
  let current = [...payoff];
  let currentCost = cost(quick(c, current), target);
  let best = current;
  let bestCost = currentCost;
  let temperature = 1;
  for (let step = 0; step < 40000 && bestCost > 0.05; step += 1) {
    temperature *= 0.99985;
    const next = [...current];
    const payers = swappable.filter((i) => next[i]! > 0);
    const idle = swappable.filter((i) => next[i] === 0);
    const i = payers[rng.int(0, payers.length - 1)]!;
    const u = rng.next();
    if (u < 0.4) next[i] = rng.int(FIRST, LAST);
    else if (u < 0.6) {
      const j = payers[rng.int(0, payers.length - 1)]!;
      [next[i], next[j]] = [next[j]!, next[i]!];
    } else {
      const j = idle[rng.int(0, idle.length - 1)]!;
      next[j] = next[i]!;
      next[i] = 0;
    }
    const value = cost(quick(c, next), target);
    if (value < currentCost || rng.next() < Math.exp((currentCost - value) / temperature)) {
      current = next;
      currentCost = value;
      if (value < bestCost) {
        best = next;
        bestCost = value;
      }
    }
  }
  return best;
}

export const QUICK_KEYS = Object.keys(QUICK_SCALE) as (keyof Quick)[];

export function quickContext(
  deal: Deal,
  d: Design,
  distributions: readonly Distribution[],
): QuickContext {
  const below =
    deal.classes
      .filter((c) => c.kind === 'floating' && c.name !== 'A')
      .reduce((t, c) => t + c.originalBalance, 0) +
    deal.overcollateralization.initialTarget +
    (deal.prepaymentChargeClass?.originalBalance ?? 0);
  const aRate = new Map<number, number>();
  distributions.forEach((dist) => {
    const a = dist.classes.find((c) => c.name === 'A')!;
    aRate.set(dist.distributionNumber, a.interestPaid / a.beginningBalance);
  });
  const charges = new Map<string, number>();
  const trustee = deal.fees.find((f) => !f.servicerCompensation);
  return {
    paths: d.paths,
    liquidation: d.liquidation,
    charge: (i, n) => {
      const key = `${i}@${n}`;
      let value = charges.get(key);
      if (value === undefined) {
        const p = d.paths[i]!;
        const month = collectionMonth(deal, n);
        const { year, month: m } = parts(month.start);
        value = prepaymentCharge(
          p.loan,
          cents(p.balance.get(n)!),
          p.rate,
          fromParts(year, m, d.payoffDay[i]!),
        );
        charges.set(key, value);
      }
      return value;
    },
    aRate,
    belowA: below,
    feeRate: servicingFeeRate(deal) / 12,
    trusteeRate: (trustee?.kind === 'rate' ? trustee.rate : 0) / 12,
  };
}
