import type { Loan } from '../collateral/loan.ts';
import type { Deal } from '../deal/deal.ts';
import type { AnnualSummaryModel } from '../reports/annualTypes.ts';
import { plannedReports } from '../servicing/derived/plannedYear.ts';
import { PLAN_INDEX_RATE as INDEX_RATE } from '../servicing/derived/yearPlanFile.ts';
import type { Distribution } from '../waterfall/types.ts';
import {
  basePlan,
  FIRST,
  LAST,
  plansOf,
  type Design,
  type Knob,
  type Plans,
  type YearTargets,
} from './derivedYearPlan.ts';
import { QUICK_KEYS, quick, quickContext, searchPayoffs, type Quick } from './payoffSearch.ts';
import { solvePins } from './solvePins.ts';
import { yearFigures } from './yearFigures.ts';

export { knobValues, plansOf, TENK_2002, type YearTargets } from './derivedYearPlan.ts';

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
    reoAmortization: summary.prepayments.reoPrincipalAmortization,
  } as Record<Solved, number>;
}

/**
 * Derives the year: the discrete design (basePlan), then rounds of the payoff search against
 * the full run (`searchRounds`); the knobs' curtailments are solved after (solveByAssignment).
 */
export function deriveYear(deal: Deal, loans: readonly Loan[], t: YearTargets) {
  const d = basePlan(loans, t);
  searchRounds(deal, d, t, undefined, 4, 7);
  return d;
}

/**
 * Rounds of the payoff search, each against a full run with the knobs at `values` (the
 * design's when not given). The pool's end is aimed where it will be once the knobs bring the
 * curtailments and the liquidated balance to their targets.
 */
export function searchRounds(
  deal: Deal,
  d: Design,
  t: YearTargets,
  values: ReadonlyMap<string, number> | undefined,
  rounds: number,
  seed: number,
): void {
  for (let round = 0; round < rounds; round += 1) {
    const full = measure(deal, d.loans, plansOf(d, values));
    const c = quickContext(deal, d, full.distributions);
    const now = quick(c, d.payoff);
    const target = Object.fromEntries(
      QUICK_KEYS.map((k) => [k, t[k] - (full.figures[k] - now[k])]),
    ) as unknown as Quick;
    // The knobs will bring the liquidated balance to its target, and the December knobs
    // (which set the pool's end) are aimed at DECEMBER_ROOM, room to move both ways.
    target.poolEnd -= t.liquidatedBalance - full.figures.liquidatedBalance;
    if (values) target.poolEnd += DECEMBER_ROOM - decemberKnobs(d, values);
    const found = searchPayoffs(c, d.payoff, d.swappable, target, seed + round);
    found.forEach((v, i) => (d.payoff[i] = v));
  }
}

/** What the December knobs curtail in the design: 4 x 10,000 (derivedYearPlan.ts). */
const DECEMBER_ROOM = 40_000_00;

/** The December knobs' curtailments at `values` (those that set the pool's end). */
function decemberKnobs(d: Design, values: ReadonlyMap<string, number>): number {
  return d.knobs
    .slice(2)
    .filter((k) => k.month === LAST && d.payoff[d.index.get(k.loan)!] === 0)
    .reduce((a, k) => a + (values.get(`${k.loan}@${k.month}`) ?? 0), 0);
}

/** Whether the year with the knobs at `values` meets every solved target. */
export function meetsTargets(
  deal: Deal,
  d: Design,
  t: YearTargets,
  values: ReadonlyMap<string, number>,
): boolean {
  const f = measure(deal, d.loans, plansOf(d, values)).figures;
  return SOLVED.every((k) => Math.abs(t[k] - f[k]) <= TOLERANCE[k]);
}

/** How near each target must come: the 10-K's printed precision, in cents or as a rate. */
type Solved = Exclude<keyof YearTargets, 'december'>;
const TOLERANCE: Record<Solved, number> = {
  paymentsInFull: 50,
  curtailments: 50,
  poolEnd: 8,
  classAInterest: 5,
  ceInterest: 0.5,
  servicingFees: 0.5,
  prepaymentCharges: 0.5,
  decemberCeInterest: 0.00000005,
  decemberWac: 0.00000005,
  liquidatedBalance: 100,
  realizedLosses: 50,
  reoAmortization: 40,
};
/**
 * Not solved: the servicing fees, which cannot hold with the 10-K's class A interest
 * (seedDifferences.ts), and the curtailments, which take up what this synthetic pool's
 * scheduled principal cannot so that the pool ends where the 10-K says.
 */
