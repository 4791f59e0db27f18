import { cutoffPosition, nextInstallment } from '../collateral/amortization.ts';
import type { Loan } from '../collateral/loan.ts';
import { createPrng, hashString } from '../collateral/prng.ts';
import type { Deal } from '../deal/deal.ts';
import { cents } from '../money/cents.ts';
import { prepaymentCharge } from '../collateral/prepaymentCharge.ts';
import { fromParts, parts } from '../money/plainDate.ts';
import type { AnnualSummaryModel } from '../reports/annualTypes.ts';
import type { Distribution } from '../waterfall/types.ts';
import { collectionMonth } from '../servicing/collectionMonth.ts';
import { servicingFeeRate } from '../servicing/reconcileRemittance.ts';
import {
  plannedReports,
  type LoanPlan,
  type PlannedEvent,
} from '../servicing/derived/plannedYear.ts';
import { yearFigures } from './yearFigures.ts';

import { PLAN_INDEX_RATE as INDEX_RATE } from '../servicing/derived/yearPlanFile.ts';
const FIRST = 3; // May 2002
/** The book value of the REO properties at the end of 2002 (the 10-K's). */
const REO_BOOK_VALUE = 550_782_00;
const LAST = 10; // December 2002

/** A loan's scheduled path if it pays every installment: balance before each distribution. */
interface Path {
  readonly loan: Loan;
  readonly balance: Map<number, number>;
  readonly principal: Map<number, number>;
  readonly rate: number;
}

function paths(loans: readonly Loan[]): Path[] {
  return loans.map((loan) => {
    let position = cutoffPosition(loan);
    const balance = new Map<number, number>();
    const principal = new Map<number, number>();
    let rate = loan.noteRate;
    for (let n = FIRST; n <= LAST + 1; n += 1) {
      balance.set(n, position.balance);
      const inst = nextInstallment(loan, position, INDEX_RATE);
      principal.set(n, inst.principal);
      if (n === FIRST) rate = inst.rate;
      position = inst.after;
    }
    return { loan, balance, principal, rate };
  });
}

/** Roles of the loans that go delinquent: when they first miss, and what follows. */
interface Role {
  readonly missFrom: number;
  readonly bankruptcyFrom?: number;
  readonly foreclosureFrom?: number;
  readonly reoFrom?: number;
  readonly liquidateAt?: number;
}

/** The 10-K's targets the year is solved to, in cents (see docs/formats-remittance.md). */
export interface YearTargets {
  readonly paymentsInFull: number;
  readonly curtailments: number;
  readonly poolEnd: number;
  readonly classAInterest: number;
  readonly ceInterest: number;
  readonly servicingFees: number;
  readonly prepaymentCharges: number;
  readonly decemberCeInterest: number;
  readonly decemberWac: number;
  readonly liquidatedBalance: number;
  readonly realizedLosses: number;
}

type Plans = Map<string, LoanPlan>;

/**
 * The 2002 10-K's figures the derived year is solved to (cents): the year's payments in full
 * 24,751,934, charges 667,339.67 (P's 6673396.70 per $1,000), the pool at year end
 * 172,244,554.16 and class A interest 2,728,936.47 (A's 164.073198 and 16.960345 per $1,000),
 * CE interest 9,183,174.63 (2311.398027 per $1,000), December's CE rate 6.17112% and beginning
 * WAC 8.62477%, liquidations of 303,316 with realized losses 126,976. Curtailments (141,246)
 * and the servicing fees (794,704.30) are not solved (docs/formats-remittance.md).
 */
export const TENK_2002: YearTargets = {
  paymentsInFull: 24_751_934_00,
  curtailments: 141_246_00,
  poolEnd: 172_244_554_16,
  classAInterest: 2_728_936_47,
  ceInterest: 9_183_174_63,
  servicingFees: 794_704_30,
  prepaymentCharges: 667_339_67,
  decemberCeInterest: 0.0617112,
  decemberWac: 0.0862477,
  liquidatedBalance: 303_316_00,
  realizedLosses: 126_976_00,
};

function order(loans: readonly Loan[], salt: string): Loan[] {
  return [...loans].sort(
    (a, b) => hashString(`${salt}${a.id}`) - hashString(`${salt}${b.id}`) || (a.id < b.id ? -1 : 1),
  );
}

export interface Knob {
  readonly loan: string;
  readonly month: number;
}