const SOLVED = Object.keys(TOLERANCE).filter(
  (k) => k !== 'realizedLosses' && k !== 'servicingFees' && k !== 'curtailments',
) as Solved[];

/** A target with the knobs that move it most directly, tried in order. */
interface Assignment {
  readonly target: string;
  readonly knobs: readonly string[];
}

/**
 * The knobs solved target by target (Gauss-Seidel with secant steps): each target has the
 * knobs that move it most directly (the December curtailments the pool's end, a November one
 * December's WAC, the payers' May curtailments the payoffs, the charged payers' the charges,
 * the December loss December's CE rate); class A and CE interest share two May curtailments,
 * the liquidated balance and the REO principal amortization two liquidations' (2x2 steps). A knob
 * stays between nothing and 40% of its loan's balance; at a bound the next one takes over.
 */
export function solveByAssignment(
  deal: Deal,
  d: Design,
  t: YearTargets,
  values: Map<string, number>,
  sweeps = 30,
): Map<string, number> {
  // December's groups depend on their own loans alone: solved first, then fixed.
  solvePins(deal, d, values);
  const run = (v: Map<string, number>): Record<string, number> =>
    measure(deal, d.loans, plansOf(d, v)).figures;
  const key = (k: Knob) => `${k.loan}@${k.month}`;
  const path = (id: string) => d.paths[d.index.get(id)!]!;
  const goal: Record<string, number> = Object.fromEntries(SOLVED.map((k) => [k, t[k]]));
  const tolerance: Record<string, number> = TOLERANCE;
  const upper = (k: string) =>
    k === key(d.knobs[1]!)
      ? path(k.split('@')[0]!).balance.get(LAST)! - 1_00
      : Math.round(path(k.split('@')[0]!).balance.get(FIRST)! * 0.5);
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
  /** A 2x2 secant step: two targets, two knobs, slopes by differences of `h` cents. */
  const pairStep = (targets: readonly [string, string], knobs: readonly string[], h: number) => {
    const [x, y] = targets;
    const cols = knobs.map((k) => {
      const v = new Map(values);
      v.set(k, values.get(k)! + h);
      const g = run(v);
      return [(g[x]! - f[x]!) / h, (g[y]! - f[y]!) / h];
    });
    const ra = goal[x]! - f[x]!;
    const rc = goal[y]! - f[y]!;
    const det = cols[0]![0]! * cols[1]![1]! - cols[1]![0]! * cols[0]![1]!;
    if (det !== 0) {
      set(knobs[0]!, values.get(knobs[0]!)! + (ra * cols[1]![1]! - rc * cols[1]![0]!) / det);
      set(knobs[1]!, values.get(knobs[1]!)! + (cols[0]![0]! * rc - cols[0]![1]! * ra) / det);
      f = run(values);
    }
  };
  const near = (k: string) => Math.abs(goal[k]! - f[k]!) <= tolerance[k]! / 4;
  for (let sweep = 0; sweep < sweeps; sweep += 1) {
    // Class A and CE interest: a 2x2 secant step on the two May curtailments.
    pairStep(['classAInterest', 'ceInterest'], pair, 1_000_00);
    // The balance liquidated and the REO principal amortization: the November and the
    // December liquidation's May curtailments (liquidations.ts).
    if (!near('liquidatedBalance') || !near('reoAmortization'))
      pairStep(
        ['liquidatedBalance', 'reoAmortization'],
        [key(d.knobs[0]!), key(d.reoKnob)],
        100_00,
      );
    for (const { target, knobs } of single) {
      for (const knob of knobs) {
        if (Math.abs(goal[target]! - f[target]!) <= tolerance[target]! / 4) break;
        const v = new Map(values);
        const step =
          target === 'decemberCeInterest' || target === 'decemberWac' ? 1_000_00 : 100_00;
        v.set(knob, values.get(knob)! + step);
        const g = run(v);
        const slope = (g[target]! - f[target]!) / step;
        if (slope === 0) continue;
        const inside = set(knob, values.get(knob)! + (goal[target]! - f[target]!) / slope);
        f = run(values);
        if (inside) break;
      }
    }

    if (Object.keys(tolerance).every((k) => Math.abs(goal[k]! - f[k]!) <= tolerance[k]!)) break;
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
  const ok = (f: Record<Solved, number>) =>
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