/**
 * The discrete part of the plan: who misses when and goes on to bankruptcy, foreclosure, REO
 * and liquidation; who pays off in which month; which loans send curtailments. Deterministic.
 */
export function basePlan(loans: readonly Loan[], t: YearTargets) {
  const all = paths(loans);
  const byId = new Map(all.map((p) => [p.loan.id, p]));
  const used = new Set<string>();
  const rng = createPrng(20021231);
  const events = new Map<string, Map<number, PlannedEvent>>();
  const ev = (id: string) => {
    let m = events.get(id);
    if (!m) events.set(id, (m = new Map()));
    return m;
  };
  const roleOf = new Map<string, Role>();
  const take = (id: string, role: Role) => {
    used.add(id);
    roleOf.set(id, role);
  };

  // Liquidations: three loans (September, November, a small one in December) whose balances
  // at liquidation add up to a little more than the target; the November one's curtailment in
  // May, before it stops paying, makes up the difference.
  const pool = order(loans, 'liq').map((l) => byId.get(l.id)!);
  const small = pool.filter(
    (p) => p.balance.get(10)! >= 20_000_00 && p.balance.get(10)! <= 60_000_00,
  );
  let best: [Path, Path, Path, number] | undefined;
  const c0 = small[0]!;
  for (let i = 0; i < pool.length && !best; i += 1) {
    for (let j = i + 1; j < pool.length; j += 1) {
      if (pool[i] === c0 || pool[j] === c0) continue;
      const s = pool[i]!.balance.get(7)! + pool[j]!.balance.get(9)! + c0.balance.get(10)!;
      if (s - t.liquidatedBalance >= 500_00 && s - t.liquidatedBalance <= 5_000_00) {
        best = [pool[i]!, pool[j]!, c0, s];
        break;
      }
    }
  }
  if (!best) throw new Error('no loans for the liquidations');
  take(best[0].loan.id, { missFrom: 3, foreclosureFrom: 4, reoFrom: 6, liquidateAt: 7 });
  take(best[1].loan.id, { missFrom: 4, foreclosureFrom: 5, reoFrom: 7, liquidateAt: 9 });
  take(best[2].loan.id, { missFrom: 5, foreclosureFrom: 7, reoFrom: 9, liquidateAt: 10 });
  ev(best[1].loan.id).set(3, { kind: 'pay', curtailment: cents(best[3] - t.liquidatedBalance) });
  const liquidationKnob = { loan: best[1].loan.id, month: 3 };
  // The first loses 42% of its balance, the December one what the knob says (initially 60%),
  // the second the rest of the year's losses.
  const lossFirst = Math.round(best[0].balance.get(7)! * 0.42);
  const lossKnob = { loan: best[2].loan.id, month: 10 };
  const lossDecember = Math.round(best[2].balance.get(10)! * 0.6);
  const lossOf = new Map([
    [best[0].loan.id, lossFirst],
    [best[2].loan.id, lossDecember],
    [best[1].loan.id, t.realizedLosses - lossFirst - lossDecember],
  ]);

  // December: REO, foreclosure, bankruptcy, 90+, 60-89, 30-59 (the 10-K's counts).
  const free = () => order(loans, 'dq').filter((l) => !used.has(l.id));
  const assign = (count: number, role: (i: number) => Role) => {
    free()
      .slice(0, count)
      .forEach((l, i) => take(l.id, role(i)));
  };
  assign(1, () => ({ missFrom: 4, foreclosureFrom: 6, reoFrom: 9 }));
  assign(2, () => ({ missFrom: 5, foreclosureFrom: 7, reoFrom: 10 }));
  assign(13, (i) => {
    const missFrom = 3 + (i % 6);
    return { missFrom, foreclosureFrom: Math.min(missFrom + 2, 10) };
  });
  assign(6, (i) => {
    const missFrom = 5 + (i % 4);
    return { missFrom, bankruptcyFrom: missFrom + 1 };
  });
  assign(4, () => ({ missFrom: 8 }));
  assign(2, () => ({ missFrom: 9 }));
  assign(14, () => ({ missFrom: 10 }));
  // The REO properties at year end carry the 10-K's book value, 550,782, split by balance.
  const reoAtYearEnd = [...roleOf].filter(([, r]) => r.reoFrom && !r.liquidateAt).map(([id]) => id);
  const yearEnd = (id: string) => byId.get(id)!.balance.get(LAST + 1)!;
  const reoBalance = reoAtYearEnd.reduce((a, id) => a + yearEnd(id), 0);
  let booked = 0;
  const bookValue = new Map(
    reoAtYearEnd.map((id, i) => {
      const value =
        i === reoAtYearEnd.length - 1
          ? REO_BOOK_VALUE - booked
          : Math.round((REO_BOOK_VALUE * yearEnd(id)) / reoBalance);
      booked += value;
      return [id, value];
    }),
  );
  for (const [id, role] of roleOf) {
    const m = ev(id);
    for (let n = role.missFrom; n <= LAST; n += 1) {
      if (role.liquidateAt === n) {
        m.set(n, { kind: 'liquidate', loss: cents(lossOf.get(id)!) });
        break;
      }
      m.set(n, { kind: 'miss' });
    }
  }
  // Transient delinquency: loans that miss one installment and catch up the month after.
  free()
    .slice(0, 24)
    .forEach((l, i) => {
      const n = FIRST + (i % 7);
      ev(l.id).set(n, { kind: 'miss' });
      ev(l.id).set(n + 1, i % 3 === 0 && n + 2 <= LAST ? { kind: 'stay' } : { kind: 'cure' });
      if (i % 3 === 0 && n + 2 <= LAST) ev(l.id).set(n + 2, { kind: 'cure' });
      used.add(l.id);
    });

  // Payoffs: 586 - 509 loans at year end - 2 liquidations, spread over the months.
  const payoffCount = loans.length - 509 - 3;
  const perMonth = [6, 7, 9, 9, 10, 11, 11, 12];
  const index = new Map(loans.map((l, i) => [l.id, i]));
  const payoff = loans.map(() => 0);
  const payoffDay = loans.map((l) => 1 + (hashString(`day${l.id}`) % 28));
  const candidates = order(loans, 'po').filter((l) => !used.has(l.id));
  let k = 0;
  for (let i = 0; i < perMonth.length; i += 1) {
    for (let j = 0; j < perMonth[i]! && k < payoffCount; j += 1, k += 1) {
      payoff[index.get(candidates[k]!.id)!] = FIRST + i;
    }
  }
  // Curtailments: loans that pay on, a few a month (never a payer: the search may move those).
  // The knobs: the lowest- and highest-rate of them in May, a high-rate one in November, two
  // in December; they start large enough to move both ways.
  const curtailers = candidates.slice(payoffCount + 40, payoffCount + 40 + 40);
  const knobs: Knob[] = [liquidationKnob, lossKnob];
  const byRate = [...curtailers].sort((a, b) => a.noteRate - b.noteRate);
  const knobPlan = new Map<string, [number, number]>([
    [byRate[0]!.id, [FIRST, 12_000_00]],
    [byRate[byRate.length - 1]!.id, [FIRST, 12_000_00]],
    [byRate[byRate.length - 2]!.id, [LAST - 1, 20_000_00]],
    [byRate[Math.floor(byRate.length / 2)]!.id, [LAST, 10_000_00]],
    [byRate[Math.floor(byRate.length / 2) + 1]!.id, [LAST, 10_000_00]],
  ]);
  curtailers.forEach((l, i) => {
    const planned = knobPlan.get(l.id);
    const n = planned ? planned[0] : FIRST + (i % 8);
    const drawn = Math.round(Math.exp(rng.normal(Math.log(800), 0.7))) * 100;
    ev(l.id).set(n, { kind: 'pay', curtailment: cents(planned ? planned[1] : drawn) });
    if (planned) knobs.push({ loan: l.id, month: n });
    used.add(l.id);
  });
  // Payers that send a curtailment in May before paying off later: they set the payoffs' sum
  // (and, those with a charge, the charges) apart from the rest. They stay payers.
  const late = candidates.filter((l) => payoff[index.get(l.id)!]! >= 6);
  for (const l of [
    ...late.filter((x) => x.prepaymentCharge !== undefined).slice(0, 2),
    ...late.filter((x) => x.prepaymentCharge === undefined).slice(0, 2),
  ]) {
    ev(l.id).set(FIRST, { kind: 'pay', curtailment: cents(8_000_00) });
    knobs.push({ loan: l.id, month: FIRST });
    used.add(l.id);
  }
  const swappable = candidates.filter((l) => !used.has(l.id)).map((l) => index.get(l.id)!);
  const liquidation = new Map<number, number>();
  for (const [id, role] of roleOf) {
    if (role.liquidateAt) liquidation.set(index.get(id)!, role.liquidateAt);
  }
  const lossPair = {
    december: best[2].loan.id,
    balancing: best[1].loan.id,
    total: t.realizedLosses - lossFirst,
  };
  return {
    loans,
    paths: all,
    index,
    events,
    roleOf,
    payoff,
    payoffDay,
    swappable,
    knobs,
    liquidation,
    lossPair,
    bookValue,
  };
}

export type Design = ReturnType<typeof basePlan>;

/** The plans of a design, with each knob's curtailment replaced by the value given. */
export function plansOf(d: Design, knobValues?: ReadonlyMap<string, number>): Plans {
  const plans: Plans = new Map();
  d.loans.forEach((l, i) => {
    const role = d.roleOf.get(l.id);
    const events = new Map(d.events.get(l.id) ?? []);
    if (d.payoff[i]! > 0) events.set(d.payoff[i]!, { kind: 'payoff', day: d.payoffDay[i]! });
    for (const [n, e] of events) {
      const value = knobValues?.get(`${l.id}@${n}`);
      if (value !== undefined && e.kind === 'pay')
        events.set(n, { kind: 'pay', curtailment: cents(value) });
      if (value !== undefined && e.kind === 'liquidate')
        events.set(n, { kind: 'liquidate', loss: cents(value) });
    }
    // The balancing liquidation takes the rest of the year's losses.
    if (l.id === d.lossPair.balancing && knobValues) {
      const december = knobValues.get(`${d.lossPair.december}@10`);
      for (const [n, e] of events) {
        if (e.kind === 'liquidate' && december !== undefined)
          events.set(n, { kind: 'liquidate', loss: cents(d.lossPair.total - december) });
      }
    }
    if (events.size === 0 && !role) return;
    plans.set(l.id, {
      events,
      ...(role?.bankruptcyFrom ? { bankruptcyFrom: role.bankruptcyFrom } : {}),
      ...(role?.foreclosureFrom ? { foreclosureFrom: role.foreclosureFrom } : {}),
      ...(role?.reoFrom ? { reoFrom: role.reoFrom } : {}),
      ...(d.bookValue.has(l.id) ? { reoBookValue: cents(d.bookValue.get(l.id)!) } : {}),
    });
  });
  return plans;
}

/** The figures the solver matches, from the annual summary and the distributions. */
export function measure(deal: Deal, loans: readonly Loan[], plans: Plans) {
  const reports = plannedReports(deal, loans, plans, FIRST, LAST, INDEX_RATE);
  const { distributions, summary } = yearFigures(deal, loans, reports);
  return { reports, summary, distributions, figures: figuresOf(summary, distributions) };
}

function figuresOf(summary: AnnualSummaryModel, distributions: readonly Distribution[]) {
  const dec = distributions.at(-1)!;
  const row = (m: AnnualSummaryModel, c: string) => m.certificates.rows.find((r) => r.class === c)!;
  return {
    paymentsInFull: summary.prepayments.paymentsInFull,
    curtailments: summary.prepayments.curtailments,
    poolEnd: summary.loans.endingBalance,
    classAInterest: row(summary, 'A').interest,
    ceInterest: row(summary, 'CE').interest,
    servicingFees: summary.servicer.compensation,
    prepaymentCharges: summary.prepayments.prepaymentCharges,
    decemberCeInterest:
      (dec.classes.find((c) => c.name === 'CE')!.interestPaid * 12) /
      dec.period.beginningPoolBalance,
    decemberWac: dec.period.weightedAverageRate,
    liquidatedBalance: summary.prepayments.liquidationProceeds + summary.realizedLosses.total,
    realizedLosses: summary.realizedLosses.total,
  } as Record<keyof YearTargets, number>;
}

/** The figures the payoff search matches, computed from the loans' scheduled paths alone. */
interface Quick {
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
  poolEnd: Infinity,
  servicingFees: Infinity,
  classAInterest: 20_00,
  ceInterest: 300_00,
  decemberWac: 0.000001,
  decemberCeInterest: Infinity,
};

interface QuickContext {
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

function quick(c: QuickContext, payoff: readonly number[]): Quick {
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
function searchPayoffs(
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

const QUICK_KEYS = Object.keys(QUICK_SCALE) as (keyof Quick)[];

function quickContext(deal: Deal, d: Design, full: ReturnType<typeof measure>): QuickContext {
  const below =
    deal.classes
      .filter((c) => c.kind === 'floating' && c.name !== 'A')
      .reduce((t, c) => t + c.originalBalance, 0) +
    deal.overcollateralization.initialTarget +
    (deal.prepaymentChargeClass?.originalBalance ?? 0);
  const aRate = new Map<number, number>();
  full.distributions.forEach((dist) => {
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

/**
 * Derives the year: the discrete design (basePlan), then rounds of the payoff search against
 * the full run, then the knobs' curtailments solved so that the year meets its targets.
 */
export function deriveYear(deal: Deal, loans: readonly Loan[], t: YearTargets) {
  const d = basePlan(loans, t);
  for (let round = 0; round < 4; round += 1) {
    const full = measure(deal, loans, plansOf(d));
    const c = quickContext(deal, d, full);
    const now = quick(c, d.payoff);
    const target = Object.fromEntries(
      QUICK_KEYS.map((k) => [k, t[k] - (full.figures[k] - now[k])]),
    ) as unknown as Quick;
    // The knobs will bring the curtailments and the liquidated balance to their targets.
    target.poolEnd -= t.liquidatedBalance - full.figures.liquidatedBalance;
    const found = searchPayoffs(c, d.payoff, d.swappable, target, 7 + round);
    found.forEach((v, i) => (d.payoff[i] = v));
  }
  return d;
}

/** The knobs' curtailments as the design has them, by `loan@month`. */
export function knobValues(d: Design): Map<string, number> {
  const values = new Map<string, number>();
  for (const k of d.knobs) {
    const e = d.events.get(k.loan)?.get(k.month);
    values.set(
      `${k.loan}@${k.month}`,
      e?.kind === 'pay' ? (e.curtailment ?? 0) : e?.kind === 'liquidate' ? e.loss : 0,
    );
  }
  return values;
}

/** How near each target must come: the 10-K's printed precision, in cents or as a rate. */
const TOLERANCE: Record<keyof YearTargets, number> = {
  paymentsInFull: 50,
  curtailments: 50,
  poolEnd: 8,
  classAInterest: 8,
  ceInterest: 0.5,
  servicingFees: 0.5,
  prepaymentCharges: 0.5,
  decemberCeInterest: 0.00000005,
  decemberWac: 0.00000005,
  liquidatedBalance: 100,
  realizedLosses: 50,
};
/**
 * Not solved: the servicing fees, which cannot hold with the 10-K's class A interest
 * (seedDifferences.ts), and the curtailments, which take up what this synthetic pool's
 * scheduled principal cannot so that the pool ends where the 10-K says.
 */
const SOLVED = Object.keys(TOLERANCE).filter(
  (k) => k !== 'realizedLosses' && k !== 'servicingFees' && k !== 'curtailments',
) as (keyof YearTargets)[];

/** A target with the knobs that move it most directly, tried in order. */
interface Assignment {
  readonly target: keyof YearTargets;
  readonly knobs: readonly string[];
}

/**
 * The knobs solved target by target (Gauss-Seidel with secant steps): each target has the
 * knobs that move it most directly (the December curtailments the pool's end, a November one
 * December's WAC, the payers' May curtailments the payoffs, the charged payers' the charges,
 * the December loss December's CE rate, the November liquidation's May curtailment the
 * liquidated balance); class A and CE interest share two May curtailments (a 2x2 step). A knob
 * stays between nothing and 40% of its loan's balance; at a bound the next one takes over.
 */
export function solveByAssignment(
  deal: Deal,
  d: Design,
  t: YearTargets,
  values: Map<string, number>,
  sweeps = 12,
): Map<string, number> {
  const run = (v: Map<string, number>) => measure(deal, d.loans, plansOf(d, v)).figures;
  const key = (k: Knob) => `${k.loan}@${k.month}`;
  const path = (id: string) => d.paths[d.index.get(id)!]!;
  const upper = (k: string) =>
    k === key(d.knobs[1]!)
      ? path(k.split('@')[0]!).balance.get(LAST)! - 1_00
      : Math.round(path(k.split('@')[0]!).balance.get(FIRST)! * 0.4);
  const payers = d.knobs.filter((k) => k.month === FIRST && d.payoff[d.index.get(k.loan)!]! > 0);
  const charged = payers.filter((k) => path(k.loan).loan.prepaymentCharge).map(key);
  const free = payers.filter((k) => !path(k.loan).loan.prepaymentCharge).map(key);
  const stayers = d.knobs.slice(2).filter((k) => d.payoff[d.index.get(k.loan)!] === 0);
  const byRate = (a: Knob, b: Knob) => path(b.loan).rate - path(a.loan).rate;
  const december = stayers.filter((k) => k.month === LAST).map(key);
  const november = stayers
    .filter((k) => k.month === LAST - 1)
    .sort(byRate)
    .map(key);
  const may = stayers.filter((k) => k.month === FIRST).sort(byRate);
  const single: Assignment[] = [
    { target: 'liquidatedBalance', knobs: [key(d.knobs[0]!)] },
    { target: 'decemberCeInterest', knobs: [key(d.knobs[1]!)] },
    { target: 'paymentsInFull', knobs: free },
    { target: 'prepaymentCharges', knobs: charged },
    { target: 'decemberWac', knobs: november },
    { target: 'poolEnd', knobs: december },
  ];
  const pair = [key(may[0]!), key(may[may.length - 1]!)];
  let f = run(values);
  const set = (k: string, v: number): boolean => {
    const bounded = Math.min(upper(k), Math.max(0, Math.round(v)));
    values.set(k, bounded);
    return bounded === Math.round(v);
  };
  for (let sweep = 0; sweep < sweeps; sweep += 1) {
    // Class A and CE interest: a 2x2 secant step on the two May curtailments.
    const h = 1_000_00;
    const cols = pair.map((k) => {
      const v = new Map(values);
      v.set(k, values.get(k)! + h);
      const g = run(v);
      return [(g.classAInterest - f.classAInterest) / h, (g.ceInterest - f.ceInterest) / h];
    });
    const ra = t.classAInterest - f.classAInterest;
    const rc = t.ceInterest - f.ceInterest;
    const det = cols[0]![0]! * cols[1]![1]! - cols[1]![0]! * cols[0]![1]!;
    if (det !== 0) {
      set(pair[0]!, values.get(pair[0]!)! + (ra * cols[1]![1]! - rc * cols[1]![0]!) / det);
      set(pair[1]!, values.get(pair[1]!)! + (cols[0]![0]! * rc - cols[0]![1]! * ra) / det);
      f = run(values);
    }
    for (const { target, knobs } of single) {
      for (const knob of knobs) {
        if (Math.abs(t[target] - f[target]) <= TOLERANCE[target] / 4) break;
        const v = new Map(values);
        const step =
          target === 'decemberCeInterest' || target === 'decemberWac' ? 1_000_00 : 100_00;
        v.set(knob, values.get(knob)! + step);
        const g = run(v);
        const slope = (g[target] - f[target]) / step;
        if (slope === 0) continue;
        const inside = set(knob, values.get(knob)! + (t[target] - f[target]) / slope);
        f = run(values);
        if (inside) break;
      }
    }

    if (SOLVED.every((k) => Math.abs(t[k] - f[k]) <= TOLERANCE[k])) break;
  }
  return values;
}

/**
 * The last cents: CE interest is matched to the cent (the 10-K's per-$1,000 figure pins it) by
 * stepping one May curtailment 10 cents at a time, the December curtailment keeping the pool's
 * end, until every solved target is within its tolerance.
 */
export function finishCents(
  deal: Deal,
  d: Design,
  t: YearTargets,
  values: Map<string, number>,
): Map<string, number> {
  const run = (v: Map<string, number>) => measure(deal, d.loans, plansOf(d, v)).figures;
  const key = (k: Knob) => `${k.loan}@${k.month}`;
  const stayers = d.knobs.slice(2).filter((k) => d.payoff[d.index.get(k.loan)!] === 0);
  const mays = stayers.filter((k) => k.month === FIRST).map(key);
  const december = key(stayers.find((k) => k.month === LAST)!);
  const ok = (f: Record<keyof YearTargets, number>) =>
    SOLVED.every((k) => Math.abs(t[k] - f[k]) <= TOLERANCE[k]);
  for (let i = 0; i <= 300; i += 1) {
    // Alternately one May knob and the other, 7 and 13 cents a step.
    const may = mays[i % 2]!;
    const offset = ((i >> 1) % 2 === 0 ? 1 : -1) * Math.ceil((i >> 1) / 2) * (i % 2 ? 13 : 7);
    const v = new Map(values);
    v.set(may, values.get(may)! + offset);
    let f = run(v);
    v.set(december, v.get(december)! - (t.poolEnd - f.poolEnd));
    f = run(v);

    if (ok(f)) return v;
  }
  return values;
}
